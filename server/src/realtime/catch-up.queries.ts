// The workspace's pushed events after a given id, in id order (index domain_events (tenant_id, id)).
import type { TenantDb } from '../db/tenant-db';
import type { EventType } from '../events/event-types';

export type EventRow = { id: number; type: string; created_at: Date; payload: Record<string, unknown> };

/** `types`: what the caller's role receives (pushedTypesFor). */
export const eventsAfter = (tdb: TenantDb, after: number, limit: number, types: readonly EventType[]): Promise<EventRow[]> =>
  tdb
    .from('domain_events')
    .where('id', '>', after)
    .whereIn('type', types as EventType[])
    .orderBy('id')
    .limit(limit + 1)
    .select('id', 'type', 'created_at', 'payload');

/** The newest event id of the workspace: where a client that has seen nothing yet starts. */
export async function latestEventId(tdb: TenantDb): Promise<number> {
  const row = await tdb.from('domain_events').orderBy('id', 'desc').first('id');
  return row?.id ?? 0;
}
