import { z } from 'zod';

/**
 * The game behind contribution-weighted splits. Each milestone has a value and parts (its skills or
 * deliverables, with weights); each member contributed to some parts with a level in [0, 1].
 * A coalition delivers each part as well as its best member on that part (people who did the same
 * work substitute for each other; they do not add up):
 *
 *   v(S) = Σ_milestones value_m · Σ_parts weight_p · max_{i ∈ S} level_{i,p}  /  Σ_parts weight_p
 *
 * It is monotone and submodular, so a member's marginal contribution lies in [0, v({i})], which is
 * the range the sampled Shapley bound needs.
 */
export const MilestoneContributionSchema = z.object({
  id: z.string().min(1),
  value: z.number().nonnegative(),
  parts: z.array(z.object({ id: z.string().min(1), weight: z.number().positive() })).min(1),
  /** level of each member on each part: contributions[personId][partId] in [0, 1] */
  contributions: z.record(z.string(), z.record(z.string(), z.number().min(0).max(1))),
});
export type MilestoneContribution = z.infer<typeof MilestoneContributionSchema>;

export interface ContributionGame {
  players: string[];
  value: (mask: number) => number;
  /** v({i}) − v(∅): the width of i's marginal contributions. */
  range: (i: number) => number;
}

export function contributionGame(players: readonly string[], milestones: readonly MilestoneContribution[]): ContributionGame {
  // flatten: for each (milestone, part), a weight in value units and each player's level
  const weights: number[] = [];
  const levels: Float64Array[] = [];
  for (const m of milestones) {
    const total = m.parts.reduce((s, p) => s + p.weight, 0);
    for (const p of m.parts) {
      weights.push((m.value * p.weight) / total);
      const row = new Float64Array(players.length);
      players.forEach((id, i) => {
        row[i] = m.contributions[id]?.[p.id] ?? 0;
      });
      levels.push(row);
    }
  }
  const value = (mask: number) => {
    let sum = 0;
    for (let k = 0; k < weights.length; k++) {
      let best = 0;
      const row = levels[k];
      for (let i = 0; i < players.length; i++) if (mask & (1 << i) && row[i] > best) best = row[i];
      sum += weights[k] * best;
    }
    return sum;
  };
  return { players: [...players], value, range: (i) => value(1 << i) - value(0) };
}
