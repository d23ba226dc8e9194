import { describe, expect, it } from 'vitest';
import type { Campaign } from '../campaigns-api';
import { campaignResults, funnelOf, rate } from './campaign-results';

const counts = (c: Partial<Campaign['counts']>): Campaign['counts'] => {
  const all = { pending: 0, sent: 0, delivered: 0, read: 0, replied: 0, failed: 0, skipped: 0, ...c };
  return { ...all, total: Object.values(all).reduce((a, b) => a + b, 0) };
};
const campaign = (id: string, startedAt: string | null, c: Partial<Campaign['counts']>, status: Campaign['status'] = 'completed') =>
  ({ id, name: `Campanha ${id}`, status, startedAt, counts: counts(c) }) as Campaign;

describe('campaign results', () => {
  it('when recipients went different distances, then each step counts those who went further too', () => {
    expect(funnelOf(counts({ sent: 1, delivered: 2, read: 3, replied: 4, failed: 5, skipped: 6, pending: 7 }))).toEqual({
      people: 28, reached: 10, delivered: 9, read: 7, replied: 4, failed: 5, skipped: 6, pending: 7,
    });
  });

  it('when campaigns began before, inside and after the period or never, then only those inside show, newest first, and they add up', () => {
    const from = new Date('2026-11-01T03:00:00Z');
    const to = new Date('2026-12-01T03:00:00Z');
    const { rows, total } = campaignResults([
      campaign('old', '2026-10-31T12:00:00Z', { read: 5 }),
      campaign('a', '2026-11-02T12:00:00Z', { delivered: 2, replied: 1, failed: 1 }),
      campaign('b', '2026-11-20T12:00:00Z', { sent: 4, read: 2, skipped: 3 }, 'running'),
      campaign('draft', null, { pending: 10 }, 'draft'),
      campaign('late', '2026-12-01T03:00:00Z', { read: 1 }),
    ], from, to);
    expect(rows.map((r) => r.id)).toEqual(['b', 'a']);
    expect(total).toEqual({ people: 13, reached: 9, delivered: 5, read: 3, replied: 1, failed: 1, skipped: 3, pending: 0 });
  });

  it('when a share of the people reached is asked, then it is a whole percent, and none before anyone was reached', () => {
    const f = funnelOf(counts({ delivered: 2, read: 1 }));
    expect(rate(f.read, f)).toBe(33);
    expect(rate(0, funnelOf(counts({ pending: 3 })))).toBeNull();
  });
});
