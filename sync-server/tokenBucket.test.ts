import { describe, expect, it } from 'vitest';
import { createTokenBucket } from './tokenBucket';

describe('createTokenBucket', () => {
  it('allows a burst, then the rate', () => {
    let t = 0;
    const bucket = createTokenBucket({ ratePerSecond: 100, burst: 10, now: () => t });
    for (let i = 0; i < 10; i++) expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
    t += 50; // 5 tokens flow in
    for (let i = 0; i < 5; i++) expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
    t += 10_000; // never more than the burst
    expect(bucket.take(10)).toBe(true);
    expect(bucket.take(1)).toBe(false);
  });
  it('spends weighted amounts (bytes)', () => {
    let t = 0;
    const bucket = createTokenBucket({ ratePerSecond: 1000, burst: 1000, now: () => t });
    expect(bucket.take(800)).toBe(true);
    expect(bucket.take(300)).toBe(false);
    t += 100;
    expect(bucket.take(300)).toBe(true);
  });
});
