import { describe, expect, it } from 'vitest';
import { createRng } from '../../util/rng';
import { contributionGame, type MilestoneContribution } from './contributionGame';
import { samplesFor, shapleyExact, shapleySampled } from './shapley';

const sumOf = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

/** A random contribution game with `n` members over a few milestones. */
function randomGame(n: number, seed: number) {
  const rng = createRng(seed);
  const players = Array.from({ length: n }, (_, i) => `p${i}`);
  const milestones: MilestoneContribution[] = Array.from({ length: 3 }, (_, m) => ({
    id: `m${m}`,
    value: 1000 + rng.int(9000),
    parts: Array.from({ length: 4 }, (_, k) => ({ id: `k${k}`, weight: 1 + rng.int(3) })),
    contributions: Object.fromEntries(players.filter(() => rng.next() < 0.7).map((p) => [p, Object.fromEntries([0, 1, 2, 3].filter(() => rng.next() < 0.5).map((k) => [`k${k}`, rng.next()]))])),
  }));
  return contributionGame(players, milestones);
}

describe('Shapley values', () => {
  it('efficiency: the values sum to v(N) − v(∅), exactly and when sampled', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const g = randomGame(6, seed);
      const full = g.value((1 << 6) - 1) - g.value(0);
      expect(sumOf(shapleyExact(6, g.value))).toBeCloseTo(full, 6);
      expect(sumOf(shapleySampled(6, g.value, { samples: 50, rng: createRng(seed), range: g.range }).values)).toBeCloseTo(full, 6);
    }
  });

  it('symmetry: two members with the same contributions get the same value', () => {
    const twin = { k0: 0.8, k1: 0.3 };
    const g = contributionGame(['a', 'b', 'c'], [{ id: 'm', value: 900, parts: [{ id: 'k0', weight: 2 }, { id: 'k1', weight: 1 }, { id: 'k2', weight: 1 }], contributions: { a: twin, b: { ...twin }, c: { k2: 1, k0: 0.1 } } }]);
    const phi = shapleyExact(3, g.value);
    expect(phi[0]).toBeCloseTo(phi[1], 9);
    expect(phi[2]).not.toBeCloseTo(phi[0], 3);
  });

  it('null player: a member who contributed nothing gets 0', () => {
    const g = contributionGame(['a', 'b', 'idle'], [{ id: 'm', value: 500, parts: [{ id: 'x', weight: 1 }, { id: 'y', weight: 1 }], contributions: { a: { x: 1 }, b: { y: 0.5, x: 0.5 } } }]);
    const phi = shapleyExact(3, g.value);
    expect(phi[2]).toBe(0);
    // by hand: part x (weight 250): levels a=1, b=0.5 → φa = 0.5·250 + 0.5·250 = 250·0.75, φb = 250·0.25; part y: b alone → 250·0.5
    expect(phi[0]).toBeCloseTo(250 * 0.75, 9);
    expect(phi[1]).toBeCloseTo(250 * 0.25 + 250 * 0.5, 9);
  });

  it('sampling stays within its stated error bound of the exact values', () => {
    let within = 0;
    let trials = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const g = randomGame(9, seed);
      const exact = shapleyExact(9, g.value);
      const est = shapleySampled(9, g.value, { samples: 400, rng: createRng(1000 + seed), range: g.range, confidence: 0.95 });
      trials++;
      if (exact.every((x, i) => Math.abs(est.values[i] - x) <= est.errorBound[i] + 1e-9)) within++;
      // the bound shrinks as 1/sqrt(T)
      const more = shapleySampled(9, g.value, { samples: 1600, rng: createRng(seed), range: g.range });
      more.errorBound.forEach((b, i) => expect(b).toBeCloseTo(est.errorBound[i] / 2, 9));
    }
    // stated confidence 95% for all players at once; Hoeffding is conservative, so (nearly) all trials hold
    expect(within / trials).toBeGreaterThanOrEqual(0.95);
  });

  it('the bound is not vacuous: a bound of 1% needs a stated number of orderings', () => {
    expect(samplesFor(30, 0.01)).toBe(Math.ceil(Math.log(60 / 0.05) / (2 * 0.0001)));
    const g = randomGame(20, 3);
    const r = shapleySampled(20, g.value, { samples: 2000, rng: createRng(9), range: g.range });
    for (let i = 0; i < 20; i++) expect(r.errorBound[i]).toBeLessThanOrEqual(g.range(i) * 0.06);
  });

  it('rejects sizes it cannot handle', () => {
    expect(() => shapleyExact(21, () => 0)).toThrow(RangeError);
    expect(() => shapleySampled(3, () => 0, { samples: 0, rng: createRng(1), range: () => 1 })).toThrow(RangeError);
  });
});
