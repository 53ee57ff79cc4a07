import { z } from 'zod';

/**
 * Peer allocation in the style of Coordinape: each member has the same budget of GIVE tokens and
 * hands them to the others (never to themselves). A member's share is what they received over all
 * that was given. Unspent tokens are simply not given.
 */
export const PeerAllocationSchema = z.object({
  budget: z.number().int().positive().default(100),
  /** gives[giver][receiver] = tokens */
  gives: z.record(z.string(), z.record(z.string(), z.number().int().nonnegative())),
});
export type PeerAllocation = z.input<typeof PeerAllocationSchema>;

export interface PeerShares {
  shares: Record<string, number>;
  received: Record<string, number>;
  /** Givers who gave nothing (their voice is missing). */
  silent: string[];
}

export function peerShares(members: readonly string[], allocation: PeerAllocation): PeerShares {
  const { budget, gives } = PeerAllocationSchema.parse(allocation);
  const received: Record<string, number> = Object.fromEntries(members.map((m) => [m, 0]));
  const silent: string[] = [];
  for (const giver of members) {
    const row = gives[giver] ?? {};
    let spent = 0;
    for (const [to, n] of Object.entries(row)) {
      if (to === giver) throw new RangeError(`peer allocation: ${giver} may not give to themselves`);
      if (!(to in received)) throw new RangeError(`peer allocation: ${giver} gives to ${to}, who is not a member`);
      spent += n;
      received[to] += n;
    }
    if (spent > budget) throw new RangeError(`peer allocation: ${giver} gives ${spent}, more than the budget of ${budget}`);
    if (spent === 0) silent.push(giver);
  }
  for (const giver of Object.keys(gives)) if (!members.includes(giver)) throw new RangeError(`peer allocation: ${giver} is not a member`);
  const total = Object.values(received).reduce((s, x) => s + x, 0);
  const shares = Object.fromEntries(members.map((m) => [m, total === 0 ? 1 / members.length : received[m] / total]));
  return { shares, received, silent };
}
