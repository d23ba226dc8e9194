// What the failures page reads and what "retry all" changes. Every statement is the workspace's own
// (TenantDb), and reads only its failed rows through the partial indexes kept for them.
import type { TenantDb } from '../db/tenant-db';

/** The newest of each kind a page lists, and how many "retry all" sends back at once. */
export const LIST_LIMIT = 50;
export const RETRY_ALL_LIMIT = 1_000;
/** Counted up to this many; the page says "more than" beyond it. */
const COUNT_CAP = 10_000;

export type FailedContact = { name: string | null; phone: string | null } | null;
type EventRow = {
  id: string; kind: string; conversation_key: string; error: string | null; attempts: number;
  received_at: Date; processed_at: Date | null; contact_name: string | null; contact_phone: string | null;
};
type MessageRow = {
  id: string; conversation_id: string; text: string | null; type: string; error: string | null; attempts: number;
  updated_at: Date; contact_name: string | null; contact_phone: string | null; opted_out: boolean;
};

const contactOf = (name: string | null, phone: string | null): FailedContact => (name === null && phone === null ? null : { name, phone });

// The event's sender, from its conversation key (`channel:phone-or-id`): by the contact's id on the
// channel or by one of its aliases, as the pipeline stored it. Null for a delivery status.
const EVENT_SENDER = `LEFT JOIN LATERAL (
  SELECT c.name, c.phone FROM (
    SELECT name, phone, tenant_id, channel_id FROM contacts
    WHERE tenant_id = inbound_events.tenant_id AND channel_id = inbound_events.channel_id
      AND external_id = substr(inbound_events.conversation_key, length(inbound_events.channel_id::text) + 2)
    UNION ALL
    SELECT name, phone, tenant_id, channel_id FROM contacts
    WHERE aliases && ARRAY[substr(inbound_events.conversation_key, length(inbound_events.channel_id::text) + 2)]
  ) c WHERE c.tenant_id = inbound_events.tenant_id AND c.channel_id = inbound_events.channel_id LIMIT 1) sender ON true`;

const failedEvents = (tdb: TenantDb) => tdb.from('inbound_events').where('inbound_events.status', 'failed');
const failedMessages = (tdb: TenantDb) => tdb.from('messages').where({ 'messages.direction': 'out', 'messages.status': 'failed' });

const countOf = (tdb: TenantDb, sql: string) =>
  tdb.raw(`SELECT count(*)::int AS n FROM (${sql} LIMIT ?) f`, [tdb.tenantId, COUNT_CAP]).then((r: { rows: Array<{ n: number }> }) => r.rows[0]!.n);

/**
 * How many of each are failed, counted up to COUNT_CAP (`capped` then says there are more). A message
 * that may not go again (TO_OPTED_OUT_MARKETING) is still counted: it is still failed.
 */
export async function countFailures(tdb: TenantDb) {
  const [events, messages] = await Promise.all([
    countOf(tdb, "SELECT 1 FROM inbound_events WHERE tenant_id = ? AND status = 'failed'"),
    countOf(tdb, "SELECT 1 FROM messages WHERE tenant_id = ? AND direction = 'out' AND status = 'failed'"),
  ]);
  return { events, messages, capped: events >= COUNT_CAP || messages >= COUNT_CAP };
}

type EndpointRow = { id: string; url: string; failing_since: Date | null; disabled_at: Date | null; disabled_reason: string | null };

/**
 * The workspace's webhook endpoints whose calls are failing now, or which were turned off for
 * failing (an endpoint an owner turned off has no reason, and is not a failure). Their calls are
 * retried and logged by the webhooks module; the page points there.
 */
const failingEndpoints = (tdb: TenantDb) =>
  tdb.from('webhooks').where((q) => q.whereNotNull('failing_since').orWhereNotNull('disabled_reason'))
    .orderBy('created_at').limit(LIST_LIMIT).select('id', 'url', 'failing_since', 'disabled_at', 'disabled_reason') as Promise<EndpointRow[]>;

export async function listFailures(tdb: TenantDb) {
  const [events, messages, totals, endpoints] = await Promise.all([
    failedEvents(tdb).joinRaw(EVENT_SENDER).orderBy('inbound_events.id', 'desc').limit(LIST_LIMIT).select(
      'inbound_events.id', 'kind', 'conversation_key', 'error', 'attempts', 'received_at', 'processed_at',
      'sender.name as contact_name', 'sender.phone as contact_phone') as Promise<EventRow[]>,
    failedMessages(tdb)
      .leftJoin('conversations', (j) => j.on('conversations.id', 'messages.conversation_id').andOn('conversations.tenant_id', 'messages.tenant_id'))
      .leftJoin('contacts', (j) => j.on('contacts.id', 'conversations.contact_id').andOn('contacts.tenant_id', 'messages.tenant_id'))
      .orderBy('messages.updated_at', 'desc').limit(LIST_LIMIT).select(
        'messages.id', 'messages.conversation_id', 'messages.text', 'messages.type', 'messages.error', 'messages.attempts',
        'messages.updated_at', 'contacts.name as contact_name', 'contacts.phone as contact_phone',
        tdb.raw(`${TO_OPTED_OUT_MARKETING} AS opted_out`)) as Promise<MessageRow[]>,
    countFailures(tdb),
    failingEndpoints(tdb),
  ]);
  return {
    events: events.map((e) => ({
      id: String(e.id), kind: e.kind, conversationKey: e.conversation_key, contact: contactOf(e.contact_name, e.contact_phone),
      error: e.error, attempts: e.attempts, receivedAt: e.received_at, failedAt: e.processed_at,
    })),
    messages: messages.map((m) => ({
      id: m.id, conversationId: m.conversation_id, contact: contactOf(m.contact_name, m.contact_phone), text: m.text, type: m.type,
      error: m.error, attempts: m.attempts, failedAt: m.updated_at, optedOut: m.opted_out,
    })),
    totals,
    webhooks: endpoints.map((w) => ({ id: w.id, url: w.url, failingSince: w.failing_since, disabledAt: w.disabled_at, disabledReason: w.disabled_reason })),
  };
}

/**
 * A marketing template to a customer who has opted out since it failed: sent again, it would break
 * the opt-out (the inbox and campaigns refuse such a send up front). It stays failed; the customer
 * can still be answered when they write.
 */
export const TO_OPTED_OUT_MARKETING = `EXISTS (
  SELECT 1 FROM conversations cv
  JOIN contacts ct ON ct.id = cv.contact_id AND ct.tenant_id = cv.tenant_id
  JOIN whatsapp_templates wt ON wt.tenant_id = messages.tenant_id AND wt.channel_id = messages.channel_id
    AND wt.name = messages.payload->'template'->>'name' AND wt.language = messages.payload->'template'->>'language'
  WHERE cv.id = messages.conversation_id AND cv.tenant_id = messages.tenant_id
    AND ct.opted_out_at IS NOT NULL AND wt.category = 'MARKETING')`;

/** How many failed messages may not go again (TO_OPTED_OUT_MARKETING), counted up to COUNT_CAP. */
export const countOptedOut = (tdb: TenantDb) =>
  countOf(tdb, `SELECT 1 FROM messages WHERE tenant_id = ? AND direction = 'out' AND status = 'failed' AND ${TO_OPTED_OUT_MARKETING}`);

/** Whether a failed message is one that may not go again (TO_OPTED_OUT_MARKETING). */
export async function isOptedOutMarketing(tdb: TenantDb, id: string): Promise<boolean> {
  const row = await failedMessages(tdb).where('messages.id', id).first(tdb.raw(`${TO_OPTED_OUT_MARKETING} AS opted_out`));
  return Boolean(row?.opted_out);
}

export type RetriedAll = {
  messages: number; events: number;
  conversations: string[];
  drains: Array<{ channelId: string; conversationKey: string }>;
};

/**
 * Puts up to RETRY_ALL_LIMIT failed messages and as many failed events back in the pipeline, oldest
 * failures first, in one transaction; says which conversations need a send and which a drain. A row
 * another retry took at the same moment is skipped (it is that retry's).
 */
export async function retryAllFailures(tdb: TenantDb): Promise<RetriedAll> {
  return tdb.transaction(async (tx) => {
    const messages: Array<{ conversation_id: string }> = await tx.from('messages')
      .whereIn('id', failedMessages(tx).whereRaw(`NOT ${TO_OPTED_OUT_MARKETING}`)
        .orderBy('messages.updated_at').limit(RETRY_ALL_LIMIT).forUpdate().skipLocked().select('messages.id'))
      .update({ status: 'pending', attempts: 0, error: null, next_attempt_at: null, updated_at: new Date() })
      .returning(['conversation_id']);
    const events: Array<{ channel_id: string; conversation_key: string }> = await tx.from('inbound_events')
      .whereIn('id', failedEvents(tx).orderBy('inbound_events.id').limit(RETRY_ALL_LIMIT).forUpdate().skipLocked().select('inbound_events.id'))
      .update({ status: 'received', attempts: 0, error: null, processed_at: null })
      .returning(['channel_id', 'conversation_key']);
    const drains = new Map(events.map((e) => [`${e.channel_id}\n${e.conversation_key}`, { channelId: e.channel_id, conversationKey: e.conversation_key }]));
    return {
      messages: messages.length,
      events: events.length,
      conversations: [...new Set(messages.map((m) => m.conversation_id))],
      drains: [...drains.values()],
    };
  });
}
