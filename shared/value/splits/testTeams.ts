import { createRng } from '../../util/rng';
import type { MilestoneContribution } from './contributionGame';

/** A seeded team and its milestones' contributions, for tests and demos. */
export function fairSplitMembers(n: number, seed: number): { members: string[]; milestones: MilestoneContribution[] } {
  const rng = createRng(seed);
  const members = Array.from({ length: n }, (_, i) => `p${i}`);
  const milestones: MilestoneContribution[] = Array.from({ length: 4 }, (_, m) => ({
    id: `m${m}`,
    value: 5_000 + rng.int(20_000),
    parts: Array.from({ length: 5 }, (_, k) => ({ id: `k${k}`, weight: 1 + rng.int(4) })),
    contributions: Object.fromEntries(members.map((p) => [p, Object.fromEntries([0, 1, 2, 3, 4].filter(() => rng.next() < 0.4).map((k) => [`k${k}`, Math.round(rng.next() * 100) / 100])) ])),
  }));
  return { members, milestones };
}
