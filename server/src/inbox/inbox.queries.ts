// Every knex call of the inbox's takeover actions, tenant first.
import type { TenantDb } from '../db/tenant-db';

export type ConversationState = { id: string; status: string; assignee_id: string | null; channel_id: string };

export const findConversationState = (tdb: TenantDb, id: string): Promise<ConversationState | undefined> =>
  tdb.from('conversations').where({ id }).first('id', 'status', 'assignee_id', 'channel_id');

export const isMember = async (tdb: TenantDb, userId: string) => Boolean(await tdb.from('memberships').where({ user_id: userId }).first('user_id'));

/** Takes the conversation for `assigneeId` unless someone else holds it: the race is decided by this one UPDATE. */
export async function takeConversation(tdb: TenantDb, id: string, assigneeId: string): Promise<boolean> {
  const n = await tdb
    .from('conversations')
    .where({ id })
    .whereNot('status', 'closed')
    .where((w) => w.whereNull('assignee_id').orWhere('assignee_id', assigneeId))
    .update({ assignee_id: assigneeId, status: 'human', updated_at: new Date() });
  return n === 1;
}

export async function setConversation(tdb: TenantDb, id: string, values: Record<string, unknown>): Promise<void> {
  await tdb.from('conversations').where({ id }).update({ ...values, updated_at: new Date() });
}

/** A human (or closing) takes over: whatever flow was running stops. */
export async function endActiveSessions(tdb: TenantDb, conversationId: string): Promise<void> {
  await tdb.from('flow_sessions').where({ conversation_id: conversationId, status: 'active' }).update({ status: 'ended', wake_at: null, updated_at: new Date() });
}

export async function insertAgentMessage(
  tdb: TenantDb,
  row: { conversation_id: string; channel_id: string; type: string; text: string | null; payload: Record<string, unknown>; status: string; author_user_id: string },
): Promise<{ id: string; created_at: Date }> {
  const [created] = await tdb
    .insert('messages', { ...row, direction: 'out', author: 'agent', payload: JSON.stringify(row.payload) })
    .returning(['id', 'created_at']);
  return created;
}
