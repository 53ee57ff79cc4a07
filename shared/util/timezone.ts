import { STANDARD_OFFSETS } from '../demo/cities';

const cache = new Map<string, number>();

/**
 * Standard UTC offset of an IANA zone in hours (January, to ignore summer time consistently).
 * Uses the table of known zones, then Intl, then 0 for an unknown zone.
 */
export function utcOffsetHours(timezone: string | undefined): number {
  if (!timezone) return 0;
  const hit = cache.get(timezone);
  if (hit !== undefined) return hit;
  let offset = STANDARD_OFFSETS[timezone];
  if (offset === undefined) {
    try {
      const parts = new Intl.DateTimeFormat('en-US', { timeZone: timezone, timeZoneName: 'longOffset' }).formatToParts(
        Date.UTC(2025, 0, 15, 12),
      );
      const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
      const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
      offset = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) + Number(m[3] ?? 0) / 60) : 0;
    } catch {
      offset = 0;
    }
  }
  cache.set(timezone, offset);
  return offset;
}

/** Hours in common of two 09:00–17:00 local working days, given their UTC offsets (0..8). */
export function workingHoursOverlap(offsetA: number, offsetB: number, start = 9, end = 17): number {
  const diff = Math.abs(offsetA - offsetB);
  const d = Math.min(diff, 24 - diff);
  return Math.max(0, end - start - d);
}
