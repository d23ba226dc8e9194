import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_SCHEDULE, nextDelayMs, parseRetrySchedule, retryAfterMs } from './retry-schedule';

describe('webhook retry schedule', () => {
  it('when the default is parsed, then it spans about a day', () => {
    const schedule = parseRetrySchedule(DEFAULT_RETRY_SCHEDULE)!;
    expect(schedule).toEqual([5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 28_800_000, 28_800_000]);
    const hours = schedule.reduce((a, b) => a + b, 0) / 3_600_000;
    expect(hours).toBeGreaterThan(20);
    expect(hours).toBeLessThan(26);
  });

  it('when an entry is not a duration, then the schedule is refused', () => {
    for (const bad of ['', '5', '5d', '1s,,x', '-1s', '1.5h']) expect(parseRetrySchedule(bad), bad).toBeNull();
    expect(parseRetrySchedule(' 200ms , 1s ')).toEqual([200, 1_000]);
  });

  it('when jitter is applied, then the delay stays within ±20 % and grows attempt by attempt', () => {
    const schedule = [1_000, 10_000];
    expect(nextDelayMs(schedule, 1, 0)).toBe(800);
    expect(nextDelayMs(schedule, 1, 0.999999)).toBe(1_200);
    expect(nextDelayMs(schedule, 2, 0.5)).toBe(10_000);
    expect(nextDelayMs(schedule, 3, 0.5)).toBeNull();
  });

  it('when the receiver asks for a longer Retry-After, then it wins', () => {
    expect(nextDelayMs([1_000], 1, 0.5, 30_000)).toBe(30_000);
    expect(nextDelayMs([60_000], 1, 0.5, 1_000)).toBe(60_000);
    expect(retryAfterMs('120', 0)).toBe(120_000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 0)).toBe(10_000);
    expect(retryAfterMs('soon', 0)).toBeUndefined();
    expect(retryAfterMs(undefined, 0)).toBeUndefined();
  });
});
