import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type Simulation, type SimulationNodeDatum } from 'd3-force';

/** Messages to the layout worker (all plain data, validated by shape on arrival). */
export type LayoutRequest =
  | { type: 'graph'; n: number; source: Int32Array; target: Int32Array; trust: Float32Array; pins: [number, number, number][]; start?: LayoutStart }
  | { type: 'pin'; i: number; x: number; y: number }
  | { type: 'unpin'; i: number }
  | { type: 'pins'; pins: [number, number, number][] };

/**
 * Where to start (the last layout of this graph, useLayoutMemory.ts): NaN where a person has no
 * position yet. A complete start is already settled, so the layout only polishes it (a low alpha).
 */
export interface LayoutStart {
  x: Float32Array;
  y: Float32Array;
  complete: boolean;
}

/** The alpha a complete start begins at: pins and small changes settle; the picture stays. */
export const SEEDED_ALPHA = 0.08;

/** Positions after some ticks, as transferred typed arrays; `alpha` is how far from settled. */
export interface LayoutFrame {
  type: 'frame';
  x: Float32Array;
  y: Float32Array;
  alpha: number;
}

/** Louvain communities of the graph (layout.worker.ts), numbered by size. */
export interface CommunitiesFrame {
  type: 'communities';
  community: Int32Array;
}

interface Node extends SimulationNodeDatum {
  index: number;
}

/**
 * The force layout (d3-force): ties pull people together (stronger trust, shorter tie), everyone
 * repels, pinned people stay where they were put. Deterministic for a given graph and pins (d3-force
 * seeds its own generator), so peers who share the pins see the same arrangement.
 */
export class ForceLayout {
  private sim: Simulation<Node, undefined> | null = null;
  private nodes: Node[] = [];
  private pinKey = '';

  setGraph(req: Extract<LayoutRequest, { type: 'graph' }>): void {
    this.sim?.stop();
    this.pinKey = '';
    const { n, source, target, trust } = req;
    const start = req.start?.x.length === n && req.start.y.length === n ? req.start : undefined;
    this.nodes = Array.from({ length: n }, (_, index) => (start && Number.isFinite(start.x[index]) && Number.isFinite(start.y[index]) ? { index, x: start.x[index], y: start.y[index] } : { index }));
    const links = Array.from(source, (s, e) => ({ source: s, target: target[e], trust: trust[e] }));
    const degree = new Uint32Array(n);
    for (let e = 0; e < source.length; e++) {
      degree[source[e]]++;
      degree[target[e]]++;
    }
    const big = n > 2000;
    this.sim = forceSimulation(this.nodes)
      .force(
        'link',
        forceLink<Node, { source: number; target: number; trust: number }>(links)
          .distance((l) => 20 + 40 * (1 - l.trust))
          .strength((l) => (0.6 * l.trust) / Math.min(degree[l.source as unknown as number] || 1, degree[l.target as unknown as number] || 1)),
      )
      .force('charge', forceManyBody<Node>().strength(big ? -12 : -40).theta(big ? 1.2 : 0.9).distanceMax(big ? 250 : 600))
      .force('collide', forceCollide<Node>(5))
      .force('x', forceX<Node>(0).strength(0.04))
      .force('y', forceY<Node>(0).strength(0.04))
      .alphaDecay(big ? 0.04 : 0.0228)
      .stop();
    this.setPins(req.pins);
    if (start?.complete) this.sim?.alpha(SEEDED_ALPHA);
  }

  setPins(pins: [number, number, number][]): void {
    // the same pins again (a co-editor's echo, a remount) must not reheat: peers stay in step
    const key = JSON.stringify(pins);
    if (key === this.pinKey) return;
    this.pinKey = key;
    for (const node of this.nodes) {
      node.fx = null;
      node.fy = null;
    }
    for (const [i, x, y] of pins) this.pin(i, x, y, false);
    this.sim?.alpha(Math.max(this.sim.alpha(), 0.3));
  }

  pin(i: number, x: number, y: number, reheat = true): void {
    const node = this.nodes[i];
    if (!node) return;
    node.fx = node.x = x;
    node.fy = node.y = y;
    if (reheat) this.sim?.alpha(Math.max(this.sim.alpha(), 0.2));
  }

  unpin(i: number): void {
    const node = this.nodes[i];
    if (!node) return;
    node.fx = null;
    node.fy = null;
    this.sim?.alpha(Math.max(this.sim.alpha(), 0.2));
  }

  get settled(): boolean {
    return !this.sim || this.sim.alpha() < this.sim.alphaMin();
  }

  /** Runs `ticks` steps and returns the positions (copies, ready to transfer). */
  step(ticks: number): LayoutFrame {
    if (this.sim && !this.settled) this.sim.tick(ticks);
    return {
      type: 'frame',
      x: Float32Array.from(this.nodes, (d) => d.x ?? 0),
      y: Float32Array.from(this.nodes, (d) => d.y ?? 0),
      alpha: this.sim?.alpha() ?? 0,
    };
  }
}
