// GET /v1/reports/campaigns: the campaigns that began sending in a period, each with its recipients
// counted by the status a member sees, in two queries however many there are. Reports' Campaigns tab
// compares them; the campaigns list (the newest 200) could not reach back to an older period.
import type { Knex } from 'knex';
import { campaignsStartedIn, countRecipientsOf } from '../campaigns/campaigns.queries';
import { countsView } from '../campaigns/campaigns.service';
import { forTenant } from '../db/tenant-db';

/** More campaigns than anyone compares on one screen; the answer says when the period held more. */
export const MAX_REPORTED_CAMPAIGNS = 1000;

export async function campaignResults(db: Knex, tenantId: string, range: { from: Date; to: Date }) {
  const tdb = forTenant(db, tenantId);
  const rows = await campaignsStartedIn(tdb, range.from, range.to, MAX_REPORTED_CAMPAIGNS + 1);
  const shown = rows.slice(0, MAX_REPORTED_CAMPAIGNS);
  const counts = await countRecipientsOf(tdb, shown.map((c) => c.id));
  return {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    items: shown.map((c) => ({ id: c.id, name: c.name, status: c.status, startedAt: c.started_at, finishedAt: c.finished_at, counts: countsView(counts.get(c.id) ?? {}) })),
    truncated: rows.length > MAX_REPORTED_CAMPAIGNS,
  };
}
