import { DISTANCE_CAP } from '../graph/trustGraph';
import type { AssemblyIndex } from './assemblyIndex';

/** Up to this many people, a targeted Dijkstra is cheap: no balls, and small requests search exhaustively. */
export const SMALL_GRAPH_PEOPLE = 20_000;

/**
 * Exact capped trust distances between people, cached per index so that re-solves reuse them.
 *
 * Small graphs: one bounded Dijkstra per source, stopped when every target is settled.
 * Large graphs: meet in the middle. With balls of radii ρa and ρb, any d(a, b) ≤ ρa + ρb is found
 * exactly as the minimum, over u = w or an edge (u, w) with u in ball(a) and w in ball(b), of
 * d(a, u) + len(u, w) + d(w, b): a shortest path has such an edge where it leaves ball(a).
 * Pairs further apart fall back to a targeted Dijkstra.
 */
export class DistanceOracle {
  private readonly cache = new Map<number, number>();
  private readonly balls = new Map<number, { radius: number; nodes: Int32Array; dist: Float64Array }>();
  private readonly scratch: Float64Array;
  private readonly scratchStamp: Uint32Array;
  private generation = 0;

  constructor(
    private readonly index: AssemblyIndex,
    /** Graphs up to this many people use plain targeted Dijkstra. */
    private readonly smallGraph = SMALL_GRAPH_PEOPLE,
  ) {
    this.scratch = new Float64Array(index.graph.n);
    this.scratchStamp = new Uint32Array(index.graph.n);
  }

  private key(a: number, b: number) {
    return a < b ? a * this.index.graph.n + b : b * this.index.graph.n + a;
  }

  get(a: number, b: number): number {
    if (a === b) return 0;
    const hit = this.cache.get(this.key(a, b));
    if (hit !== undefined) return hit;
    this.fromSource(a, [b]);
    return this.cache.get(this.key(a, b))!;
  }

  /**
   * Fills the cache for every pair of `people`.
   *
   * `radii` (large graphs): for each person, their distance to a common centre (the seed whose ball
   * found them). By the triangle inequality d(a, b) ≤ ρa + ρb, so balls of those radii always meet
   * on a shortest path, and each person's ball is only as large as their own distance to the centre.
   * People without a radius, and every pair on a small graph, use targeted Dijkstra.
   */
  ensurePairs(people: readonly number[], radii?: ReadonlyMap<number, number>): void {
    const pending: [number, number][] = [];
    for (let i = 0; i < people.length; i++) {
      for (let j = i + 1; j < people.length; j++) {
        const a = people[i];
        const b = people[j];
        if (a !== b && !this.cache.has(this.key(a, b))) pending.push([a, b]);
      }
    }
    if (pending.length === 0) return;
    const small = this.index.graph.n <= this.smallGraph;
    const unresolved: [number, number][] = [];
    const g = this.index.graph;
    for (const [a, b] of pending) {
      const ra = radii?.get(a);
      const rb = radii?.get(b);
      if (small || ra === undefined || rb === undefined) {
        unresolved.push([a, b]);
        continue;
      }
      const ballA = this.ball(a, ra);
      const ballB = this.ball(b, rb);
      // stamp the larger ball, scan the smaller one's nodes and edges against it
      const [big, little] = ballA.nodes.length >= ballB.nodes.length ? [ballA, ballB] : [ballB, ballA];
      const gen = ++this.generation;
      for (let i = 0; i < big.nodes.length; i++) {
        this.scratch[big.nodes[i]] = big.dist[i];
        this.scratchStamp[big.nodes[i]] = gen;
      }
      let best = Infinity;
      for (let i = 0; i < little.nodes.length; i++) {
        const u = little.nodes[i];
        const du = little.dist[i];
        if (this.scratchStamp[u] === gen && du + this.scratch[u] < best) best = du + this.scratch[u];
        for (let e = g.undStart[u], end = g.undStart[u + 1]; e < end; e++) {
          const w = g.undTo[e];
          if (this.scratchStamp[w] !== gen) continue;
          const d = du + g.undLen[e] + this.scratch[w];
          if (d < best) best = d;
        }
      }
      if (best <= ra + rb + 1e-12) this.cache.set(this.key(a, b), Math.min(best, DISTANCE_CAP));
      else unresolved.push([a, b]);
    }
    const bySource = new Map<number, number[]>();
    for (const [a, b] of unresolved) {
      const list = bySource.get(a);
      if (list) list.push(b);
      else bySource.set(a, [b]);
    }
    for (const [a, targets] of bySource) this.fromSource(a, targets);
  }

  /** Targeted Dijkstra from `a`, capped at the distance cap; unreached targets count the cap. */
  private fromSource(a: number, targets: readonly number[]) {
    const want = new Set(targets);
    let left = want.size;
    this.index.dijkstra.run(a, DISTANCE_CAP, (node, dist) => {
      if (want.has(node)) {
        this.cache.set(this.key(a, node), dist);
        left--;
      }
      return left === 0;
    });
    for (const b of want) if (!this.cache.has(this.key(a, b))) this.cache.set(this.key(a, b), DISTANCE_CAP);
  }

  private ball(p: number, radius: number) {
    const have = this.balls.get(p);
    if (have && have.radius >= radius) return have;
    const nodes: number[] = [];
    const dist: number[] = [];
    this.index.dijkstra.run(p, radius, (node, d) => {
      nodes.push(node);
      dist.push(d);
    });
    const ball = { radius, nodes: Int32Array.from(nodes), dist: Float64Array.from(dist) };
    if (this.balls.size > 5000) this.balls.clear();
    this.balls.set(p, ball);
    return ball;
  }
}
