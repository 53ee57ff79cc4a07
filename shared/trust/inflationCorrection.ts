/**
 * Correction for rating inflation: each score is read against its rater's own history.
 *
 * Scores are first put on [0, 1] by their scale. For each rater r with n_r scores (over all
 * dimensions), mean m_r and variance v_r, we shrink toward the population (mean M, variance V) with
 * a prior worth `priorWeight` scores (Bayesian shrinkage of a normal mean and variance with a
 * conjugate prior of that strength):
 *
 *   m̃_r = (n_r·m_r + k·M) / (n_r + k),   ṽ_r = (n_r·v_r + k·V) / (n_r + k)
 *
 * A score x becomes z = (x − m̃_r) / sqrt(ṽ_r): how far above the rater's own habit it is. For display,
 * z is mapped back onto the population's scale, M + z·sqrt(V), clamped to [0, 1]. A rater with one
 * score is barely corrected (the prior dominates); a rater who gives everyone 5/5 has m̃_r near 1, so
 * their 5 counts as ordinary, and a harsh rater's 4 counts for more.
 */
export interface RatedScore {
  rater: string;
  /** Raw score on [min, max]. */
  score: number;
  min: number;
  max: number;
}

export interface CorrectionOptions {
  /** Strength of the population prior, in scores. Default 5. */
  priorWeight?: number;
  /** Floor on a variance, so a rater who always gives the same score does not divide by zero. Default 0.01. */
  minVariance?: number;
}

export interface RaterHabit {
  n: number;
  mean: number;
  variance: number;
}

export interface InflationModel {
  population: { mean: number; variance: number };
  habit(rater: string): RaterHabit;
  /** z-score of a score against its rater's shrunk habit. */
  z(s: RatedScore): number;
  /** The corrected score on [0, 1] (population scale). */
  corrected(s: RatedScore): number;
}

export const normalise = (s: Pick<RatedScore, 'score' | 'min' | 'max'>) => (s.score - s.min) / (s.max - s.min);

export function inflationModel(history: readonly RatedScore[], options: CorrectionOptions = {}): InflationModel {
  const k = options.priorWeight ?? 5;
  const floor = options.minVariance ?? 0.01;
  const byRater = new Map<string, number[]>();
  for (const s of history) byRater.set(s.rater, [...(byRater.get(s.rater) ?? []), normalise(s)]);
  const all = history.map(normalise);
  const M = all.length ? mean(all) : 0.5;
  const V = Math.max(floor, all.length > 1 ? variance(all, M) : 1 / 12);
  const habit = (rater: string): RaterHabit => {
    const xs = byRater.get(rater) ?? [];
    const n = xs.length;
    if (n === 0) return { n, mean: M, variance: V };
    const m = mean(xs);
    const v = n > 1 ? variance(xs, m) : 0;
    return { n, mean: (n * m + k * M) / (n + k), variance: Math.max(floor, (n * v + k * V) / (n + k)) };
  };
  const z = (s: RatedScore) => {
    const h = habit(s.rater);
    return (normalise(s) - h.mean) / Math.sqrt(h.variance);
  };
  return {
    population: { mean: M, variance: V },
    habit,
    z,
    corrected: (s) => Math.min(1, Math.max(0, M + z(s) * Math.sqrt(V))),
  };
}

function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

function variance(xs: readonly number[], m: number): number {
  let s = 0;
  for (const x of xs) s += (x - m) ** 2;
  return s / xs.length;
}
