// Maintenance reads across all tenants: the sweeper exists to find work nobody holds a job for
// (Redis was down, a worker died between commit and enqueue), so it cannot start from one tenant.
// Every row it returns names its tenant, and all follow-up work is tenant-scoped again.
import type { Knex } from 'knex';

const LIMIT = 500;

export const strandedInbound = (db: Knex): Promise<Array<{ tenant_id: string; channel_id: string; conversation_key: string }>> =>
  db('inbound_events')
    .distinct('tenant_id', 'channel_id', 'conversation_key')
    .where('status', 'received')
    .where('received_at', '<', db.raw("now() - interval '5 seconds'"))
    .limit(LIMIT);

export const strandedOutbox = (db: Knex): Promise<Array<{ tenant_id: string; conversation_id: string }>> =>
  db('messages')
    .distinct('tenant_id', 'conversation_id')
    .where('direction', 'out')
    .whereIn('status', ['pending', 'sending'])
    .where(db.raw("COALESCE(next_attempt_at, created_at + interval '10 seconds') < now() - interval '2 seconds'"))
    .limit(LIMIT);

/** Inbound media older than a minute that no download has settled (stored or failed). */
export const strandedMedia = (db: Knex): Promise<Array<{ tenant_id: string; id: string }>> =>
  db('messages')
    .where('direction', 'in')
    .whereRaw("jsonb_typeof(payload->'media') = 'object' AND (payload->'media'->>'status') IS NULL")
    .where('created_at', '<', db.raw("now() - interval '1 minute'"))
    .limit(LIMIT)
    .select('tenant_id', 'id');

export type OverdueWake = {
  id: string; tenant_id: string; conversation_id: string; channel_id: string; external_id: string; wake_token: string; wake_kind: string;
};

export const overdueWakes = (db: Knex): Promise<OverdueWake[]> =>
  db('flow_sessions as s')
    .join('conversations as c', 'c.id', 's.conversation_id')
    .join('contacts as ct', 'ct.id', 'c.contact_id')
    .where('s.status', 'active')
    .where('s.wake_at', '<', db.raw("now() - interval '5 seconds'"))
    .limit(LIMIT)
    .select('s.id', 's.tenant_id', 's.conversation_id', 'c.channel_id', db.raw('coalesce(ct.phone, ct.external_id) AS external_id'), 's.wake_token', 's.wake_kind');

export async function clearWake(db: Knex, tenantId: string, sessionId: string): Promise<void> {
  await db('flow_sessions').where({ tenant_id: tenantId, id: sessionId }).update({ wake_at: null });
}

export async function expireIdleSessions(db: Knex): Promise<number> {
  const res = await db.raw(
    `UPDATE flow_sessions SET status = 'ended', wake_at = NULL, updated_at = now()
     WHERE id IN (SELECT id FROM flow_sessions WHERE status = 'active' AND expires_at < now() LIMIT 1000)`,
  );
  return res.rowCount ?? 0;
}

/** Bot conversations idle for a day are closed (and the inbox told); the customer's next message reopens one. */
export async function closeStaleConversations(db: Knex, idleHours = 24): Promise<number> {
  const res = await db.raw(
    `WITH closed AS (
       UPDATE conversations SET status = 'closed', updated_at = now()
       WHERE id IN (SELECT id FROM conversations WHERE status = 'bot' AND last_message_at < now() - (? * interval '1 hour') LIMIT 1000)
       RETURNING id, tenant_id)
     INSERT INTO domain_events (tenant_id, type, payload)
     SELECT tenant_id, 'conversation.closed', json_build_object('conversationId', id, 'status', 'closed', 'by', NULL, 'reason', 'idle') FROM closed`,
    [idleHours],
  );
  return res.rowCount ?? 0;
}
