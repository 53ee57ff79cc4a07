import { describe, expect, it } from 'vitest';
import { coverageSummary } from './coverageSummary';

describe('coverage summary', () => {
  it('names single points of failure instead of calling them covered', () => {
    const coverage = [...Array(13).fill({ status: 'thin' }), ...Array(3).fill({ status: 'ok' })];
    expect(coverageSummary(coverage)).toBe('16 needed · 13 single points of failure · 3 covered by several people');
    expect(coverageSummary(coverage)).not.toMatch(/all covered/);
  });
  it('says all covered only when every capability has several people', () => {
    expect(coverageSummary([{ status: 'ok' }, { status: 'ok' }])).toBe('2 needed · all covered by several people');
    expect(coverageSummary([{ status: 'gap' }, { status: 'thin' }, { status: 'ok' }])).toBe('3 needed · 1 gap · 1 single point of failure · 1 covered by several people');
  });
});
