import { describe, expect, it } from 'vitest';
import { workingHoursByUtcHour } from './timezoneStrip';

describe('24-hour working strip', () => {
  it('counts members at work in each UTC hour', () => {
    const strip = workingHoursByUtcHour(['Europe/London', 'Asia/Singapore']);
    expect(strip).toHaveLength(24);
    // Singapore is UTC+8: at work 01:00–09:00 UTC; London (UTC+0 in winter, +1 in summer) from 08:00 or 09:00 UTC
    expect(strip[3]).toBe(1);
    expect(strip[12]).toBe(1);
    expect(Math.max(...strip)).toBeLessThanOrEqual(2);
    expect(workingHoursByUtcHour(['Europe/Lisbon', 'Europe/Lisbon']).filter((n) => n === 2)).toHaveLength(8);
  });
});
