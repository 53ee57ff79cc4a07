import { describe, expect, it } from 'vitest';
import { Allowance } from './tokenBucket';

describe('Allowance', () => {
  it('allows a burst of messages, then their rate', () => {
    let t = 0;
    const allowance = new Allowance({ messages: { perSecond: 100, burst: 10 }, bytes: { perSecond: 1e9, burst: 1e9 } }, () => t);
    for (let i = 0; i < 10; i++) expect(allowance.take(1)).toBe(true);
    expect(allowance.take(1)).toBe(false);
    t += 50; // 5 messages flow in
    for (let i = 0; i < 5; i++) expect(allowance.take(1)).toBe(true);
    expect(allowance.take(1)).toBe(false);
    t += 10_000; // never more than the burst
    for (let i = 0; i < 10; i++) expect(allowance.take(1)).toBe(true);
    expect(allowance.take(1)).toBe(false);
  });

  it('spends bytes by size, and spends nothing from either bucket on a refusal', () => {
    let t = 0;
    const allowance = new Allowance({ messages: { perSecond: 10, burst: 3 }, bytes: { perSecond: 1000, burst: 1000 } }, () => t);
    expect(allowance.take(800)).toBe(true);
    expect(allowance.take(300)).toBe(false); // 200 bytes left
    t += 100; // 100 bytes and one message flow in
    expect(allowance.take(300)).toBe(true);
    expect(allowance.take(0)).toBe(true);
    expect(allowance.take(0)).toBe(true); // the refusal above spent no message: 3 of 3 + 1 taken
    expect(allowance.take(0)).toBe(false);
  });
});
