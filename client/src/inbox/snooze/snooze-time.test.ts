import { describe, expect, it } from 'vitest';
import { nextWake, presetTime, snoozeWhen } from './snooze-time';

// Local times: the presets are in the browser's own zone, whatever the test machine's is.
const at = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min);

describe('snooze presets', () => {
  it('when an agent snoozes for an hour, then it is sixty minutes from now, across midnight too', () => {
    expect(presetTime('hour', at(2026, 12, 7, 23, 30))).toEqual(at(2026, 12, 8, 0, 30));
  });

  it('when snoozed until tomorrow, then it is the next day at 09:00, also late at night and at month or year end', () => {
    expect(presetTime('tomorrow', at(2026, 12, 7, 14, 12))).toEqual(at(2026, 12, 8, 9));
    expect(presetTime('tomorrow', at(2026, 12, 7, 0, 5))).toEqual(at(2026, 12, 8, 9));
    expect(presetTime('tomorrow', at(2026, 12, 31, 18))).toEqual(at(2027, 1, 1, 9));
  });

  it('when snoozed until Monday, then it is the next Monday at 09:00: tomorrow on a Sunday, a week later on a Monday', () => {
    // 2026-12-06 is a Sunday; 2026-12-07 a Monday.
    expect(presetTime('monday', at(2026, 12, 6, 10))).toEqual(at(2026, 12, 7, 9));
    expect(presetTime('monday', at(2026, 12, 6, 23, 59))).toEqual(at(2026, 12, 7, 9));
    expect(presetTime('monday', at(2026, 12, 7, 7))).toEqual(at(2026, 12, 14, 9));
    expect(presetTime('monday', at(2026, 12, 7, 10))).toEqual(at(2026, 12, 14, 9));
    expect(presetTime('monday', at(2026, 12, 9, 16))).toEqual(at(2026, 12, 14, 9));
    expect(presetTime('monday', at(2026, 12, 12, 9))).toEqual(at(2026, 12, 14, 9));
    for (const p of [presetTime('monday', at(2026, 12, 6)), presetTime('monday', at(2026, 12, 10))]) expect(p.getDay()).toBe(1);
  });
});

describe('until when, in words', () => {
  const now = at(2026, 12, 6, 15); // a Sunday
  it('says today, tomorrow, a weekday within the week, else the date, with the time in the locale\'s way', () => {
    expect(snoozeWhen(at(2026, 12, 6, 16, 30), now, 'pt-BR')).toMatchObject({ day: 'today', time: '16:30' });
    expect(snoozeWhen(at(2026, 12, 7, 9), now, 'pt-BR')).toMatchObject({ day: 'tomorrow', time: '09:00' });
    expect(snoozeWhen(at(2026, 12, 10, 9), now, 'pt-BR')).toMatchObject({ day: 'weekday', weekday: 4 });
    expect(snoozeWhen(at(2026, 12, 14, 9), now, 'pt-BR')).toMatchObject({ day: 'date', date: '14/12' });
    expect(snoozeWhen(at(2026, 12, 7, 9), now, 'en').time).toBe('9:00 AM');
  });
});

describe('when the lists must be read again', () => {
  it('is the earliest snooze among the loaded chats, never in the past, and none without snoozes', () => {
    const now = Date.parse('2026-12-06T15:00:00Z');
    expect(nextWake([{ snoozedUntil: null }, {}], now)).toBeNull();
    expect(nextWake([{ snoozedUntil: '2026-12-07T12:00:00Z' }, { snoozedUntil: '2026-12-06T16:00:00Z' }, { snoozedUntil: null }], now))
      .toBe(Date.parse('2026-12-06T16:00:00Z'));
    expect(nextWake([{ snoozedUntil: '2026-12-06T14:00:00Z' }], now)).toBe(now);
  });
});
