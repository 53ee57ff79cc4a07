import { describe, expect, it } from 'vitest';
import { milestoneRoi } from './roi';

describe('ROI', () => {
  it('per milestone and for the project; undelivered value does not count', () => {
    const r = milestoneRoi([
      { id: 'm1', value: 30_000, cost: 10_000, delivered: true },
      { id: 'm2', value: 50_000, cost: 20_000, delivered: false },
      { id: 'm3', value: 1_000, cost: 0, delivered: true },
    ]);
    expect(r.milestones[0].roi).toBe(2);
    expect(r.milestones[1]).toEqual({ id: 'm2', value: 0, cost: 20_000, roi: -1 });
    expect(r.milestones[2].roi).toBeUndefined();
    expect(r.project).toEqual({ id: 'project', value: 31_000, cost: 30_000, roi: 1_000 / 30_000 });
    expect(() => milestoneRoi([{ id: 'x', value: -1, cost: 0, delivered: true }])).toThrow(/x/);
  });
});
