import { describe, expect, it } from 'vitest';
import { listProgress, share } from './list-progress';

const counts = (c: Partial<Record<string, number>>) => {
  const all = { pending: 0, sent: 0, delivered: 0, read: 0, replied: 0, failed: 0, skipped: 0, ...c };
  return { ...all, total: Object.values(all).reduce((a, b) => a + b, 0) };
};

describe('campaign list progress', () => {
  it('when a campaign was cancelled before sending anything, then nobody is reached and all are skipped', () => {
    expect(listProgress(counts({ skipped: 9 }))).toEqual({ total: 9, reached: 0, failed: 0, skipped: 9, pending: 0 });
  });

  it('when recipients were sent, delivered, read or replied, then they all count as reached; failed and skipped apart', () => {
    expect(listProgress(counts({ sent: 1, delivered: 2, read: 3, replied: 1, failed: 2, skipped: 1, pending: 4 })))
      .toEqual({ total: 14, reached: 7, failed: 2, skipped: 1, pending: 4 });
  });

  it('when the share of a total is asked, then it is a percent, and 0 of nobody', () => {
    expect(share(3, 12)).toBe(25);
    expect(share(0, 0)).toBe(0);
  });
});
