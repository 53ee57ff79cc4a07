import { polygonHull } from 'd3-polygon';

/**
 * A padded outline around points (world units): the convex hull (d3-polygon) pushed out by `pad`,
 * with enough points on the rounded corners that it reads as an island. One or two points give a
 * circle or a capsule.
 */
export function islandOutline(points: readonly [number, number][], pad: number): [number, number][] {
  if (!points.length) return [];
  const hull = points.length >= 3 ? polygonHull(points as [number, number][]) : null;
  const core = hull ?? [...points];
  const out: [number, number][] = [];
  const steps = 8;
  for (const [x, y] of core) for (let s = 0; s < steps; s++) {
    const a = (2 * Math.PI * s) / steps;
    out.push([x + pad * Math.cos(a), y + pad * Math.sin(a)]);
  }
  return polygonHull(out) ?? out;
}
