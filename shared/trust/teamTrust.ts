import type { TrustGraph } from '../graph/trustGraph';
import { trustPaths } from './trustPaths';

/** The best trust path between two members, in whichever direction carries more trust. */
export interface MemberPair {
  a: string;
  b: string;
  /** Path trust (the product of the ties' trust along it), 0 when no path exists. */
  trust: number;
  /** Person ids from one member to the other, both included; empty when no path exists. */
  path: string[];
}

export interface TeamTrust {
  /** Every unordered pair of members, weakest first. */
  pairs: MemberPair[];
  /** People outside the team who carry the members' best paths, most used first. */
  bridges: { personId: string; pairs: number }[];
}

/**
 * The trust paths between a team's members: for each pair the most trusted directed path (either
 * way), the weakest pairs first (where the team's trust is thinnest), and the outsiders the team's
 * trust runs through (people worth keeping close, or asking for an introduction).
 */
export function teamTrust(graph: TrustGraph, memberIds: readonly string[]): TeamTrust {
  const members = [...new Set(memberIds)].filter((id) => graph.indexOf.has(id));
  const idx = members.map((id) => graph.indexOf.get(id)!);
  const best = new Map<string, MemberPair>();
  idx.forEach((source, i) => {
    const found = trustPaths(graph, source, idx, 1);
    idx.forEach((target, j) => {
      if (i === j) return;
      const [a, b] = i < j ? [members[i], members[j]] : [members[j], members[i]];
      const key = `${a}\u0000${b}`;
      const option = found.get(target)?.[0];
      const trust = option?.trust ?? 0;
      const current = best.get(key);
      const path = option ? option.path.map((p) => graph.ids[p]) : [];
      // more trust wins; at equal trust, the path with fewer introductions
      const better = !current || trust > current.trust + 1e-12 || (Math.abs(trust - current.trust) <= 1e-12 && path.length < current.path.length);
      if (better) best.set(key, { a, b, trust, path: i < j ? path : [...path].reverse() });
    });
  });
  const pairs = [...best.values()].sort((x, y) => x.trust - y.trust || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
  const inTeam = new Set(members);
  const use = new Map<string, number>();
  for (const p of pairs) for (const id of p.path.slice(1, -1)) if (!inTeam.has(id)) use.set(id, (use.get(id) ?? 0) + 1);
  const bridges = [...use].map(([personId, n]) => ({ personId, pairs: n })).sort((x, y) => y.pairs - x.pairs || x.personId.localeCompare(y.personId));
  return { pairs, bridges };
}
