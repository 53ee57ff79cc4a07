import { describe, expect, it } from 'vitest';
import { createJoinGuard } from './joinGuard';

describe('join guard', () => {
  it('lets an address make a few wrong guesses, then makes it wait until the oldest leaves the window', () => {
    let t = 1_000_000;
    const guard = createJoinGuard({ perAddress: 3, windowMs: 60_000, changeAfter: 1000, now: () => t });
    for (let i = 0; i < 3; i++) {
      expect(guard.waitFor('10.0.0.5')).toBe(0);
      guard.wrong('10.0.0.5');
      t += 1000;
    }
    // wrong codes at 1,000,000, 1,001,000, 1,002,000: the first leaves the window at 1,060,000
    expect(guard.waitFor('10.0.0.5')).toBe(1_060_000 - t);
    expect(guard.waitFor('10.0.0.6')).toBe(0); // another address is not held back
    t = 1_060_001;
    expect(guard.waitFor('10.0.0.5')).toBe(0);
  });

  it('asks for a new code after enough wrong guesses from everywhere, and counts again after the change', () => {
    const guard = createJoinGuard({ perAddress: 2, changeAfter: 5 });
    const changes = Array.from({ length: 12 }, (_, i) => {
      const change = guard.wrong(`10.0.${i}.1`);
      if (change) guard.codeChanged();
      return change;
    });
    expect(changes.map((c, i) => (c ? i : -1)).filter((i) => i >= 0)).toEqual([4, 9]);
  });

  it('counts wrong codes from everywhere within the window only: a day of typos does not change the code', () => {
    let t = 0;
    const guard = createJoinGuard({ perAddress: 10, windowMs: 60_000, changeAfter: 3, now: () => t });
    expect([guard.wrong('a'), guard.wrong('b')]).toEqual([false, false]);
    t = 61_000; // both have left the window
    expect([guard.wrong('c'), guard.wrong('d'), guard.wrong('e')]).toEqual([false, false, true]);
  });

  it('remembers a bounded number of addresses, forgetting the least recently wrong', () => {
    const guard = createJoinGuard({ perAddress: 1, maxAddresses: 100, changeAfter: 1e9 });
    for (let i = 0; i < 1000; i++) guard.wrong(`a${i}`);
    expect(guard.waitFor('a999')).toBeGreaterThan(0);
    expect(guard.waitFor('a0')).toBe(0);
  });
});
