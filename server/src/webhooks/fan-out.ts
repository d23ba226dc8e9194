// From a domain event to webhook messages: one row per subscribed endpoint and webhook event type
// (the durable record, unique per endpoint, event and type, so a re-dispatched event adds nothing),
// then one delivery job each.
// A job lost with Redis is found again by requeueOverdue, which the housekeeping job runs.
import type { Knex } from 'knex';
import { forTenant, type TenantDb } from '../db/tenant-db';
import type { DomainEventRow } from '../events/listener';
import { enqueueDelivery } from './delivery.worker';
import { MESSAGE_EVENT_TYPES, withMessage } from './message-data';
import { newMessageId } from './signing';
import { toWebhookEvents, webhookBody } from './webhook-events';
import type { WebhookDeps } from './webhook-settings';
import * as q from './webhooks.queries';

export type FanOutDeps = Pick<WebhookDeps, 'db' | 'queues'>;

/** The endpoints of the event's workspace subscribed to `type` (one query; a listener may remember them). */
export type EndpointLookup = (tdb: TenantDb, e: DomainEventRow, type: string) => Promise<Array<{ id: string }>>;

const lookupEach: EndpointLookup = (tdb, _e, type) => q.subscribedEndpoints(tdb, type);

/**
 * Remembers each workspace's active endpoints, read with the database's clock. An event created
 * before that read is fanned out from memory: an endpoint that was active when the event was
 * created was already visible to the read. A newer event reads again, so a dispatch batch costs
 * one query per workspace instead of one per event (most workspaces have no endpoint at all).
 */
export function rememberingLookup(maxAgeMs = 5_000): EndpointLookup & { forget(tenantId: string): void } {
  const known = new Map<string, { readAt: number; localAt: number; endpoints: Array<{ id: string; events: string[] }> }>();
  const lookup = async (tdb: TenantDb, e: DomainEventRow, type: string) => {
    let k = known.get(e.tenant_id);
    // Strictly older by more than the clock's rounding (the database keeps microseconds, a Date milliseconds).
    const fresh = k && new Date(e.created_at).getTime() < k.readAt - 1 && Date.now() - k.localAt < maxAgeMs;
    if (!k || !fresh) {
      k = { ...(await q.activeEndpoints(tdb)), localAt: Date.now() };
      known.set(e.tenant_id, k);
    }
    return k.endpoints.filter((x) => x.events.includes(type));
  };
  return Object.assign(lookup, { forget: (tenantId: string) => void known.delete(tenantId) });
}

export async function fanOut(deps: FanOutDeps, e: DomainEventRow, lookup: EndpointLookup = lookupEach): Promise<void> {
  const events = toWebhookEvents(e);
  if (events.length === 0) return;
  const tdb = forTenant(deps.db, e.tenant_id);
  const subscribed: Array<{ event: (typeof events)[number]; endpoints: Array<{ id: string }> }> = [];
  for (const event of events) {
    const endpoints = await lookup(tdb, e, event.type);
    if (endpoints.length) subscribed.push({ event, endpoints });
  }
  if (subscribed.length === 0) return;
  // One read of the conversation serves both: what a marketer types in the builder's test chat is
  // not a customer's message, and a message event names its conversation's contact and channel.
  const conversation = await q.eventConversation(tdb, e.payload.conversationId);
  if (conversation?.testChat) return;
  const rows: Parameters<typeof q.insertMessages>[1] = [];
  for (const { event, endpoints } of subscribed) {
    // Read only when someone listens (most workspaces have no endpoint).
    const data = MESSAGE_EVENT_TYPES.has(event.type) ? await withMessage(tdb, event.data, conversation) : event.data;
    const body = webhookBody(event.type, new Date(e.created_at), data);
    rows.push(...endpoints.map((x) => ({ id: newMessageId(), webhook_id: x.id, domain_event_id: e.id, event_type: event.type, body })));
  }
  await q.insertMessages(tdb, rows);
  const webhookIds = [...new Set(rows.map((r) => r.webhook_id))];
  for (const m of await q.unsentMessagesOf(tdb, e.id, webhookIds)) await enqueueDelivery(deps, e.tenant_id, m.id, { attempt: 1 });
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
