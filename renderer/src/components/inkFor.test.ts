import { describe, expect, it } from 'vitest';
import { PALETTE } from '../storage/settings';
import { contrast, inkFor } from './inkFor';

describe('text on a person’s colour', () => {
  it('reaches 4.5:1 on every colour a person can pick', () => {
    for (const c of PALETTE) expect(contrast(c, inkFor(c))).toBeGreaterThanOrEqual(4.5);
  });
  it('computes WCAG contrast', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 0);
    expect(contrast('#667085', '#eef2ff')).toBeCloseTo(4.44, 1);
  });
});
