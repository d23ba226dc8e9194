// Message rows written and updated by the runner, the send drain and ingest, tenant first.
import type { TenantDb } from '../db/tenant-db';
import { isUuid } from '../db/uuid';
import { STATUS_RANK } from './message-status';

export type NewMessage = {
  conversation_id: string;
  channel_id: string;
  direction: 'in' | 'out';
  author: 'contact' | 'bot' | 'agent' | 'system';
  type: string;
  text: string | null;
  payload: Record<string, unknown>;
  provider_message_id?: string | null;
  status: string;
  flow_session_id?: string | null;
  node_id?: string | null;
  author_user_id?: string | null;
  error?: string | null;
};

export async function insertMessages(tx: TenantDb, rows: NewMessage[]): Promise<Array<{ id: string }>> {
  if (rows.length === 0) return [];
  return tx
    .insert('messages', rows.map((r) => ({ ...r, payload: JSON.stringify(r.payload) })))
    .onConflict(['channel_id', 'provider_message_id'])
    .ignore()
    .returning('id');
}

const ranked = (status: string) => STATUS_RANK[status] ?? 0;

/**
 * Moves an outbound message forward on a delivery status, in ONE statement (statuses are three
 * times as many as messages, so this path must stay as cheap as the message path): never
 * backwards (a late "delivered" after "read" is ignored), matched on the provider's id or, when
 * the send's own answer was never recorded (the sender died mid-call), on our id echoed back as
 * callback data; the domain event is written by the same statement.
 */
export async function applyDeliveryStatus(
  tx: TenantDb,
  s: { channelId: string; providerMessageId: string; callbackData: string | null; status: string; error: { code: string; reason: string } | null },
): Promise<{ found: boolean; updated: { id: string; conversation_id: string } | null }> {
  const lower = Object.entries(STATUS_RANK).filter(([, r]) => r < ranked(s.status)).map(([name]) => name);
  const ourId = s.callbackData && isUuid(s.callbackData) ? s.callbackData : null;
  const error = s.error ? `${s.error.code}: ${s.error.reason}` : null;
  const res = await tx.raw(
    `WITH target AS (
       SELECT id FROM messages
       WHERE tenant_id = :tenant AND channel_id = :channel
         AND (provider_message_id = :pid OR (:ourId::uuid IS NOT NULL AND id = :ourId::uuid AND direction = 'out'))
       LIMIT 1),
     upd AS (
       UPDATE messages m SET status = :status, error = :error, updated_at = now(),
         provider_message_id = COALESCE(m.provider_message_id, :pid),
         next_attempt_at = CASE WHEN m.status IN ('pending', 'sending') THEN NULL ELSE m.next_attempt_at END
       FROM target WHERE m.id = target.id AND m.status = ANY(:lower)
       RETURNING m.id, m.conversation_id),
     ev AS (
       INSERT INTO domain_events (tenant_id, type, payload)
       SELECT :tenant, :eventType, json_build_object('messageId', id, 'conversationId', conversation_id, 'code', :code::text, 'reason', :reason::text)
       FROM upd RETURNING 1)
     SELECT (SELECT count(*) FROM target)::int AS found, upd.id, upd.conversation_id FROM (SELECT 1) one LEFT JOIN upd ON true`,
    {
      tenant: tx.tenantId, channel: s.channelId, pid: s.providerMessageId, ourId, status: s.status, error, lower,
      eventType: `message.${s.status}`, code: s.error?.code ?? null, reason: s.error?.reason ?? null,
    },
  );
  const row = res.rows[0] as { found: number; id: string | null; conversation_id: string | null };
  return { found: row.found > 0, updated: row.id ? { id: row.id, conversation_id: row.conversation_id! } : null };
}

