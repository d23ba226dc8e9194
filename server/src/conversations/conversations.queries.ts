// Every knex call of the conversations module, tenant first. Lists page by keyset cursors so a
// tenant with 100k conversations pages as fast as one with ten.
import type { TenantDb } from '../db/tenant-db';
import type { ListConversationsQuery } from './conversations.schemas';

export type Cursor = { at: string; id: string };

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- plain rows, shaped by the service

export async function listConversations(tdb: TenantDb, f: ListConversationsQuery, cursor: Cursor | null): Promise<Row[]> {
  const q = tdb
    .from('conversations')
    .join('contacts', 'contacts.id', 'conversations.contact_id')
    .select(
      'conversations.id', 'conversations.status', 'conversations.channel_id', 'conversations.assignee_id', 'conversations.team',
      'conversations.last_message_at', 'conversations.unread_count', 'conversations.created_at',
      'contacts.id as contact_id', 'contacts.name as contact_name', 'contacts.phone as contact_phone', 'contacts.tags as contact_tags',
    )
    .whereNull('conversations.test_flow_version_id') // simulator runs are not customer conversations
    .orderBy([{ column: 'conversations.last_message_at', order: 'desc' }, { column: 'conversations.id', order: 'desc' }])
    .limit(f.limit + 1);
  if (f.status) q.where('conversations.status', f.status);
  if (f.assigneeId) q.where('conversations.assignee_id', f.assigneeId);
  if (f.channelId) q.where('conversations.channel_id', f.channelId);
  if (f.tag) q.whereRaw('? = ANY(contacts.tags)', [f.tag]);
  if (f.q) q.where((w) => w.whereILike('contacts.name', `%${f.q}%`).orWhereILike('contacts.phone', `%${f.q}%`));
  if (cursor) q.whereRaw('(conversations.last_message_at, conversations.id) < (?, ?)', [cursor.at, cursor.id]);
  return await q;
}

export const findConversation = (tdb: TenantDb, id: string): Promise<Row | undefined> =>
  tdb
    .from('conversations')
    .join('contacts', 'contacts.id', 'conversations.contact_id')
    .where('conversations.id', id)
    .first(
      'conversations.*', 'contacts.name as contact_name', 'contacts.phone as contact_phone', 'contacts.tags as contact_tags',
      'contacts.external_id as contact_external_id',
    );

export async function listMessages(tdb: TenantDb, conversationId: string, limit: number, before: Cursor | null): Promise<Row[]> {
  const q = tdb
    .from('messages')
    .where({ conversation_id: conversationId })
    .orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }])
    .limit(limit + 1)
    .select('id', 'direction', 'author', 'type', 'text', 'payload', 'status', 'error', 'created_at', 'author_user_id');
  if (before) q.whereRaw('(created_at, id) < (?, ?)', [before.at, before.id]);
  return await q;
}

export async function listRunLog(tdb: TenantDb, conversationId: string, limit: number, afterId: number | null): Promise<Row[]> {
  const q = tdb.from('run_logs').where({ conversation_id: conversationId }).orderBy('id').limit(limit + 1).select('id', 'at', 'node_id', 'node_type', 'outcome', 'error', 'flow_version_id');
  if (afterId) q.where('id', '>', afterId);
  return await q;
}

export const latestSession = (tdb: TenantDb, conversationId: string): Promise<Row | undefined> =>
  tdb
    .from('flow_sessions')
    .where({ conversation_id: conversationId })
    .orderBy([{ column: 'updated_at', order: 'desc' }, { column: 'created_at', order: 'desc' }])
    .first('id', 'status', 'state', 'flow_id', 'flow_version_id', 'updated_at');
