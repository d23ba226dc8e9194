// Every knex call of the outbound-webhooks module, tenant first (through TenantDb).
import type { TenantDb } from '../db/tenant-db';
import { isUuid } from '../db/uuid';

export type EndpointRow = {
  id: string; url: string; events: string[]; description: string | null; secret_enc: string;
  previous_secret_enc: string | null; previous_secret_expires_at: Date | null;
  active: boolean; failing_since: Date | null; disabled_at: Date | null; disabled_reason: string | null; created_at: Date;
};
export type MessageRow = {
  id: string; webhook_id: string; domain_event_id: number | null; event_type: string; body: string;
  status: 'pending' | 'delivered' | 'failed'; attempts: number; next_attempt_at: Date | null; created_at: Date;
};
export type AttemptRow = {
  id: string; message_id: string; event_type: string; attempt: number; status: 'succeeded' | 'failed';
  response_code: number | null; duration_ms: number | null; error: string | null; manual: boolean; created_at: Date;
};

const ENDPOINT = ['id', 'url', 'events', 'description', 'secret_enc', 'previous_secret_enc', 'previous_secret_expires_at',
  'active', 'failing_since', 'disabled_at', 'disabled_reason', 'created_at'];

export const listEndpoints = (tdb: TenantDb): Promise<EndpointRow[]> => tdb.from('webhooks').orderBy('created_at').select(ENDPOINT);
export const findEndpoint = (tdb: TenantDb, id: string): Promise<EndpointRow | undefined> => tdb.from('webhooks').where({ id }).first(ENDPOINT);
/** The endpoint as it is before a change in this transaction, held until it commits (so the audit's "before" is true). */
export const lockEndpoint = (tdb: TenantDb, id: string): Promise<EndpointRow | undefined> => tdb.from('webhooks').where({ id }).forUpdate().first(ENDPOINT);

export async function insertEndpoint(tdb: TenantDb, row: { url: string; events: string[]; description: string | null; secret_enc: string }): Promise<EndpointRow> {
  const [created] = await tdb.insert('webhooks', row).returning(ENDPOINT);
  return created;
}

export async function updateEndpoint(tdb: TenantDb, id: string, values: Partial<Omit<EndpointRow, 'id' | 'created_at'>>): Promise<EndpointRow | undefined> {
  const [row] = await tdb.from('webhooks').where({ id }).update({ ...values, updated_at: new Date() }).returning(ENDPOINT);
  return row;
}

/** The deleted endpoint's id and URL, or undefined when there was none. */
export const deleteEndpoint = async (tdb: TenantDb, id: string): Promise<Pick<EndpointRow, 'id' | 'url'> | undefined> =>
  (await tdb.from('webhooks').where({ id }).delete().returning(['id', 'url']))[0];

/** Every active endpoint with its events, and the database's clock when they were read. */
export async function activeEndpoints(tdb: TenantDb): Promise<{ readAt: number; endpoints: Array<{ id: string; events: string[] }> }> {
  const res = await tdb.raw(
    `SELECT now() AS read_at, coalesce(json_agg(json_build_object('id', id, 'events', events)) FILTER (WHERE id IS NOT NULL), '[]') AS endpoints
     FROM (SELECT id, events FROM webhooks WHERE tenant_id = :tenant AND active) w`,
    { tenant: tdb.tenantId },
  );
  const row = res.rows[0] as { read_at: Date; endpoints: Array<{ id: string; events: string[] }> };
  return { readAt: new Date(row.read_at).getTime(), endpoints: row.endpoints };
}

/** Active endpoints subscribed to `type`. */
export const subscribedEndpoints = (tdb: TenantDb, type: string): Promise<Array<{ id: string }>> =>
  tdb.from('webhooks').where({ active: true }).whereRaw('? = ANY(events)', [type]).select('id');

/** An event's conversation as a fan-out needs it: whether it is a builder's test chat, its contact and channel. */
export type EventConversation = { id: string; contactId: string; channelId: string; testChat: boolean };

/** The conversation an event names, read once per event; undefined when it names none (or one gone). */
export async function eventConversation(tdb: TenantDb, conversationId: unknown): Promise<EventConversation | undefined> {
  if (typeof conversationId !== 'string' || !isUuid(conversationId)) return undefined;
  const row = await tdb.from('conversations').where({ id: conversationId }).first('id', 'contact_id', 'channel_id', 'test_flow_version_id');
  return row && { id: row.id, contactId: row.contact_id, channelId: row.channel_id, testChat: row.test_flow_version_id !== null };
}

export async function insertMessages(tdb: TenantDb, rows: Array<Pick<MessageRow, 'id' | 'webhook_id' | 'domain_event_id' | 'event_type' | 'body'>>): Promise<void> {
  if (rows.length) await tdb.insert('webhook_messages', rows).onConflict(['webhook_id', 'domain_event_id', 'event_type']).ignore();
}

/**
 * Messages of one domain event for these endpoints still waiting for their first attempt (re-enqueued
 * safely: job ids dedupe). Looked up by endpoint and event, the unique key: without the endpoints the
 * read walked every waiting delivery (of every workspace, or all of this one's) on each event.
 */
export const unsentMessagesOf = (tdb: TenantDb, eventId: number, webhookIds: string[]): Promise<Array<{ id: string }>> =>
  tdb.from('webhook_messages').whereIn('webhook_id', webhookIds).where({ domain_event_id: eventId, status: 'pending', attempts: 0 }).select('id');

export const findMessage = (tdb: TenantDb, id: string): Promise<MessageRow | undefined> => tdb.from('webhook_messages').where({ id }).first();

export const updateMessage = (tdb: TenantDb, id: string, values: Partial<Pick<MessageRow, 'status' | 'attempts' | 'next_attempt_at'>>) =>
  tdb.from('webhook_messages').where({ id }).update(values);

export const insertAttempt = (tdb: TenantDb, row: Omit<AttemptRow, 'id' | 'created_at'> & { webhook_id: string; created_at: Date }) =>
  tdb.insert('webhook_deliveries', { ...row, event_id: row.message_id });

export const listAttempts = (tdb: TenantDb, webhookId: string, limit: number): Promise<AttemptRow[]> =>
  tdb.from('webhook_deliveries').where({ webhook_id: webhookId }).orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }]).limit(limit)
    .select('id', 'message_id', 'event_type', 'attempt', 'status', 'response_code', 'duration_ms', 'error', 'manual', 'created_at');

export const findAttempt = (tdb: TenantDb, webhookId: string, id: string): Promise<Pick<AttemptRow, 'id' | 'message_id'> | undefined> =>
  tdb.from('webhook_deliveries').where({ webhook_id: webhookId, id }).first('id', 'message_id');

export const insertNotice = (tdb: TenantDb, kind: string, data: Record<string, unknown>) => tdb.insert('notices', { kind, data: JSON.stringify(data) });

export const listNotices = (tdb: TenantDb): Promise<Array<{ id: number; kind: string; data: Record<string, unknown>; created_at: Date }>> =>
  tdb.from('notices').whereNull('dismissed_at').orderBy('id', 'desc').limit(50).select('id', 'kind', 'data', 'created_at');

export const dismissNotice = async (tdb: TenantDb, id: number) => (await tdb.from('notices').where({ id }).whereNull('dismissed_at').update({ dismissed_at: new Date() })) > 0;
