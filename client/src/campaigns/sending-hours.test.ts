import { describe, expect, it } from 'vitest';
import { hoursShape, sendingBegins } from './sending-hours';

const HOURS = { start: '09:00', end: '20:00' };

describe('when a campaign begins sending', () => {
  it('when it is 03:00 in São Paulo and the hours are 09:00–20:00, then it begins at 09:00 today', () => {
    expect(sendingBegins(new Date('2026-12-05T06:00:00Z'), HOURS, 'America/Sao_Paulo')).toEqual({ time: '09:00', tomorrow: false });
  });

  it('when it is 21:30 there, then it begins at 09:00 tomorrow', () => {
    expect(sendingBegins(new Date('2026-12-06T00:30:00Z'), HOURS, 'America/Sao_Paulo')).toEqual({ time: '09:00', tomorrow: true });
  });

  it('when it is inside the hours (on the campaign’s clock, not UTC’s), then it begins now', () => {
    // 10:00 in São Paulo is 13:00 UTC; 08:00 UTC would be 05:00 there.
    expect(sendingBegins(new Date('2026-12-05T13:00:00Z'), HOURS, 'America/Sao_Paulo')).toBeNull();
    expect(sendingBegins(new Date('2026-12-05T08:00:00Z'), HOURS, 'America/Sao_Paulo')).not.toBeNull();
  });

  it('when the hours run overnight or all day, then inside them it begins now', () => {
    expect(sendingBegins(new Date('2026-12-05T02:00:00Z'), { start: '22:00', end: '06:00' }, 'UTC')).toBeNull();
    expect(sendingBegins(new Date('2026-12-05T12:00:00Z'), { start: '22:00', end: '06:00' }, 'UTC')).toEqual({ time: '22:00', tomorrow: false });
    expect(sendingBegins(new Date('2026-12-05T12:00:00Z'), { start: '00:00', end: '00:00' }, 'UTC')).toBeNull();
  });
});

describe('the shape of sending hours', () => {
  it('when the end is before the start, then they run overnight; the same time twice is refused; else nothing to say', () => {
    expect(hoursShape({ start: '22:00', end: '06:00' })).toBe('overnight');
    expect(hoursShape({ start: '09:00', end: '09:00' })).toBe('same');
    expect(hoursShape({ start: '09:00', end: '20:00' })).toBeNull();
    expect(hoursShape({ start: '00:00', end: '24:00' })).toBeNull();
  });
});
