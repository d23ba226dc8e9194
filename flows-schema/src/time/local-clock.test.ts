import { describe, expect, it } from 'vitest';
import { clockMinutes, localClock, withinHours } from './local-clock';

describe('localClock', () => {
  it('reads weekday, minute and second on the zone’s clock', () => {
    // 02:30:15 UTC on Sunday is still Saturday 23:30:15 in São Paulo (UTC−3).
    expect(localClock(new Date('2026-12-06T02:30:15Z'), 'America/Sao_Paulo')).toEqual({ day: 5, minutes: 23 * 60 + 30, seconds: 15 });
    expect(localClock(new Date('2026-12-07T00:00:00Z'), 'UTC')).toEqual({ day: 0, minutes: 0, seconds: 0 });
  });

  it('follows daylight saving where the zone keeps it (Lisbon, summer and winter)', () => {
    expect(localClock(new Date('2026-07-06T08:30:00Z'), 'Europe/Lisbon').minutes).toBe(9 * 60 + 30);
    expect(localClock(new Date('2026-12-07T08:30:00Z'), 'Europe/Lisbon').minutes).toBe(8 * 60 + 30);
  });

  it('refuses a zone that does not exist', () => {
    expect(() => localClock(new Date(), 'Mars/Olympus')).toThrow(RangeError);
  });

  it('turns a clock time into minutes since midnight', () => {
    expect(clockMinutes('08:30')).toBe(510);
    expect(clockMinutes('00:00')).toBe(0);
    expect(clockMinutes('23:59')).toBe(1439);
  });

  it('when hours are checked, then the end is exclusive, equal ends are all day and an end before the start runs overnight', () => {
    expect([539, 540, 1199, 1200].map((m) => withinHours(m, '09:00', '20:00'))).toEqual([false, true, true, false]);
    expect(withinHours(0, '08:00', '08:00')).toBe(true);
    expect([1380, 300, 360, 720].map((m) => withinHours(m, '22:00', '06:00'))).toEqual([true, true, false, false]);
  });
});
