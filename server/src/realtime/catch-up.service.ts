// Catch-up after a reconnect: the client connects its socket first, then pages from the highest
// event id it has seen, applying each event once (by id). Events pushed meanwhile arrive on the
// socket too; the ids make the overlap harmless.
import type { Knex } from 'knex';
import { forTenant } from '../db/tenant-db';
import { eventsAfter, latestEventId } from './catch-up.queries';
import type { Role } from '../http/access';
import { browserEvent, pushedTypesFor } from './pushed-events';

/** Replays what the caller's role receives live, nothing else. */
export async function catchUp(db: Knex, caller: { tenantId: string; role: Role }, after: number | undefined, limit: number) {
  const tdb = forTenant(db, caller.tenantId);
  // No position yet: nothing to replay, only where to start from.
  if (after === undefined) return { items: [], nextAfter: await latestEventId(tdb), hasMore: false };
  const rows = await eventsAfter(tdb, after, limit, pushedTypesFor(caller.role));
  const items = rows.slice(0, limit).map(browserEvent);
  return { items, nextAfter: items.length ? items[items.length - 1]!.id : after, hasMore: rows.length > limit };
}
