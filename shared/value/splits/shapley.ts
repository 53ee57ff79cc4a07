import type { Rng } from '../../util/rng';

/**
 * Shapley values of a cooperative game over players 0..n-1. `value(mask)` is the worth of the
 * coalition whose members are the set bits of `mask` (so n ≤ 30 for a mask; exact needs n ≤ 20).
 *
 * φ_i = Σ_{S ⊆ N∖{i}} |S|!·(n−|S|−1)!/n! · (v(S ∪ {i}) − v(S))
 */
export type CoalitionValue = (mask: number) => number;

export const EXACT_MAX_PLAYERS = 14;

/** Exact, by evaluating all 2^n coalitions once. */
export function shapleyExact(n: number, value: CoalitionValue): number[] {
  if (!Number.isInteger(n) || n < 0 || n > 20) throw new RangeError(`shapleyExact: n must be an integer in 0..20, got ${n}`);
  const size = 1 << n;
  const v = new Float64Array(size);
  for (let mask = 0; mask < size; mask++) v[mask] = value(mask);
  // weight[s] = s!(n-s-1)!/n!, computed as a product to stay exact-ish for n ≤ 20
  const weight = new Float64Array(Math.max(n, 1));
  for (let s = 0; s < n; s++) {
    let w = 1 / n;
    // 1/n · 1/C(n-1, s)
    let c = 1;
    for (let k = 1; k <= s; k++) c = (c * (n - 1 - s + k)) / k;
    w /= c;
    weight[s] = w;
  }
  const phi = new Array<number>(n).fill(0);
  for (let mask = 0; mask < size; mask++) {
    const s = popcount(mask);
    for (let i = 0; i < n; i++) {
      const bit = 1 << i;
      if (mask & bit) continue;
      phi[i] += weight[s] * (v[mask | bit] - v[mask]);
    }
  }
  return phi;
}

export interface SampledShapley {
  values: number[];
  /** Half-width of the confidence interval per player: |estimate − exact| ≤ errorBound[i] with the stated confidence. */
  errorBound: number[];
  /** Probability that every player's estimate is within its bound at once. */
  confidence: number;
  samples: number;
}

/**
 * Monte Carlo over random orderings (Castro, Gómez and Tejada 2009): φ_i is the mean of i's
 * marginal contribution when the players arrive in a random order. Every ordering's marginals sum
 * to v(N) − v(∅), so the estimate is exactly efficient.
 *
 * ERROR BOUND (Hoeffding, with a union bound over the players): if each marginal contribution of
 * player i lies in an interval of width R_i, then after T orderings
 *   P(|φ̂_i − φ_i| ≥ ε_i for some i) ≤ Σ_i 2·exp(−2·T·ε_i² / R_i²),
 * so ε_i = R_i · sqrt(ln(2n/δ) / (2T)) holds for all players together with confidence 1 − δ.
 * `range(i)` must give such an R_i; for a monotone submodular game (like contributionGame) it is
 * v({i}) − v(∅).
 */
export function shapleySampled(n: number, value: CoalitionValue, options: { samples: number; rng: Rng; range: (i: number) => number; confidence?: number }): SampledShapley {
  const { samples, rng } = options;
  const confidence = options.confidence ?? 0.95;
  if (!Number.isInteger(samples) || samples < 1) throw new RangeError('shapleySampled: samples must be a positive integer');
  if (!(confidence > 0 && confidence < 1)) throw new RangeError('shapleySampled: confidence must be in (0, 1)');
  if (n > 30) throw new RangeError('shapleySampled: at most 30 players (coalitions are bit masks)');
  const sum = new Array<number>(n).fill(0);
  const order = Array.from({ length: n }, (_, i) => i);
  const empty = value(0);
  for (let t = 0; t < samples; t++) {
    for (let i = n - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    let mask = 0;
    let prev = empty;
    for (const p of order) {
      mask |= 1 << p;
      const next = value(mask);
      sum[p] += next - prev;
      prev = next;
    }
  }
  const delta = 1 - confidence;
  const factor = Math.sqrt(Math.log((2 * Math.max(n, 1)) / delta) / (2 * samples));
  return { values: sum.map((s) => s / samples), errorBound: Array.from({ length: n }, (_, i) => Math.abs(options.range(i)) * factor), confidence, samples };
}

/** Orderings needed so that every player's bound is at most `epsilon` (in units of the widest R_i). */
export function samplesFor(n: number, relativeEpsilon: number, confidence = 0.95): number {
  return Math.ceil(Math.log((2 * Math.max(n, 1)) / (1 - confidence)) / (2 * relativeEpsilon * relativeEpsilon));
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
