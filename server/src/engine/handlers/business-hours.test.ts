import { describe, expect, it } from 'vitest';
import type { NodeConfig } from '@zyntra/flows-schema';
import { node, session, testContext } from '../testing/fixtures';
import { businessHours, isOpenIn } from './business-hours';

type Config = NodeConfig<'business_hours'>;
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const shop: Config = {
  timezone: 'America/Sao_Paulo',
  periods: [
    { days: [...WEEKDAYS], from: '08:00', to: '12:00' },
    { days: [...WEEKDAYS], from: '13:30', to: '18:00' },
    { days: ['sat'], from: '09:00', to: '13:00' },
  ],
};
const at = (iso: string, config: Config = shop) => businessHours.enter(node('business_hours', 'h', config), session(), testContext({ now: iso })).next;

describe('business_hours handler', () => {
  // São Paulo is UTC−3 all year (no daylight saving since 2019).
  it.each([
    ['Monday 10:00 in São Paulo', '2026-12-07T13:00:00Z', 'open'],
    ['Monday 12:30, the lunch break', '2026-12-07T15:30:00Z', 'closed'],
    ['Monday 13:30, back from lunch', '2026-12-07T16:30:00Z', 'open'],
    ['Monday 18:00, closing time', '2026-12-07T21:00:00Z', 'closed'],
    ['Monday 07:59', '2026-12-07T10:59:00Z', 'closed'],
    ['Saturday 12:59', '2026-12-05T15:59:00Z', 'open'],
    ['Sunday 10:00', '2026-12-06T13:00:00Z', 'closed'],
    // 01:00 UTC on Tuesday is still Monday 22:00 in São Paulo.
    ['Monday 22:00 local, already Tuesday in UTC', '2026-12-08T01:00:00Z', 'closed'],
    ['Tuesday 09:00 local', '2026-12-08T12:00:00Z', 'open'],
  ])('at %s, then it follows %s', (_case, iso, next) => {
    expect(at(iso)).toBe(next);
  });

  it('when entered, then it names its path as the outcome and does nothing else', () => {
    expect(businessHours.enter(node('business_hours', 'h', shop), session(), testContext({ now: '2026-12-07T13:00:00Z' }))).toEqual({ next: 'open', actions: [], outcome: 'open' });
  });

  it('when a line closes before it opens, then it runs past midnight into the next day only', () => {
    const night: Config = { timezone: 'UTC', periods: [{ days: ['fri'], from: '22:00', to: '02:00' }] };
    expect(at('2026-12-04T23:00:00Z', night)).toBe('open'); // Friday 23:00
    expect(at('2026-12-05T01:59:00Z', night)).toBe('open'); // Saturday 01:59
    expect(at('2026-12-05T02:00:00Z', night)).toBe('closed');
    expect(at('2026-12-04T01:00:00Z', night)).toBe('closed'); // Friday 01:00 belongs to Thursday's night
  });

  it('when the zone keeps daylight saving, then the local clock is used (Lisbon, summer and winter)', () => {
    const lisbon: Config = { timezone: 'Europe/Lisbon', periods: [{ days: ['mon'], from: '09:00', to: '10:00' }] };
    expect(at('2026-07-06T08:30:00Z', lisbon)).toBe('open'); // 09:30 WEST
    expect(at('2026-12-07T09:30:00Z', lisbon)).toBe('open'); // 09:30 WET
    expect(at('2026-12-07T08:30:00Z', lisbon)).toBe('closed');
  });

  it('when there are no lines, then it is closed', () => {
    expect(at('2026-12-07T13:00:00Z', { timezone: 'UTC', periods: [] })).toBe('closed');
  });

  it('when a line opens and closes at 00:00, then it is the whole of its days', () => {
    const sunday = { days: ['sun' as const], from: '00:00', to: '00:00' };
    expect(isOpenIn(sunday, { day: 6, minutes: 0 })).toBe(true);
    expect(isOpenIn(sunday, { day: 6, minutes: 23 * 60 + 59 })).toBe(true);
    expect(isOpenIn(sunday, { day: 0, minutes: 0 })).toBe(false);
    expect(isOpenIn(sunday, { day: 5, minutes: 23 * 60 + 59 })).toBe(false);
  });
});
