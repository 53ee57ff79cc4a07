import type { Person, Tie } from '../../../../shared/model/network';

/**
 * The graph view's model: people as dense indices, trust ties as typed-array edges, each person's
 * main skill (Louvain communities come from the layout worker: communities.ts). Built from a validated network snapshot; drawing and hit tests
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
}

export function buildGraphModel(people: readonly Person[], ties: readonly Tie[], options: { fieldOf?: (skill: string) => string | undefined } = {}): GraphModel {
  // by id: every peer numbers people alike, so the same graph and pins give the same layout
  people = [...people].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ids = people.map((p) => p.id);
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const kept = ties.filter((t) => t.from !== t.to && indexOf.has(t.from) && indexOf.has(t.to));
  const source = Int32Array.from(kept, (t) => indexOf.get(t.from)!);
  const target = Int32Array.from(kept, (t) => indexOf.get(t.to)!);
  const trust = Float32Array.from(kept, (t) => t.trust);
  const mainSkill = people.map((p) => p.skills.reduce<{ skill: string; level: number } | null>((best, s) => (!best || s.level > best.level ? s : best), null)?.skill ?? '');
  const mainField = mainSkill.map((s) => (s ? (options.fieldOf?.(s) ?? s) : ''));
  return { ids, names: people.map((p) => p.name), people, indexOf, source, target, trust, mainSkill, mainField };
}
