import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';

/**
 * Louvain communities over the undirected trust graph (weight: the stronger direction), seeded so
 * peers agree, numbered by size (0 is the largest). Runs in the layout worker, never on the UI thread.
 */
export function communities(n: number, source: Int32Array, target: Int32Array, trust: Float32Array, seed = 1): Int32Array {
  const g = new Graph({ type: 'undirected', multi: false });
  for (let i = 0; i < n; i++) g.addNode(i);
  for (let e = 0; e < source.length; e++) {
    const a = source[e];
    const b = target[e];
    if (a === b) continue;
    if (g.hasEdge(a, b)) g.updateEdgeAttribute(a, b, 'weight', (w: number) => Math.max(w, trust[e]));
    else g.addEdge(a, b, { weight: trust[e] });
  }
  let state = seed >>> 0 || 1;
  const rng = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const raw: Record<string, number> = g.size ? louvain(g, { getEdgeWeight: 'weight', rng }) : Object.fromEntries(Array.from({ length: n }, (_, i) => [i, i]));
  const sizes = new Map<number, number>();
  for (const c of Object.values(raw)) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  const rank = new Map([...sizes].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([c], i) => [c, i]));
  return Int32Array.from({ length: n }, (_, i) => rank.get(raw[i])!);
}

/** Each community's dominant skills (the most common main skills), largest communities first. */
export function clusterLabels(community: Int32Array, mainSkill: readonly string[], label: (skill: string) => string, limit = 12, perCluster = 2): { community: number; size: number; label: string }[] {
  const bySkill = new Map<number, Map<string, number>>();
  const size = new Map<number, number>();
  for (let i = 0; i < community.length; i++) {
    const c = community[i];
    size.set(c, (size.get(c) ?? 0) + 1);
    if (!mainSkill[i]) continue;
    const m = bySkill.get(c) ?? new Map<string, number>();
    m.set(mainSkill[i], (m.get(mainSkill[i]) ?? 0) + 1);
    bySkill.set(c, m);
  }
  return [...size]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, limit)
    .filter(([, s]) => s >= 3)
    .map(([c, s]) => {
      const top = [...(bySkill.get(c) ?? [])].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, perCluster);
      return { community: c, size: s, label: top.map(([k]) => label(k)).join(' · ') || 'No skills' };
    });
}
