import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import type { Person, Tie } from '../../../../shared/model/network';

/**
 * The graph view's model: people as dense indices, trust ties as typed-array edges, each person's
 * main skill and Louvain community. Built from a validated network snapshot; drawing and hit tests
 * read only this (never the Yjs document).
 */
export interface GraphModel {
  readonly ids: readonly string[];
  readonly names: readonly string[];
  readonly people: readonly Person[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** Edge e goes from source[e] to target[e] with the tie's trust. */
  readonly source: Int32Array;
  readonly target: Int32Array;
  readonly trust: Float32Array;
  /** The skill each person holds at the highest level ('' when they list none). */
  readonly mainSkill: readonly string[];
  /** The field (taxonomy category) of the main skill: few enough to tell apart by colour. */
  readonly mainField: readonly string[];
  /** Louvain community per person, numbered by size (0 is the largest). */
  readonly community: Int32Array;
}

export function buildGraphModel(people: readonly Person[], ties: readonly Tie[], options: { seed?: number; fieldOf?: (skill: string) => string | undefined } = {}): GraphModel {
  const seed = options.seed ?? 1;
  const ids = people.map((p) => p.id);
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const kept = ties.filter((t) => t.from !== t.to && indexOf.has(t.from) && indexOf.has(t.to));
  const source = Int32Array.from(kept, (t) => indexOf.get(t.from)!);
  const target = Int32Array.from(kept, (t) => indexOf.get(t.to)!);
  const trust = Float32Array.from(kept, (t) => t.trust);
  const mainSkill = people.map((p) => p.skills.reduce<{ skill: string; level: number } | null>((best, s) => (!best || s.level > best.level ? s : best), null)?.skill ?? '');
  const mainField = mainSkill.map((s) => (s ? (options.fieldOf?.(s) ?? s) : ''));
  return { ids, names: people.map((p) => p.name), people, indexOf, source, target, trust, mainSkill, mainField, community: communities(ids, source, target, trust, seed) };
}

/** Louvain over the undirected trust graph (weight: the stronger direction), seeded so peers agree. */
function communities(ids: readonly string[], source: Int32Array, target: Int32Array, trust: Float32Array, seed: number): Int32Array {
  const g = new Graph({ type: 'undirected', multi: false });
  ids.forEach((_, i) => g.addNode(i));
  for (let e = 0; e < source.length; e++) {
    const a = source[e];
    const b = target[e];
    if (g.hasEdge(a, b)) g.updateEdgeAttribute(a, b, 'weight', (w: number) => Math.max(w, trust[e]));
    else g.addEdge(a, b, { weight: trust[e] });
  }
  let state = seed >>> 0 || 1;
  const rng = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const raw = g.size ? louvain(g, { getEdgeWeight: 'weight', rng }) : Object.fromEntries(ids.map((_, i) => [i, i]));
  const sizes = new Map<number, number>();
  for (const c of Object.values(raw)) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  const rank = new Map([...sizes].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([c], i) => [c, i]));
  return Int32Array.from(ids, (_, i) => rank.get(raw[i])!);
}
