import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInstant } from './isoInstant';

describe('parseInstant', () => {
  it('is exactly Date.parse, on toISOString output and on near-misses', () => {
    const fixed = ['2026-01-02T10:00:00Z', '2026-01-02T10:00:00.123Z', '2026-02-29T10:00:00Z', '2024-02-29T23:59:59.999Z', '2026-13-01T00:00:00Z', '2026-01-31T24:00:00Z', '2026-01-02T10:00:00+01:00', '2026-01-02T1a:00:00Z', '0000-01-01T00:00:00Z', '2026-01-02T10:00:60Z', '2026-01-02 10:00:00Z', '2026-01-02T10:00:00.1Z', 'x'.repeat(20)];
    for (const s of fixed) expect(parseInstant(s), s).toEqual(Date.parse(s));
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) }), fc.boolean(), (t, drop) => {
        const iso = new Date(t).toISOString();
        const s = drop ? `${iso.slice(0, 19)}Z` : iso;
        expect(parseInstant(s)).toBe(Date.parse(s));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ minLength: 20, maxLength: 24 }), (s) => {
        expect(Object.is(parseInstant(s), Date.parse(s))).toBe(true);
      }),
    );
  });
});
