import { describe, expect, it } from 'vitest';
import type { Campaign, CampaignResult } from '../campaigns-api';
import { campaignResults, funnelOf, rate } from './campaign-results';

const counts = (c: Partial<Campaign['counts']>): Campaign['counts'] => {
  const all = { pending: 0, sent: 0, delivered: 0, read: 0, replied: 0, failed: 0, skipped: 0, ...c };
  return { ...all, total: Object.values(all).reduce((a, b) => a + b, 0) };
};
const result = (id: string, startedAt: string, c: Partial<Campaign['counts']>, status: Campaign['status'] = 'completed'): CampaignResult =>
  ({ id, name: `Campanha ${id}`, status, startedAt, finishedAt: null, counts: counts(c) });

describe('campaign results', () => {
  it('when recipients went different distances, then each step counts those who went further too', () => {
    expect(funnelOf(counts({ sent: 1, delivered: 2, read: 3, replied: 4, failed: 5, skipped: 6, pending: 7 }))).toEqual({
      people: 28, reached: 10, delivered: 9, read: 7, replied: 4, failed: 5, skipped: 6, pending: 7,
    });
  });

  it('when the report lists campaigns in any order, then they show newest first and add up', () => {
    const { rows, total } = campaignResults([
      result('a', '2026-11-02T12:00:00Z', { delivered: 2, replied: 1, failed: 1 }),
      result('b', '2026-11-20T12:00:00Z', { sent: 4, read: 2, skipped: 3 }, 'running'),
    ]);
    expect(rows.map((r) => r.id)).toEqual(['b', 'a']);
    expect(total).toEqual({ people: 13, reached: 9, delivered: 5, read: 3, replied: 1, failed: 1, skipped: 3, pending: 0 });
  });

  it('when a share of the people reached is asked, then it is a whole percent, and none before anyone was reached', () => {
    const f = funnelOf(counts({ delivered: 2, read: 1 }));
    expect(rate(f.read, f)).toBe(33);
    expect(rate(0, funnelOf(counts({ pending: 3 })))).toBeNull();
  });
});
