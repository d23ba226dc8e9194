// Domain events are rows written in the producing transaction: they exist exactly when the change
// that caused them committed. A dispatcher fans them out to listeners afterwards.
import type { TenantDb } from '../db/tenant-db';
import type { EventType } from './event-types';

export type DomainEvent = { type: EventType; payload: Record<string, unknown> };

export async function publishEvents(tx: TenantDb, events: DomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx.insert(
    'domain_events',
    events.map((e) => ({ type: e.type, payload: JSON.stringify(e.payload) })),
  );
}
