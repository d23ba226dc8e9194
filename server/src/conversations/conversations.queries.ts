// Every knex call of the conversations read side, tenant first. Lists page by keyset cursors so a
// tenant with 100k conversations pages as fast as one with ten.
import type { TenantDb } from '../db/tenant-db';
import { CONVERSATION_COLUMNS, conversationBase, isoMicros, withLastMessage } from './conversation-list.queries';
import type { TimeCursor } from '../http/cursor';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- plain rows, shaped by the views

/** One conversation with everything the single view shows: contact details, assignee and team names. */
export async function findConversation(tdb: TenantDb, id: string): Promise<Row | undefined> {
  const query = conversationBase(tdb)
    .leftJoin('users as assignee', 'assignee.id', 'conversations.assignee_id')
    .leftJoin('teams', 'teams.id', 'conversations.team_id')
    .where('conversations.id', id)
    .select(
      ...CONVERSATION_COLUMNS, 'contacts.external_id as contact_external_id', 'contacts.attributes as contact_attributes',
      'assignee.name as assignee_name', 'teams.name as team_name',
    )
    .limit(1);
  const res = await withLastMessage(tdb, query);
  return res.rows[0];
}

/** How much of a quoted message a reply carries: enough for the two lines the thread shows. */
const QUOTED_CHARS = 300;

const MESSAGE_COLUMNS = [
  'messages.id', 'messages.direction', 'messages.author', 'messages.type', 'messages.text', 'messages.payload', 'messages.status',
  'messages.error', 'messages.created_at', 'messages.author_user_id', 'users.name as author_user_name',
  'quoted.id as quoted_id', 'quoted.author as quoted_author', 'quoted.type as quoted_type',
  'messages.api_key_id', 'api_keys.name as api_key_name',
];

/**
 * A conversation's messages, each with the one it answers when the customer replied to a message
 * (WhatsApp's context: that message's provider id, unique per channel).
 */
const messages = (tdb: TenantDb, conversationId: string) =>
  tdb.from('messages').leftJoin('users', 'users.id', 'messages.author_user_id').leftJoin('api_keys', 'api_keys.id', 'messages.api_key_id')
    .leftJoin('messages as quoted', function joinQuoted() {
      this.on('quoted.tenant_id', '=', 'messages.tenant_id')
        .andOn('quoted.channel_id', '=', 'messages.channel_id')
        .andOn('quoted.provider_message_id', '=', tdb.raw("messages.payload->'context'->>'messageId'"));
    })
    .where('messages.conversation_id', conversationId)
    .select(tdb.raw('left(quoted.text, ?) AS quoted_text', [QUOTED_CHARS]));

export async function listMessages(tdb: TenantDb, conversationId: string, limit: number, before: TimeCursor | null): Promise<Row[]> {
  const q = messages(tdb, conversationId)
    .orderBy([{ column: 'messages.created_at', order: 'desc' }, { column: 'messages.id', order: 'desc' }])
    .limit(limit + 1)
    .select(...MESSAGE_COLUMNS, tdb.raw(`${isoMicros('messages.created_at')} AS cursor_at`));
  if (before) q.whereRaw('(messages.created_at, messages.id) < (?::timestamptz, ?::uuid)', [before.at, before.id]);
  return await q;
}

export const findMessage = (tdb: TenantDb, conversationId: string, messageId: string): Promise<Row | undefined> =>
  messages(tdb, conversationId).where('messages.id', messageId).first(...MESSAGE_COLUMNS);

export type RunLogRow = { id: number; at: Date; node_id: string; node_type: string; outcome: string; error: string | null; flow_version_id: string | null };
/** A step as a flow version stored it (shape unchecked: read with care). */
export type StoredStep = { version_id: string; node: unknown };

export async function listRunLog(tdb: TenantDb, conversationId: string, limit: number, afterId: number | null): Promise<RunLogRow[]> {
  const q = tdb.from('run_logs').where({ conversation_id: conversationId }).orderBy('id').limit(limit + 1).select('id', 'at', 'node_id', 'node_type', 'outcome', 'error', 'flow_version_id');
  if (afterId) q.where('id', '>', afterId);
  return await q;
}

/** The stored steps a run log page names, from the flow versions that ran them (a deleted test version gives none). */
export async function runLogSteps(tdb: TenantDb, versionIds: string[], nodeIds: string[]): Promise<StoredStep[]> {
  if (versionIds.length === 0) return [];
  return await tdb
    .from('flow_versions')
    .joinRaw("CROSS JOIN LATERAL jsonb_array_elements(flow_versions.document->'nodes') AS step(node)")
    .whereIn('flow_versions.id', versionIds)
    .whereRaw("step.node->>'id' = ANY(?)", [nodeIds])
    .select('flow_versions.id as version_id', 'step.node as node');
}

export const latestSession = (tdb: TenantDb, conversationId: string): Promise<Row | undefined> =>
  tdb
    .from('flow_sessions')
    .where({ conversation_id: conversationId })
    .orderBy([{ column: 'updated_at', order: 'desc' }, { column: 'created_at', order: 'desc' }])
    .first('id', 'status', 'state', 'flow_id', 'flow_version_id', 'updated_at');
