import { describe, expect, it } from 'vitest';
import { insideWindow, msUntilWindow } from './send-window';

const sp = { start: '09:00', end: '20:00', timeZone: 'America/Sao_Paulo' };

describe('send window', () => {
  it('when it is 10:00 in São Paulo (13:00 UTC), then the window is open', () => {
    expect(insideWindow(new Date('2026-12-01T13:00:00Z'), sp)).toBe(true);
    expect(msUntilWindow(new Date('2026-12-01T13:00:00Z'), sp)).toBe(0);
  });

  it('when it is 20:30 in São Paulo, then it waits until 09:00 the next day', () => {
    expect(insideWindow(new Date('2026-12-01T23:30:00Z'), sp)).toBe(false);
    expect(msUntilWindow(new Date('2026-12-01T23:30:00Z'), sp)).toBe(12.5 * 3600_000);
  });

  it('when it is 08:59:30 local, then the window opens in 30 seconds', () => {
    expect(msUntilWindow(new Date('2026-12-01T11:59:30Z'), sp)).toBe(30_000);
  });

  it('when the window runs overnight (22:00–06:00), then 23:00 is inside and 12:00 is not', () => {
    const night = { start: '22:00', end: '06:00', timeZone: 'UTC' };
    expect(insideWindow(new Date('2026-12-01T23:00:00Z'), night)).toBe(true);
    expect(insideWindow(new Date('2026-12-01T12:00:00Z'), night)).toBe(false);
    expect(msUntilWindow(new Date('2026-12-01T12:00:00Z'), night)).toBe(10 * 3600_000);
  });
});
