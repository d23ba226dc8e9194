// Message rows written and updated by the runner and the send drain, tenant first.
import type { TenantDb } from '../db/tenant-db';
import { STATUS_RANK } from '../channels/channel-adapter';

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
};

export async function insertMessages(tx: TenantDb, rows: NewMessage[]): Promise<Array<{ id: string }>> {
  if (rows.length === 0) return [];
  return tx
    .insert('messages', rows.map((r) => ({ ...r, payload: JSON.stringify(r.payload) })))
    .onConflict(['channel_id', 'provider_message_id'])
    .ignore()
    .returning('id');
}

/** True when the conversation already has outbound messages waiting: new ones must queue behind them. */
export async function hasUnsent(tx: TenantDb, conversationId: string): Promise<boolean> {
  const row = await tx
    .from('messages')
    .where({ conversation_id: conversationId, direction: 'out' })
    .whereIn('status', ['pending', 'sending'])
    .first('id');
  return Boolean(row);
}

const ranked = (status: string) => STATUS_RANK[status] ?? 0;

/** Moves a sent message forward (never backwards: a late "delivered" after "read" is ignored). */
export async function applyDeliveryStatus(
  tx: TenantDb,
  s: { channelId: string; providerMessageId: string; callbackData: string | null; status: string; error: string | null },
): Promise<{ found: boolean; updated: { id: string; conversation_id: string } | null }> {
  const lower = Object.entries(STATUS_RANK).filter(([, r]) => r < ranked(s.status)).map(([name]) => name);
  const [updated] = await tx
    .from('messages')
    .where({ channel_id: s.channelId, provider_message_id: s.providerMessageId })
    .whereIn('status', lower)
    .update({ status: s.status, error: s.error, updated_at: new Date() })
    .returning(['id', 'conversation_id']);
  if (updated) return { found: true, updated };
  const exists = await tx.from('messages').where({ channel_id: s.channelId, provider_message_id: s.providerMessageId }).first('id');
  if (exists || !s.callbackData || !UUID.test(s.callbackData)) return { found: Boolean(exists), updated: null };
  // The provider accepted a send whose answer we never recorded (the sender died mid-call): the
  // status names our message, so settle it here instead of sending it a second time.
  const [settled] = await tx
    .from('messages')
    .where({ id: s.callbackData, channel_id: s.channelId, direction: 'out' })
    .whereIn('status', lower)
    .update({ status: s.status, error: s.error, provider_message_id: s.providerMessageId, next_attempt_at: null, updated_at: new Date() })
    .returning(['id', 'conversation_id']);
  return { found: Boolean(settled), updated: settled ?? null };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
