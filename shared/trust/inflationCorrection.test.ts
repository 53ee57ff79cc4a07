import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inflationModel, type RatedScore } from './inflationCorrection';

const s = (rater: string, score: number): RatedScore => ({ rater, score, min: 1, max: 5 });

describe('inflation correction', () => {
  // The generous rater gives 5 to everyone; the harsh one gives 2-3 and a 4 to the best.
  const history = [
    ...[5, 5, 5, 5, 5, 5, 4].map((x) => s('generous', x)),
    ...[2, 3, 2, 3, 3, 2, 4].map((x) => s('harsh', x)),
    ...[3, 4, 3, 4, 5, 2].map((x) => s('fair', x)),
  ];
  const model = inflationModel(history);

  it("a harsh rater's 4 counts for more than a generous rater's 5", () => {
    expect(model.corrected(s('harsh', 4))).toBeGreaterThan(model.corrected(s('generous', 5)));
    expect(model.z(s('harsh', 4))).toBeGreaterThan(model.z(s('generous', 5)));
    // and a generous rater's 4 is a bad mark
    expect(model.z(s('generous', 4))).toBeLessThan(0);
  });

  it('shrinks a rater with little history toward the population', () => {
    const m = inflationModel([...history, s('newcomer', 5)]);
    const h = m.habit('newcomer');
    expect(h.n).toBe(1);
    expect(h.mean).toBeLessThan(1);
    expect(h.mean).toBeGreaterThan(m.population.mean);
    expect(m.habit('unknown')).toMatchObject({ n: 0, mean: m.population.mean });
  });

  it('does not change order within one rater, and stays on [0, 1] (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 1, max: 5 })), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 4 }), (raw, x) => {
        const m = inflationModel(raw.map(([r, v]) => s(r, v)));
        const lo = m.corrected(s('a', x));
        const hi = m.corrected(s('a', x + 1));
        expect(hi).toBeGreaterThanOrEqual(lo);
        expect(lo).toBeGreaterThanOrEqual(0);
        expect(hi).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('treats different scales alike', () => {
    const m = inflationModel([{ rater: 'x', score: 8, min: 0, max: 10 }, s('x', 5), s('y', 3)]);
    expect(m.population.mean).toBeCloseTo((0.8 + 1 + 0.5) / 3);
  });
});
