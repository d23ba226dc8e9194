// Campaigns side by side over a period, as a marketer compares them: of the people a campaign
// reached (WhatsApp took the message), how many got it, read it and answered. A recipient's status is
// the furthest it went (replied beats read beats delivered), so each share counts those beyond it too.
import type { Campaign, CampaignResult } from '../campaigns-api';
import { listProgress } from '../list-progress';

export type Funnel = { people: number; reached: number; delivered: number; read: number; replied: number; failed: number; skipped: number; pending: number };
export type ResultRow = { id: string; name: string; status: Campaign['status']; startedAt: string; funnel: Funnel };

export function funnelOf(c: Campaign['counts']): Funnel {
  const replied = c.replied;
  const read = c.read + replied;
  const delivered = c.delivered + read;
  return { people: c.total, reached: listProgress(c).reached, delivered, read, replied, failed: c.failed, skipped: c.skipped, pending: c.pending };
}

const add = (a: Funnel, b: Funnel): Funnel => ({
  people: a.people + b.people, reached: a.reached + b.reached, delivered: a.delivered + b.delivered, read: a.read + b.read,
  replied: a.replied + b.replied, failed: a.failed + b.failed, skipped: a.skipped + b.skipped, pending: a.pending + b.pending,
});
const NONE: Funnel = { people: 0, reached: 0, delivered: 0, read: 0, replied: 0, failed: 0, skipped: 0, pending: 0 };

/** The report's campaigns (those that began sending in the period), newest first, and their sum. */
export function campaignResults(items: CampaignResult[]): { rows: ResultRow[]; total: Funnel } {
  const rows = items
    .map((c) => ({ id: c.id, name: c.name, status: c.status, startedAt: c.startedAt, funnel: funnelOf(c.counts) }))
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  return { rows, total: rows.reduce((sum, r) => add(sum, r.funnel), NONE) };
}

/** A share of the people reached, in whole percent; null when nobody was reached yet. */
export const rate = (n: number, f: Funnel): number | null => (f.reached > 0 ? Math.round((100 * n) / f.reached) : null);
