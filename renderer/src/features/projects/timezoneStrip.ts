import { utcOffsetHours } from '../../../../shared/util/timezone';

/**
 * For each UTC hour of the day, how many members are inside their 09:00–17:00 working day. The
 * hours where everyone is at work are the team's shared window.
 */
export function workingHoursByUtcHour(timezones: readonly (string | undefined)[], start = 9, end = 17): number[] {
  const counts = new Array<number>(24).fill(0);
  for (const tz of timezones) {
    const offset = utcOffsetHours(tz);
    for (let h = 0; h < 24; h++) {
      const local = (((h + offset) % 24) + 24) % 24;
      if (local >= start && local < end) counts[h]++;
    }
  }
  return counts;
}
