// Outbound webhooks' domain-event consumer: when the workspace has an endpoint that wants the
// event, it enqueues one fan-out job (its id dedupes a re-dispatched event). Nothing is sent here.
import type { Knex } from 'knex';
import { forTenant } from '../db/tenant-db';
import type { DomainEventRow, Listener } from '../events/listener';
import type { Queues } from '../queues/queues';
import { SOURCE_EVENT_TYPES, toWebhookEvent } from './webhook-events';
import { hasSubscriber } from './webhooks.queries';

export function webhooksListener(deps: { db: Knex; queues: Pick<Queues, 'webhooks'> }): Listener {
  const handle = async (e: DomainEventRow) => {
    const event = toWebhookEvent(e);
    if (!event || !(await hasSubscriber(forTenant(deps.db, e.tenant_id), [event.type]))) return;
    await deps.queues.webhooks.add('fanout', { task: 'fanout', tenantId: e.tenant_id, eventId: e.id }, { jobId: `fanout-${e.id}` });
  };
  return { name: 'webhooks', handlers: Object.fromEntries(SOURCE_EVENT_TYPES.map((type) => [type, handle])) };
}
