import { BoundedDijkstra, directedView } from '../graph/dijkstra';
import type { TrustGraph } from '../graph/trustGraph';

/**
 * The most trusted directed paths from `source` to each of `targets`: path trust is the product of the
 * ties' trust along the path (the best path is a shortest path under −ln trust). Besides the best
 * path, up to `perTarget − 1` alternatives that end through a different introducer (the last person
 * before the target), since distinct introducers are what an orchestrator can act on.
 *
 * Dijkstra on the directed graph stops once every target's introducers are settled, so paths to
 * the nearby, most trusted people cost little even on a large network.
 */
export function trustPaths(graph: TrustGraph, source: number, targets: readonly number[], perTarget = 3): Map<number, { path: number[]; trust: number }[]> {
  const { inStart, inFrom, inTrust } = graph;
  const dijkstra = new BoundedDijkstra(directedView(graph));
  // Settle the targets, then their in-neighbours (possible introducers) until paths through them
  // would carry under 1% of the best path's trust: such alternatives are not worth showing.
  const wanted = new Set<number>();
  for (const t of targets) {
    wanted.add(t);
    for (let e = inStart[t]; e < inStart[t + 1]; e++) wanted.add(inFrom[e]);
  }
  let left = wanted.size;
  let targetsLeft = new Set(targets).size;
  const targetSet = new Set(targets);
  let horizon = Infinity;
  dijkstra.run(source, Infinity, (node, dist) => {
    if (dist > horizon) return true;
    if (targetSet.has(node) && --targetsLeft === 0) horizon = dist + Math.log(100);
    if (wanted.has(node)) left--;
    return left === 0;
  });
  const result = new Map<number, { path: number[]; trust: number }[]>();
  for (const t of targets) {
    if (t === source) {
      result.set(t, [{ path: [source], trust: 1 }]);
      continue;
    }
    const options: { via: number; trust: number }[] = [];
    for (let e = inStart[t]; e < inStart[t + 1]; e++) {
      const w = inFrom[e];
      const d = dijkstra.distanceTo(w);
      if (d === Infinity) continue;
      options.push({ via: w, trust: Math.exp(-d) * inTrust[e] });
    }
    options.sort((a, b) => b.trust - a.trust || a.via - b.via);
    const seen = new Set<number>();
    const out: { path: number[]; trust: number }[] = [];
    for (const o of options) {
      if (seen.has(o.via) || out.length >= perTarget) continue;
      const via = dijkstra.pathTo(o.via);
      if (via.includes(t)) continue;
      seen.add(o.via);
      out.push({ path: [...via, t], trust: o.trust });
    }
    result.set(t, out);
  }
  return result;
}
