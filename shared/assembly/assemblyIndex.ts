import type { NetworkFile, Person } from '../model/network';
import { BoundedDijkstra } from '../graph/dijkstra';
import { buildTrustGraph, type TrustGraph } from '../graph/trustGraph';
import { utcOffsetHours } from '../util/timezone';

/** People holding one skill, sorted by level, descending. */
export interface SkillHolders {
  readonly people: Int32Array;
  readonly levels: Float64Array;
}

/**
 * Everything assembly needs that does not depend on the request: built once per network and reused
 * by every solve (and by incremental re-solves after a pin or ban).
 */
export interface AssemblyIndex {
  readonly graph: TrustGraph;
  readonly people: readonly Person[];
  readonly rate: Float64Array;
  readonly availability: Float64Array;
  readonly utcOffset: Float64Array;
  readonly bySkill: ReadonlyMap<string, SkillHolders>;
  /** A reference hourly rate (90th percentile) to normalise cost when no budget is given. */
  readonly referenceRate: number;
  readonly dijkstra: BoundedDijkstra;
  /** Scratch per person for the solver (which roles they are a candidate for); all zero between solves. */
  readonly roleMask: Int32Array;
  /** The person's level in a skill, or -1 when they do not list it. */
  levelOf(person: number, skill: string): number;
  /** Per person, skill → level (what `levelOf` reads; kept current by indexUpdates.ts). */
  readonly skillLevels: Map<string, number>[];
}

/** The 90th-percentile positive hourly rate (1 when nobody has a rate). */
export function referenceRateOf(rate: Float64Array): number {
  const sorted = rate.filter((r) => r > 0).sort();
  return sorted.length ? sorted[Math.floor(0.9 * (sorted.length - 1))] : 1;
}

export function buildAssemblyIndex(network: Pick<NetworkFile, 'people' | 'ties'>, graph = buildTrustGraph(network)): AssemblyIndex {
  const n = network.people.length;
  const rate = new Float64Array(n);
  const availability = new Float64Array(n);
  const utcOffset = new Float64Array(n);
  const lists = new Map<string, { p: number; l: number }[]>();
  const skillMaps: Map<string, number>[] = new Array(n);
  network.people.forEach((p, i) => {
    rate[i] = p.rate ?? 0;
    availability[i] = p.availability ?? 1;
    utcOffset[i] = utcOffsetHours(p.timezone);
    const m = new Map<string, number>();
    for (const s of p.skills) {
      m.set(s.skill, Math.max(s.level, m.get(s.skill) ?? 0));
    }
    skillMaps[i] = m;
    for (const [skill, level] of m) {
      const list = lists.get(skill);
      if (list) list.push({ p: i, l: level });
      else lists.set(skill, [{ p: i, l: level }]);
    }
  });
  const bySkill = new Map<string, SkillHolders>();
  for (const [skill, list] of lists) {
    list.sort((a, b) => b.l - a.l || a.p - b.p);
    bySkill.set(skill, { people: Int32Array.from(list, (x) => x.p), levels: Float64Array.from(list, (x) => x.l) });
  }
  const referenceRate = referenceRateOf(rate);
  return {
    graph,
    people: network.people.slice(),
    rate,
    availability,
    utcOffset,
    bySkill,
    referenceRate,
    dijkstra: new BoundedDijkstra(graph),
    roleMask: new Int32Array(n),
    levelOf: (person, skill) => skillMaps[person].get(skill) ?? -1,
    skillLevels: skillMaps,
  };
}
