import { describe, expect, it } from 'vitest';
import { localDay, localDaysAgo } from './local-day';

describe('localDay', () => {
  it('when a local time is late in the evening, then the day is still the local one', () => {
    expect(localDay(new Date(2026, 11, 2, 23, 30))).toBe('2026-12-02');
    expect(localDay(new Date(2026, 0, 5, 0, 5))).toBe('2026-01-05');
  });

  it('when counting back across a month and a year, then the calendar decides', () => {
    expect(localDaysAgo(6, new Date(2026, 11, 2, 22, 0))).toBe('2026-11-26');
    expect(localDaysAgo(3, new Date(2026, 0, 2, 12, 0))).toBe('2025-12-30');
  });
});
