/**
 * Money in minor units from fractional shares, by the largest remainder: the amounts sum to the
 * total exactly, and ties go to the earlier member so the result is deterministic.
 */
export function toMinorUnits(shares: Readonly<Record<string, number>>, total: number): Record<string, number> {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError('total must be a non-negative integer in minor units');
  const ids = Object.keys(shares);
  const sum = ids.reduce((s, id) => s + Math.max(0, shares[id]), 0);
  if (sum === 0) return Object.fromEntries(ids.map((id) => [id, 0]));
  const exact = ids.map((id) => (Math.max(0, shares[id]) / sum) * total);
  const floors = exact.map(Math.floor);
  let left = total - floors.reduce((s, x) => s + x, 0);
  const byRemainder = ids.map((_, i) => i).sort((a, b) => exact[b] - floors[b] - (exact[a] - floors[a]) || a - b);
  for (const i of byRemainder) {
    if (left <= 0) break;
    floors[i]++;
    left--;
  }
  return Object.fromEntries(ids.map((id, i) => [id, floors[i]]));
}

export interface SplitRow {
  personId: string;
  agreed: number;
  shapley: number;
  peer: number;
  /** shapley − agreed and peer − agreed, in minor units */
  shapleyDiff: number;
  peerDiff: number;
}

/** The agreed split beside the contribution-weighted and the peer split, per person, in minor units. */
export function compareSplits(options: { total: number; agreed: Record<string, number>; shapley: Record<string, number>; peer: Record<string, number> }): SplitRow[] {
  const ids = [...new Set([...Object.keys(options.agreed), ...Object.keys(options.shapley), ...Object.keys(options.peer)])];
  const fill = (s: Record<string, number>) => Object.fromEntries(ids.map((id) => [id, s[id] ?? 0]));
  const agreed = toMinorUnits(fill(options.agreed), options.total);
  const shapley = toMinorUnits(fill(options.shapley), options.total);
  const peer = toMinorUnits(fill(options.peer), options.total);
  return ids.map((personId) => ({ personId, agreed: agreed[personId], shapley: shapley[personId], peer: peer[personId], shapleyDiff: shapley[personId] - agreed[personId], peerDiff: peer[personId] - agreed[personId] }));
}
