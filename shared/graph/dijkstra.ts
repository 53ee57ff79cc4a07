import type { TrustGraph } from './trustGraph';

/** Adjacency in CSR form with edge lengths. */
export interface LengthGraph {
  readonly n: number;
  readonly start: Int32Array;
  readonly to: Int32Array;
  readonly len: Float64Array;
}

/** The undirected communication view (DESIGN.md §3) and the directed most-trusted-path view. */
export const undirectedView = (g: TrustGraph): LengthGraph => ({ n: g.n, start: g.undStart, to: g.undTo, len: g.undLen });
export const directedView = (g: TrustGraph): LengthGraph => ({ n: g.n, start: g.outStart, to: g.outTo, len: g.outLen });

/**
 * Reusable single-source shortest paths over a length graph, bounded by a radius.
 * Arrays are allocated once per graph and reset by a generation stamp, so a search that touches
 * k nodes costs O(k log k), not O(n): the assembly solver runs thousands of small ones.
 */
export class BoundedDijkstra {
  private readonly dist: Float64Array;
  private readonly stamp: Uint32Array;
  private readonly done: Uint32Array;
  private readonly prev: Int32Array;
  private generation = 0;
  private heapNode: Int32Array;
  private heapKey: Float64Array;
  private heapSize = 0;

  private readonly graph: LengthGraph;

  constructor(graph: TrustGraph | LengthGraph) {
    this.graph = 'undStart' in graph ? undirectedView(graph) : graph;
    this.dist = new Float64Array(graph.n);
    this.stamp = new Uint32Array(graph.n);
    this.done = new Uint32Array(graph.n);
    this.prev = new Int32Array(graph.n);
    this.heapNode = new Int32Array(1024);
    this.heapKey = new Float64Array(1024);
  }

  /**
   * Settles nodes in order of distance from `source` up to `maxDist`. `visit(node, dist)` is called
   * once per settled node (the source first); returning true stops the search.
   */
  run(source: number, maxDist: number, visit: (node: number, dist: number) => boolean | void): void {
    const g = this.graph;
    const gen = ++this.generation;
    const { dist, stamp, done, prev } = this;
    this.heapSize = 0;
    dist[source] = 0;
    stamp[source] = gen;
    prev[source] = -1;
    this.push(source, 0);
    while (this.heapSize > 0) {
      const d = this.heapKey[0];
      const u = this.pop();
      if (done[u] === gen) continue;
      done[u] = gen;
      if (visit(u, d) === true) return;
      for (let e = g.start[u], end = g.start[u + 1]; e < end; e++) {
        const v = g.to[e];
        if (done[v] === gen) continue;
        const nd = d + g.len[e];
        if (nd > maxDist) continue;
        if (stamp[v] !== gen || nd < dist[v]) {
          stamp[v] = gen;
          dist[v] = nd;
          prev[v] = u;
          this.push(v, nd);
        }
      }
    }
  }

  /** Distance of `node` in the last run, or Infinity if it was not reached. */
  distanceTo(node: number): number {
    return this.stamp[node] === this.generation ? this.dist[node] : Infinity;
  }

  /** The path from the last run's source to `node` (which must have been settled). */
  pathTo(node: number): number[] {
    const path: number[] = [];
    for (let v = node; v !== -1; v = this.prev[v]) path.push(v);
    return path.reverse();
  }

  private push(node: number, key: number) {
    if (this.heapSize === this.heapNode.length) {
      const nn = new Int32Array(this.heapSize * 2);
      nn.set(this.heapNode);
      const nk = new Float64Array(this.heapSize * 2);
      nk.set(this.heapKey);
      this.heapNode = nn;
      this.heapKey = nk;
    }
    const hn = this.heapNode;
    const hk = this.heapKey;
    let i = this.heapSize++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (hk[parent] <= key) break;
      hn[i] = hn[parent];
      hk[i] = hk[parent];
      i = parent;
    }
    hn[i] = node;
    hk[i] = key;
  }

  private pop(): number {
    const hn = this.heapNode;
    const hk = this.heapKey;
    const top = hn[0];
    const size = --this.heapSize;
    if (size > 0) {
      const node = hn[size];
      const key = hk[size];
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= size) break;
        if (c + 1 < size && hk[c + 1] < hk[c]) c++;
        if (hk[c] >= key) break;
        hn[i] = hn[c];
        hk[i] = hk[c];
        i = c;
      }
      hn[i] = node;
      hk[i] = key;
    }
    return top;
  }
}
