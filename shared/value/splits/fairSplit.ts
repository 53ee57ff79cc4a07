import type { Rng } from '../../util/rng';
import { contributionGame, type MilestoneContribution } from './contributionGame';
import { EXACT_MAX_PLAYERS, samplesFor, shapleyExact, shapleySampled } from './shapley';

export interface ContributionSplit {
  /** Each member's Shapley value, in the milestones' value units. */
  values: Record<string, number>;
  /** Each member's share of v(N) (sums to 1 when anything was delivered). */
  shares: Record<string, number>;
  exact: boolean;
  /** When sampled: the bound on each value's error and its confidence; zeros when exact. */
  errorBound: Record<string, number>;
  confidence: number;
  samples: number;
}

/**
 * Contribution-weighted split: exact Shapley values up to EXACT_MAX_PLAYERS members, sampled above
 * that with enough orderings for a bound of `relativeError` (default 1%) of each member's solo
 * worth at 95% confidence.
 */
export function contributionSplit(members: readonly string[], milestones: readonly MilestoneContribution[], options: { rng: Rng; relativeError?: number; maxSamples?: number }): ContributionSplit {
  const game = contributionGame(members, milestones);
  const n = members.length;
  let values: number[];
  let errorBound: number[] = new Array(n).fill(0);
  let confidence = 1;
  let samples = 0;
  const exact = n <= EXACT_MAX_PLAYERS;
  if (exact) values = shapleyExact(n, game.value);
  else {
    samples = Math.min(samplesFor(n, options.relativeError ?? 0.01), options.maxSamples ?? 200_000);
    const r = shapleySampled(n, game.value, { samples, rng: options.rng, range: game.range });
    values = r.values;
    errorBound = r.errorBound;
    confidence = r.confidence;
  }
  const total = values.reduce((s, x) => s + x, 0);
  const rec = (xs: number[]) => Object.fromEntries(members.map((id, i) => [id, xs[i]]));
  return { values: rec(values), shares: rec(values.map((x) => (total > 0 ? x / total : 0))), exact, errorBound: rec(errorBound), confidence, samples };
}
