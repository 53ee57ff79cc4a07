/**
 * Guards the join code against guessing. A code has 31⁶ ≈ 8.9×10⁸ values and works for hours, so
 * unlimited tries would let a patient guesser in. Each address gets `perAddress` wrong codes per
 * `windowMs`; and after `changeAfter` wrong codes in all within `windowMs` (many addresses guessing
 * together), the host changes the code, so guessing is bounded to that many tries per window.
 */
export interface JoinGuardOptions {
  perAddress?: number;
  windowMs?: number;
  changeAfter?: number;
  /** Addresses remembered at most (the oldest are forgotten first), so guessing cannot grow memory. */
  maxAddresses?: number;
  now?: () => number;
}

export interface JoinGuard {
  /** How long (ms) this address must wait before it may try a code again; 0 if it may now. */
  waitFor(address: string): number;
  /** Records a wrong code from this address. True when the code should be changed now. */
  wrong(address: string): boolean;
  /** The code was changed: the count of wrong codes in all starts again (addresses keep theirs). */
  codeChanged(): void;
}

export function createJoinGuard(options: JoinGuardOptions = {}): JoinGuard {
  const perAddress = options.perAddress ?? 10;
  const windowMs = options.windowMs ?? 10 * 60_000;
  const changeAfter = options.changeAfter ?? 100;
  const maxAddresses = options.maxAddresses ?? 10_000;
  const now = options.now ?? Date.now;
  /** Per address, the times of its wrong codes within the window, oldest first. */
  const misses = new Map<string, number[]>();
  /** The times of wrong codes from anywhere since the code last changed, within the window. */
  let wrongSinceChange: number[] = [];

  const recent = (address: string) => {
    const since = now() - windowMs;
    const times = (misses.get(address) ?? []).filter((t) => t > since);
    if (times.length) misses.set(address, times);
    else misses.delete(address);
    return times;
  };

  return {
    waitFor(address) {
      const times = recent(address);
      return times.length < perAddress ? 0 : Math.max(1, times[times.length - perAddress] + windowMs - now());
    },
    wrong(address) {
      const times = recent(address);
      misses.delete(address); // re-inserted last: the map's order is least recently wrong first
      misses.set(address, [...times, now()]);
      if (misses.size > maxAddresses) misses.delete(misses.keys().next().value as string);
      // within the window: a day of ordinary typos must not add up to a change of code mid-workshop
      const since = now() - windowMs;
      wrongSinceChange = [...wrongSinceChange.filter((t) => t > since), now()].slice(-changeAfter);
      return wrongSinceChange.length >= changeAfter;
    },
    codeChanged() {
      wrongSinceChange = [];
    },
  };
}
