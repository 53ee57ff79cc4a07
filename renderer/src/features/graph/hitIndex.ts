import { polygonContains } from 'd3-polygon';
import { quadtree, type Quadtree } from 'd3-quadtree';

/**
 * Hit tests through a spatial index (d3-quadtree), never by scanning every person: the person under
 * a point, and the people inside a lasso. `only` (1 per person) leaves out people who are not shown.
 */
export class HitIndex {
  private readonly tree: Quadtree<number>;

  constructor(
    private readonly x: Float32Array,
    private readonly y: Float32Array,
    only: Uint8Array | null = null,
  ) {
    const indices: number[] = [];
    for (let i = 0; i < x.length; i++) if (!only || only[i]) indices.push(i);
    this.tree = quadtree<number>()
      .x((i) => x[i])
      .y((i) => y[i])
      .addAll(indices);
  }

  /** The person nearest world point (wx, wy) within `radius` world units, or -1. */
  pick(wx: number, wy: number, radius: number): number {
    return this.tree.find(wx, wy, radius) ?? -1;
  }

  /** People inside a closed polygon of world points (a lasso), in index order. */
  lasso(polygon: [number, number][]): number[] {
    if (polygon.length < 3) return [];
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const [px, py] of polygon) {
      x0 = Math.min(x0, px); y0 = Math.min(y0, py); x1 = Math.max(x1, px); y1 = Math.max(y1, py);
    }
    const out: number[] = [];
    this.tree.visit((node, nx0, ny0, nx1, ny1) => {
      if (!node.length) {
        for (let leaf: typeof node | undefined = node; leaf; leaf = (leaf as { next?: typeof node }).next) {
          const i = (leaf as { data: number }).data;
          if (polygonContains(polygon, [this.x[i], this.y[i]])) out.push(i);
        }
      }
      return nx0 > x1 || ny0 > y1 || nx1 < x0 || ny1 < y0;
    });
    return out.sort((a, b) => a - b);
  }
}
