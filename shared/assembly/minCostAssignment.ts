/**
 * Minimum-cost assignment of rows to distinct columns (Hungarian algorithm, O(rows² · columns)).
 * Each row lists its allowed columns with costs. Returns null when no assignment covers every row.
 */
export function minCostAssignment(rows: readonly (readonly { column: number; cost: number }[])[]): { columns: number[]; cost: number } | null {
  const n = rows.length;
  if (n === 0) return { columns: [], cost: 0 };
  const colIds = [...new Set(rows.flatMap((r) => r.map((c) => c.column)))];
  const m = colIds.length;
  if (m < n) return null;
  const colIndex = new Map(colIds.map((c, i) => [c, i]));
  const INF = 1e15;
  const cost: Float64Array[] = rows.map((r) => {
    const line = new Float64Array(m).fill(INF);
    for (const { column, cost: c } of r) line[colIndex.get(column)!] = Math.min(line[colIndex.get(column)!], c);
    return line;
  });
  // e-maxx formulation, 1-based, rows are the smaller side.
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const p = new Int32Array(m + 1);
  const way = new Int32Array(m + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(m + 1).fill(Infinity);
    const used = new Uint8Array(m + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0];
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = cost[i0 - 1][j - 1] - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0);
  }
  const columns = new Array<number>(n);
  let total = 0;
  for (let j = 1; j <= m; j++) {
    if (p[j] === 0) continue;
    const c = cost[p[j] - 1][j - 1];
    if (c >= INF) return null;
    columns[p[j] - 1] = colIds[j - 1];
    total += c;
  }
  return { columns, cost: total };
}
