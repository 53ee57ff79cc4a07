import { utcOffsetHours } from '../util/timezone';

/**
 * The hours of the day (UTC) when every party is inside their local working hours, on a half-hour
 * grid. Offsets are standard time (see utcOffsetHours). Windows that wrap past midnight UTC are
 * returned as one window whose end is below its start.
 */
export interface OverlapWindow {
  /** Start and end, hours UTC on [0, 24). */
  startUtc: number;
  endUtc: number;
}

export function overlapWindows(timezones: readonly string[], hours: { start: number; end: number }): { windows: OverlapWindow[]; hours: number } {
  const SLOTS = 48;
  const ok = new Array<boolean>(SLOTS).fill(true);
  for (const tz of timezones) {
    const offset = utcOffsetHours(tz);
    for (let s = 0; s < SLOTS; s++) {
      const local = (((s / 2 + offset) % 24) + 24) % 24;
      if (!(local >= hours.start && local + 0.5 <= hours.end)) ok[s] = false;
    }
  }
  const total = ok.filter(Boolean).length / 2;
  if (total === 24) return { windows: [{ startUtc: 0, endUtc: 0 }], hours: 24 };
  const windows: OverlapWindow[] = [];
  // start scanning right after a closed slot so that a window wrapping midnight stays whole
  const first = ok.findIndex((x) => !x);
  for (let i = 0; i < SLOTS; i++) {
    const s = (first + 1 + i) % SLOTS;
    if (!ok[s]) continue;
    const prev = (s + SLOTS - 1) % SLOTS;
    if (ok[prev]) continue;
    let len = 0;
    while (ok[(s + len) % SLOTS]) len++;
    windows.push({ startUtc: s / 2, endUtc: ((s + len) % SLOTS) / 2 });
  }
  return { windows, hours: total };
}
