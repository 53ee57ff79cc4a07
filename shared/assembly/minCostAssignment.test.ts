import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minCostAssignment } from './minCostAssignment';

function brute(rows: { column: number; cost: number }[][]): number | null {
  let best: number | null = null;
  const rec = (r: number, used: Set<number>, cost: number) => {
    if (r === rows.length) {
      if (best === null || cost < best) best = cost;
      return;
    }
    for (const { column, cost: c } of rows[r]) {
      if (used.has(column)) continue;
      used.add(column);
      rec(r + 1, used, cost + c);
      used.delete(column);
    }
  };
  rec(0, new Set(), 0);
  return best;
}

describe('minCostAssignment', () => {
  it('matches brute force on random instances, including infeasible ones', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.record({ column: fc.integer({ min: 0, max: 6 }), cost: fc.integer({ min: 0, max: 50 }) }), { maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        (rows) => {
          const got = minCostAssignment(rows);
          const want = brute(rows);
          if (want === null) expect(got).toBeNull();
          else {
            expect(got?.cost).toBe(want);
            expect(new Set(got!.columns).size).toBe(rows.length);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
