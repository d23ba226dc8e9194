// What the workspace sees of the inbound items its providers sent that could not be used.
import { forTenant } from '../db/tenant-db';
import { notFound } from '../http/app-error';
import type { ChannelsDeps } from './channels.service';
import { findChannel } from './channels.queries';
import type { RejectedEventsQuery } from './channels.schemas';
import { countRejections, listRejections } from './rejections.queries';

export async function listRejectedEvents(deps: Pick<ChannelsDeps, 'db'>, tenantId: string, channelId: string, query: RejectedEventsQuery) {
  const tdb = forTenant(deps.db, tenantId);
  if (!(await findChannel(tdb, channelId))) throw notFound('Channel');
  const rows = await listRejections(tdb, channelId, query.limit + 1, query.cursor);
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((r) => ({
      id: String(r.id),
      reason: r.reason,
      sample: r.sample,
      times: r.times,
      firstSeenAt: new Date(r.first_seen_at).toISOString(),
      lastSeenAt: new Date(r.last_seen_at).toISOString(),
    })),
    nextCursor: rows.length > query.limit ? String(page[page.length - 1]!.id) : null,
    total: await countRejections(tdb, channelId),
  };
}
