import { utcOffsetHours, workingHoursOverlap } from '../util/timezone';

/**
 * "Who is around now": each member's local time from their IANA time zone (with summer time, via
 * Intl), whether it is inside their working day (09:00–17:00 on a weekday unless the team's
 * agreement says otherwise), and how many working hours they share with the viewer.
 */
export interface AroundNow {
  personId: string;
  timezone: string | undefined;
  localTime: string;
  around: boolean;
  /** Working hours a day in common with the viewer (0–8). */
  overlapHours: number;
}

export function localClock(timezone: string | undefined, now: number): { hour: number; minute: number; weekday: number } {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: timezone ?? 'UTC', hour: 'numeric', minute: 'numeric', weekday: 'short', hourCycle: 'h23' }).formatToParts(new Date(now));
    const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
    return { hour: Number(get('hour')) % 24, minute: Number(get('minute')), weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday')) };
  } catch {
    const d = new Date(now);
    return { hour: d.getUTCHours(), minute: d.getUTCMinutes(), weekday: d.getUTCDay() };
  }
}

export function aroundNow(members: readonly { id: string; timezone?: string }[], viewerTimezone: string | undefined, now: number, hours = { start: 9, end: 17 }): AroundNow[] {
  const mine = utcOffsetHours(viewerTimezone);
  return members
    .map((m) => {
      const c = localClock(m.timezone, now);
      const weekday = c.weekday >= 1 && c.weekday <= 5;
      const t = c.hour + c.minute / 60;
      return {
        personId: m.id,
        timezone: m.timezone,
        localTime: `${String(c.hour).padStart(2, '0')}:${String(c.minute).padStart(2, '0')}`,
        around: weekday && t >= hours.start && t < hours.end,
        overlapHours: workingHoursOverlap(mine, utcOffsetHours(m.timezone), hours.start, hours.end),
      };
    })
    .sort((a, b) => Number(b.around) - Number(a.around) || b.overlapHours - a.overlapHours || (a.personId < b.personId ? -1 : 1));
}
