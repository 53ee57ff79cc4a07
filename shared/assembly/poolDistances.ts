import { DISTANCE_CAP } from '../graph/trustGraph';
import type { AssemblyIndex } from './assemblyIndex';

/**
 * Exact capped trust distances between people, cached per index so that re-solves reuse them.
 *
 * Small graphs: one bounded Dijkstra per source, stopped when every target is settled.
 * Large graphs: meet in the middle. With a ball of radius ρ around each person, d(a, b) ≤ 2ρ is
 * found exactly as min over an edge (u, w) with u in ball(a), w in ball(b) (or u = w) of
 * d(a, u) + len(u, w) + d(w, b): on a shortest path there is such an edge crossing the sphere of
 * radius ρ around a. Pairs further apart fall back to a targeted Dijkstra.
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
    private readonly smallGraph = 20_000,
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
   * Fills the cache for every pair of `people`. `radius` hints how far apart they are expected to
   * be (the large-graph path uses balls of that radius).
   */
  ensurePairs(people: readonly number[], radius = 1): void {
    const missing = new Map<number, number[]>();
    for (let i = 0; i < people.length; i++) {
      for (let j = i + 1; j < people.length; j++) {
        const a = people[i];
        const b = people[j];
        if (a === b || this.cache.has(this.key(a, b))) continue;
        const list = missing.get(a);
        if (list) list.push(b);
        else missing.set(a, [b]);
      }
    }
    if (missing.size === 0) return;
    if (this.index.graph.n <= this.smallGraph) {
      for (const [a, targets] of missing) this.fromSource(a, targets);
      return;
    }
    const rho = Math.min(DISTANCE_CAP / 2, Math.max(radius, 0.25));
    const unresolved: [number, number][] = [];
    const involved = new Set<number>();
    for (const [a, targets] of missing) {
      involved.add(a);
      for (const b of targets) involved.add(b);
    }
    for (const p of involved) this.ball(p, rho);
    const g = this.index.graph;
    for (const [a, targets] of missing) {
      // stamp ball(a) once, then scan each target's ball edges against it
      const ba = this.balls.get(a)!;
      const gen = ++this.generation;
      for (let i = 0; i < ba.nodes.length; i++) {
        this.scratch[ba.nodes[i]] = ba.dist[i];
        this.scratchStamp[ba.nodes[i]] = gen;
      }
      for (const b of targets) {
        const bb = this.balls.get(b)!;
        let best = Infinity;
        for (let i = 0; i < bb.nodes.length; i++) {
          const u = bb.nodes[i];
          const du = bb.dist[i];
          if (this.scratchStamp[u] === gen && du + this.scratch[u] < best) best = du + this.scratch[u];
          for (let e = g.undStart[u], end = g.undStart[u + 1]; e < end; e++) {
            const w = g.undTo[e];
            if (this.scratchStamp[w] !== gen) continue;
            const d = du + g.undLen[e] + this.scratch[w];
            if (d < best) best = d;
          }
        }
        if (best <= 2 * Math.min(ba.radius, bb.radius) + 1e-12) this.cache.set(this.key(a, b), best);
        else unresolved.push([a, b]);
      }
    }
    const bySource = new Map<number, number[]>();
    for (const [a, b] of unresolved) bySource.set(a, [...(bySource.get(a) ?? []), b]);
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
