// From a domain event to webhook messages: one row per subscribed endpoint (the durable record,
// unique per endpoint and event, so a re-dispatched event adds nothing), then one delivery job each.
// A job lost with Redis is found again by requeueOverdue, which the housekeeping job runs.
import type { Knex } from 'knex';
import { forTenant } from '../db/tenant-db';
import type { DomainEventRow } from '../events/listener';
import { enqueueDelivery } from './delivery.worker';
import { newMessageId } from './signing';
import { toWebhookEvent, webhookBody } from './webhook-events';
import type { WebhookDeps } from './webhook-settings';
import * as q from './webhooks.queries';

export type FanOutDeps = Pick<WebhookDeps, 'db' | 'queues'>;

export async function fanOut(deps: FanOutDeps, e: DomainEventRow): Promise<void> {
  const event = toWebhookEvent(e);
  if (!event) return;
  const tdb = forTenant(deps.db, e.tenant_id);
  const endpoints = await q.subscribedEndpoints(tdb, event.type);
  if (endpoints.length === 0) return;
  const body = webhookBody(event.type, new Date(e.created_at), event.data);
  await q.insertMessages(tdb, endpoints.map((x) => ({ id: newMessageId(), webhook_id: x.id, domain_event_id: e.id, event_type: event.type, body })));
  for (const m of await q.unsentMessagesOf(tdb, e.id)) await enqueueDelivery(deps, e.tenant_id, m.id, { attempt: 1 });
}

const BATCH = 500;

/** Re-enqueues pending messages whose attempt is overdue (their job was lost); job ids dedupe. */
export async function requeueOverdue(deps: { db: Knex; queues: WebhookDeps['queues'] }): Promise<number> {
  // Across tenants by design, like the dispatcher: each row names its tenant.
  const rows: Array<{ id: string; tenant_id: string; attempts: number }> = await deps.db('webhook_messages')
    .where({ status: 'pending' })
    .whereRaw("coalesce(next_attempt_at, created_at) < now() - interval '2 minutes'")
    .orderBy('created_at')
    .limit(BATCH)
    .select('id', 'tenant_id', 'attempts');
  for (const r of rows) await enqueueDelivery(deps, r.tenant_id, r.id, { attempt: r.attempts + 1 });
  return rows.length;
}
