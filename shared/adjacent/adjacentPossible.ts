import type { AssemblyIndex } from '../assembly/assemblyIndex';
import { taxonomy, type SkillTaxonomy } from '../taxonomy/skillTaxonomy';

export interface CompoundCapability {
  skills: string[];
  labels: string[];
  /** People who hold every skill of the compound themselves. */
  holders: string[];
  /** Pairs (or trios) of people, tied by trust, who together hold it. */
  teams: string[][];
  /** How often past teams combined these skills. */
  timesCombined: number;
  score: number;
  why: string[];
}

export interface AdjacentOptions {
  /** Skills used by each past team, to know which combinations are already common. */
  pastTeams?: readonly (readonly string[])[];
  /** Minimum trust for a tie to count as a working bridge. Default 0.6. */
  bridgeTrust?: number;
  limit?: number;
  taxonomy?: SkillTaxonomy;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/**
 * The adjacent possible: combinations of 2–3 skills that sit next to each other (related in the
 * taxonomy, or held at the two ends of strong trust ties) and that the network can staff today,
 * but that past teams rarely or never combined. Ranked by novelty × availability × adjacency, with
 * a bonus for crossing categories (where new value tends to appear).
 */
export function adjacentPossible(index: AssemblyIndex, options: AdjacentOptions = {}): CompoundCapability[] {
  const tax = options.taxonomy ?? taxonomy();
  const bridgeTrust = options.bridgeTrust ?? 0.6;
  const limit = options.limit ?? 10;
  const g = index.graph;
  const skillsOf = (p: number) => index.people[p].skills.map((s) => s.skill);

  const combined = new Map<string, number>();
  for (const team of options.pastTeams ?? []) {
    const uniq = [...new Set(team)];
    for (let i = 0; i < uniq.length; i++) for (let j = i + 1; j < uniq.length; j++) {
      const k = pairKey(uniq[i], uniq[j]);
      combined.set(k, (combined.get(k) ?? 0) + 1);
    }
  }

  // Network adjacency: skill pairs held across a strong tie, and by one person.
  const bridges = new Map<string, [number, number][]>();
  const selfHeld = new Map<string, number[]>();
  for (let p = 0; p < g.n; p++) {
    const own = skillsOf(p);
    for (let i = 0; i < own.length; i++) for (let j = i + 1; j < own.length; j++) {
      const k = pairKey(own[i], own[j]);
      const list = selfHeld.get(k);
      if (list) list.push(p);
      else selfHeld.set(k, [p]);
    }
    for (let e = g.outStart[p]; e < g.outStart[p + 1]; e++) {
      if (g.outTrust[e] < bridgeTrust) continue;
      const q = g.outTo[e];
      for (const a of own) for (const b of skillsOf(q)) {
        if (a === b) continue;
        const k = pairKey(a, b);
        const list = bridges.get(k);
        if (!list) bridges.set(k, [[p, q]]);
        else if (list.length < 50) list.push([p, q]);
      }
    }
  }

  const candidates = new Set<string>();
  for (const s of tax.skills) {
    if (!index.bySkill.has(s.id)) continue;
    for (const r of s.related) if (index.bySkill.has(r)) candidates.add(pairKey(s.id, r));
  }
  for (const k of bridges.keys()) candidates.add(k);

  const scored: CompoundCapability[] = [];
  for (const k of candidates) {
    const [a, b] = k.split('|');
    const sa = tax.get(a);
    const sb = tax.get(b);
    if (!sa || !sb) continue;
    const times = combined.get(k) ?? 0;
    const holders = selfHeld.get(k) ?? [];
    const bridgePairs = bridges.get(k) ?? [];
    const related = sa.related.includes(b);
    if (!related && bridgePairs.length < 2) continue;
    const cross = sa.category !== sb.category;
    const availability = Math.log2(2 + holders.length + bridgePairs.length);
    const adjacency = (related ? 1 : 0.5) + Math.min(1, bridgePairs.length / 10);
    const novelty = 1 / (1 + times);
    const score = novelty * availability * adjacency * (cross ? 1.5 : 1);
    const why = [
      related ? `${sa.label} and ${sb.label} are adjacent in the skill taxonomy` : `${bridgePairs.length} strong trust ties already join people with ${sa.label} and ${sb.label}`,
      times === 0 ? 'no past team has combined them' : `combined in only ${times} past team${times > 1 ? 's' : ''}`,
      cross ? `it crosses ${sa.category} and ${sb.category}, where new value tends to appear` : `both are ${sa.category} skills`,
      `${holders.length} people hold both; ${bridgePairs.length} trusted pairs could form it`,
    ];
    scored.push({
      skills: [a, b],
      labels: [sa.label, sb.label],
      holders: holders.slice(0, 10).map((p) => g.ids[p]),
      teams: bridgePairs.slice(0, 5).map(([p, q]) => [g.ids[p], g.ids[q]]),
      timesCombined: times,
      score,
      why,
    });
  }
  scored.sort((x, y) => y.score - x.score || x.skills.join().localeCompare(y.skills.join()));

  // Trios: extend the best pairs with a skill related to both, held by someone tied to a holder.
  const trios: CompoundCapability[] = [];
  for (const pair of scored.slice(0, limit)) {
    const [a, b] = pair.skills;
    const third = tax.get(a)!.related.find((r) => r !== b && tax.get(b)!.related.includes(r) && index.bySkill.has(r));
    if (!third) continue;
    const times = Math.min(combined.get(pairKey(a, third)) ?? 0, combined.get(pairKey(b, third)) ?? 0, pair.timesCombined);
    trios.push({
      ...pair,
      skills: [a, b, third],
      labels: [...pair.labels, tax.get(third)!.label],
      holders: pair.holders.filter((id) => index.levelOf(g.indexOf.get(id)!, third) >= 0),
      timesCombined: times,
      score: pair.score * 0.9,
      why: [...pair.why, `${tax.get(third)!.label} is adjacent to both`],
    });
  }
  return [...scored.slice(0, limit), ...trios].sort((x, y) => y.score - x.score).slice(0, limit);
}
