import { describe, expect, it } from 'vitest';
import { aroundNow, localClock } from './aroundNow';

describe('who is around now', () => {
  // Wednesday 2026-01-14 10:30 UTC
  const now = Date.UTC(2026, 0, 14, 10, 30);
  it('reads local time from the time zone', () => {
    expect(localClock('Europe/Lisbon', now)).toEqual({ hour: 10, minute: 30, weekday: 3 });
    expect(localClock('Asia/Tokyo', now).hour).toBe(19);
    expect(localClock('Not/AZone', now).hour).toBe(10);
  });
  it('lists who is in their working day first, then by shared hours with the viewer', () => {
    const r = aroundNow([{ id: 'tokyo', timezone: 'Asia/Tokyo' }, { id: 'lisbon', timezone: 'Europe/Lisbon' }, { id: 'berlin', timezone: 'Europe/Berlin' }, { id: 'ny', timezone: 'America/New_York' }], 'Europe/Lisbon', now);
    expect(r.map((x) => [x.personId, x.around, x.localTime])).toEqual([
      ['lisbon', true, '10:30'],
      ['berlin', true, '11:30'],
      ['ny', false, '05:30'],
      ['tokyo', false, '19:30'],
    ]);
    expect(r.find((x) => x.personId === 'ny')!.overlapHours).toBe(3);
  });
  it('nobody is around on a weekend', () => {
    expect(aroundNow([{ id: 'a', timezone: 'Europe/Lisbon' }], 'Europe/Lisbon', Date.UTC(2026, 0, 17, 11)).every((x) => !x.around)).toBe(true);
  });
});
