import { describe, expect, it } from 'vitest';
import { createRng } from '../../util/rng';
import { compareSplits, toMinorUnits } from './compareSplits';
import { fairSplitMembers } from './testTeams';
import { contributionSplit } from './fairSplit';
import { peerShares } from './peerAllocation';

describe('peer allocation (Coordinape style)', () => {
  it('shares are what each received over all given', () => {
    const r = peerShares(['a', 'b', 'c'], { budget: 100, gives: { a: { b: 60, c: 40 }, b: { a: 50, c: 50 }, c: { a: 100 } } });
    expect(r.received).toEqual({ a: 150, b: 60, c: 90 });
    expect(r.shares.a).toBeCloseTo(0.5, 9);
    expect(r.silent).toEqual([]);
  });
  it('refuses giving to oneself, over budget, or to a stranger; notes the silent', () => {
    expect(() => peerShares(['a', 'b'], { gives: { a: { a: 10 } } })).toThrow(/themselves/);
    expect(() => peerShares(['a', 'b'], { budget: 10, gives: { a: { b: 11 } } })).toThrow(/more than the budget/);
    expect(() => peerShares(['a', 'b'], { gives: { a: { z: 1 } } })).toThrow(/not a member/);
    expect(peerShares(['a', 'b', 'c'], { gives: { a: { b: 1 } } }).silent).toEqual(['b', 'c']);
  });
});

describe('splits in minor units', () => {
  it('largest remainder sums exactly to the total', () => {
    const out = toMinorUnits({ a: 1, b: 1, c: 1 }, 100);
    expect(out).toEqual({ a: 34, b: 33, c: 33 });
    expect(Object.values(toMinorUnits({ a: 0.123, b: 0.456, c: 0.421 }, 99_999)).reduce((s, x) => s + x, 0)).toBe(99_999);
  });

  it('compares agreed, contribution and peer splits per person', () => {
    const rows = compareSplits({ total: 10_000, agreed: { a: 0.5, b: 0.5 }, shapley: { a: 0.7, b: 0.3 }, peer: { a: 0.4, b: 0.6 } });
    expect(rows).toEqual([
      { personId: 'a', agreed: 5000, shapley: 7000, peer: 4000, shapleyDiff: 2000, peerDiff: -1000 },
      { personId: 'b', agreed: 5000, shapley: 3000, peer: 6000, shapleyDiff: -2000, peerDiff: 1000 },
    ]);
  });

  it('exact for a small team, sampled with a bound for a large one', () => {
    const small = fairSplitMembers(5, 1);
    const s = contributionSplit(small.members, small.milestones, { rng: createRng(1) });
    expect(s.exact).toBe(true);
    expect(Object.values(s.shares).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    const large = fairSplitMembers(24, 2);
    const l = contributionSplit(large.members, large.milestones, { rng: createRng(1), relativeError: 0.05 });
    expect(l.exact).toBe(false);
    expect(l.samples).toBeGreaterThan(100);
    expect(l.confidence).toBe(0.95);
    for (const id of large.members) expect(l.errorBound[id]).toBeGreaterThan(0);
  });
});
