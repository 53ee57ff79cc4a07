/** One line of the benchmark table: a figure and the baseline measured in the same run. */
export interface BenchRow {
  measure: string;
  figure: number;
  baseline: number | null;
  baselineName: string;
  unit: string;
  /** The figure must be at most this (a speed target from an issue); shown, never asserted. */
  target?: number;
}

export interface Bench {
  name: string;
  run(): Promise<BenchRow[]> | BenchRow[];
}

/** Median wall time of `runs` calls after one warm-up call, in milliseconds. */
export function medianMs(fn: () => unknown, runs = 5): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export function formatTable(rows: readonly (BenchRow & { bench: string })[]): string {
  const fmt = (x: number | null, unit: string) => (x === null ? '—' : `${x >= 100 ? x.toFixed(0) : x.toFixed(2)} ${unit}`);
  const lines = rows.map((r) => [
    `${r.bench}: ${r.measure}`,
    fmt(r.figure, r.unit),
    r.baseline === null ? '—' : `${fmt(r.baseline, r.unit)} (${r.baselineName})`,
    r.baseline ? `${(r.figure / r.baseline).toFixed(2)}×` : '—',
    r.target === undefined ? '' : `${r.figure <= r.target ? 'meets' : 'MISSES'} < ${r.target} ${r.unit}`,
  ]);
  const header = ['measure', 'figure', 'baseline', 'ratio', 'target'];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return [row(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(row)].join('\n');
}
