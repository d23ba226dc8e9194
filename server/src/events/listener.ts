import type { EventType } from './event-types';

export type DomainEventRow = { id: number; tenant_id: string; type: EventType; payload: Record<string, unknown>; created_at: Date };

/** Handlers keyed by the event names a listener cares about. */
export type Listener = { name: string; handlers: Partial<Record<EventType, (event: DomainEventRow) => Promise<void> | void>> };
