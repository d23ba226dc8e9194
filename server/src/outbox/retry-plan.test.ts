import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, nextRetryInMs } from './retry-plan';

describe('retry plan', () => {
  it('when the provider keeps failing for a passing reason, then the attempts span several minutes before the message fails', () => {
    const waits: number[] = [];
    for (let attempts = 1; ; attempts++) {
      const wait = nextRetryInMs(attempts, undefined, 1);
      if (wait === null) break;
      waits.push(wait);
    }
    expect(waits).toHaveLength(MAX_ATTEMPTS - 1);
    expect(waits.slice(0, 3)).toEqual([500, 1000, 2000]);
    expect(Math.max(...waits)).toBe(60_000);
    const total = waits.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(5 * 60_000);
    expect(total).toBeLessThan(10 * 60_000);
  });

  it('when the provider says when to come back, then that is the wait', () => {
    expect(nextRetryInMs(2, 7_000)).toBe(7_000);
    expect(nextRetryInMs(MAX_ATTEMPTS, 7_000)).toBeNull();
  });
});
