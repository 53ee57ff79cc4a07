/** Small time-series helpers shared by the health metrics. Instants are ms since the epoch. */
export const DAY = 86_400_000;

export interface Point {
  at: number;
  value: number;
}

/** Mean of the values per bucket of `width` ms, from `start`, for buckets with data. */
export function bucketMeans(points: readonly Point[], start: number, width: number): Point[] {
  const sums = new Map<number, { s: number; n: number }>();
  for (const p of points) {
    const b = Math.floor((p.at - start) / width);
    const cell = sums.get(b) ?? { s: 0, n: 0 };
    cell.s += p.value;
    cell.n++;
    sums.set(b, cell);
  }
  return [...sums].sort((a, b) => a[0] - b[0]).map(([b, c]) => ({ at: start + b * width, value: c.s / c.n }));
}

/** Least-squares slope of value over time, per day; 0 with fewer than two distinct instants. */
export function slopePerDay(points: readonly Point[]): number {
  if (points.length < 2) return 0;
  const mx = points.reduce((s, p) => s + p.at, 0) / points.length;
  const my = points.reduce((s, p) => s + p.value, 0) / points.length;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.at - mx) * (p.value - my);
    den += (p.at - mx) ** 2;
  }
  return den === 0 ? 0 : (num / den) * DAY;
}

export function median(xs: readonly number[]): number | undefined {
  if (!xs.length) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
