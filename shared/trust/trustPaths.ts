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
  const { n, outStart, outTo, outTrust, inStart, inFrom, inTrust } = graph;
  const dist = new Float64Array(n).fill(Infinity);
  const prev = new Int32Array(n).fill(-1);
  const done = new Uint8Array(n);
  // Settle targets and their in-neighbours (possible introducers).
  const wanted = new Set<number>();
  for (const t of targets) {
    wanted.add(t);
    for (let e = inStart[t]; e < inStart[t + 1]; e++) wanted.add(inFrom[e]);
  }
  let left = wanted.size;
  const heap: [number, number][] = [[0, source]];
  dist[source] = 0;
  const push = (item: [number, number]) => {
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heap[p][0] <= item[0]) break;
      heap[i] = heap[p];
      i = p;
    }
    heap[i] = item;
  };
  const pop = () => {
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length) {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= heap.length) break;
        if (c + 1 < heap.length && heap[c + 1][0] < heap[c][0]) c++;
        if (heap[c][0] >= last[0]) break;
        heap[i] = heap[c];
        i = c;
      }
      heap[i] = last;
    }
    return top;
  };
  while (heap.length && left > 0) {
    const [d, u] = pop();
    if (done[u]) continue;
    done[u] = 1;
    if (wanted.has(u)) left--;
    for (let e = outStart[u]; e < outStart[u + 1]; e++) {
      const v = outTo[e];
      const nd = d - Math.log(outTrust[e]);
      if (nd < dist[v]) {
        dist[v] = nd;
        prev[v] = u;
        push([nd, v]);
      }
    }
  }
  const pathTo = (v: number) => {
    const path: number[] = [];
    for (let x = v; x !== -1; x = prev[x]) path.push(x);
    return path.reverse();
  };
  const result = new Map<number, { path: number[]; trust: number }[]>();
  for (const t of targets) {
    if (t === source) {
      result.set(t, [{ path: [source], trust: 1 }]);
      continue;
    }
    const options: { path: number[]; trust: number }[] = [];
    for (let e = inStart[t]; e < inStart[t + 1]; e++) {
      const w = inFrom[e];
      if (dist[w] === Infinity) continue;
      const via = w === source ? [source] : pathTo(w);
      if (via.includes(t)) continue;
      options.push({ path: [...via, t], trust: Math.exp(-dist[w]) * inTrust[e] });
    }
    options.sort((a, b) => b.trust - a.trust);
    const seen = new Set<number>();
    const distinct = options.filter((o) => {
      const introducer = o.path[o.path.length - 2];
      if (seen.has(introducer)) return false;
      seen.add(introducer);
      return true;
    });
    result.set(t, distinct.slice(0, perTarget));
  }
  return result;
}
