import { describe, expect, it } from 'vitest';
import { FAIR_QUOTA, FAIR_WINDOW_MS, MAX_FAIR_PRIORITY, fairPriorities, slidingCount } from './fair-share';

describe("a workspace's share of a queue", () => {
  it('when a workspace queued little, then its jobs go at the first priority', () => {
    expect(fairPriorities(0, 3)).toEqual([1, 1, 1]);
    expect(fairPriorities(FAIR_QUOTA - 1, 1)).toEqual([1]);
  });

  it('when a burst passes the quota, then each further quota of jobs goes one priority later, in order', () => {
    const p = fairPriorities(FAIR_QUOTA - 2, 4);
    expect(p).toEqual([1, 1, 2, 2]);
    expect(fairPriorities(0, 3 * FAIR_QUOTA + 1).at(-1)).toBe(4);
  });

  it('when a burst is huge, then its priority stops at the cap', () => {
    expect(fairPriorities(FAIR_QUOTA * MAX_FAIR_PRIORITY * 3, 2)).toEqual([MAX_FAIR_PRIORITY, MAX_FAIR_PRIORITY]);
  });

  it('when the window has just turned, then the previous window still counts almost whole; at its end, nothing of it', () => {
    const start = 100 * FAIR_WINDOW_MS;
    expect(slidingCount(5, 200, start)).toBe(205);
    expect(slidingCount(5, 200, start + FAIR_WINDOW_MS / 2)).toBe(105);
    expect(slidingCount(5, 200, start + FAIR_WINDOW_MS - 1)).toBe(5);
  });
});
