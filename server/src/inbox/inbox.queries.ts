// Every knex call of the inbox's actions on conversations, tenant first.
import type { TenantDb } from '../db/tenant-db';
import { ACCESS_LEVELS } from '../http/access';
import type { QuotedRow } from './quote-context';

export type ConversationState = {
  id: string; status: 'bot' | 'waiting' | 'human' | 'closed'; assignee_id: string | null; team_id: string | null; channel_id: string;
  contact_id: string; channel_type: string; last_inbound_at: Date | null; created_at: Date;
};

/** `lock`: the conversation's row stays locked until the transaction ends (not the channel's). */
export const findConversationState = (tdb: TenantDb, id: string, lock = false): Promise<ConversationState | undefined> =>
  tdb
    .from('conversations')
    .join('channels', 'channels.id', 'conversations.channel_id')
    .where('conversations.id', id)
    .modify((qb) => (lock ? qb.forUpdate('conversations') : qb))
    .first(
      'conversations.id', 'conversations.status', 'conversations.assignee_id', 'conversations.team_id', 'conversations.channel_id',
      'conversations.contact_id', 'channels.type as channel_type', 'conversations.last_inbound_at', 'conversations.created_at',
    );

/** The member's role, or undefined when the user is not a member of this workspace. */
export const memberRole = async (tdb: TenantDb, userId: string): Promise<string | undefined> =>
  (await tdb.from('memberships').where({ user_id: userId }).first('role'))?.role;

/** Which of these users are members of this workspace whose role uses the inbox (a note can reach them). */
export const inboxMembersAmong = async (tdb: TenantDb, userIds: string[]): Promise<string[]> =>
  userIds.length
    ? (await tdb.from('memberships').whereIn('user_id', userIds).whereIn('role', ACCESS_LEVELS.inbox).select('user_id')).map((r: { user_id: string }) => r.user_id)
    : [];

export const teamExists = async (tdb: TenantDb, teamId: string) => Boolean(await tdb.from('teams').where({ id: teamId }).first('id'));

/** The member's name, for "Bruno took it first". */
export async function memberName(tdb: TenantDb, userId: string): Promise<string | null> {
  const row = await tdb.from('memberships').join('users', 'users.id', 'memberships.user_id').where('memberships.user_id', userId).first('users.name');
  return row?.name ?? null;
}

/**
 * Takes the conversation for `assigneeId` unless someone else holds it: the race between two agents
 * is decided by this one UPDATE. The current owner (the caller) may hand it to a teammate; with
 * `takeOver` (a supervisor's), whoever holds it.
 */
export async function takeConversation(tdb: TenantDb, id: string, assigneeId: string, callerId: string, takeOver = false): Promise<boolean> {
  const n = await tdb
    .from('conversations')
    .where({ id })
    .whereNot('status', 'closed')
    .where((w) => (takeOver ? w : w.whereNull('assignee_id').orWhere('assignee_id', assigneeId).orWhere('assignee_id', callerId)))
    .update({ assignee_id: assigneeId, status: 'human', updated_at: new Date() });
  return n === 1;
}

/**
 * Into the team's queue: nobody owns it, and the clock of "nobody picked it up" starts again. Only a
 * chat nobody holds, or the caller's own, unless `takeOver` (a supervisor's): else an agent could
 * empty a colleague's chat through a team and take it.
 */
export async function moveToTeam(tdb: TenantDb, id: string, teamId: string, callerId: string, takeOver = false): Promise<boolean> {
  const now = new Date();
  const n = await tdb.from('conversations').where({ id }).whereNot('status', 'closed')
    .where((w) => (takeOver ? w : w.whereNull('assignee_id').orWhere('assignee_id', callerId)))
    .update({ team_id: teamId, assignee_id: null, status: 'waiting', transferred_at: now, updated_at: now });
  return n === 1;
}

export async function setConversation(tdb: TenantDb, id: string, values: Record<string, unknown>): Promise<void> {
  await tdb.from('conversations').where({ id }).update({ ...values, updated_at: new Date() });
}

/** Changes a conversation that is not closed; false when it is (closed meanwhile included). */
export async function updateOpenConversation(tdb: TenantDb, id: string, values: Record<string, unknown>): Promise<boolean> {
  const n = await tdb.from('conversations').where({ id }).whereNot('status', 'closed').update({ ...values, updated_at: new Date() });
  return n === 1;
}

/** Ends a snooze still running; false when there was none (or its time had passed). */
export async function endSnooze(tdb: TenantDb, id: string): Promise<boolean> {
  const n = await tdb.from('conversations').where({ id }).where('snoozed_until', '>', tdb.raw('now()')).update({ snoozed_until: null, updated_at: new Date() });
  return n === 1;
}

/** A closed conversation back in the caller's hands; false when it was not closed. */
export async function reopenConversation(tdb: TenantDb, id: string, assigneeId: string): Promise<boolean> {
  const now = new Date();
  const n = await tdb.from('conversations').where({ id, status: 'closed' })
    .update({ status: 'human', assignee_id: assigneeId, transferred_at: now, updated_at: now });
  return n === 1;
}

/** The conversation of the same contact and channel that is open now, if any. */
export async function openSibling(tdb: TenantDb, conv: { channel_id: string; contact_id: string }): Promise<string | null> {
  const row = await tdb.from('conversations').where({ channel_id: conv.channel_id, contact_id: conv.contact_id }).whereNot('status', 'closed').first('id');
  return row?.id ?? null;
}

/** Unread back to zero; false when it already was. */
export async function markRead(tdb: TenantDb, id: string): Promise<boolean> {
  const n = await tdb.from('conversations').where({ id }).where('unread_count', '>', 0).update({ unread_count: 0 });
  return n === 1;
}

/** A human (or closing) takes over: whatever flow was running stops. */
export async function endActiveSessions(tdb: TenantDb, conversationId: string): Promise<void> {
  await tdb.from('flow_sessions').where({ conversation_id: conversationId, status: 'active' }).update({ status: 'ended', wake_at: null, updated_at: new Date() });
}

export async function insertAgentMessage(
  tdb: TenantDb,
  row: {
    conversation_id: string; channel_id: string; type: string; text: string | null; payload: Record<string, unknown>; status: string; author_user_id: string;
    idempotency_key?: string | null;
    /** Sent through this API key: the business's own system wrote it. */
    api_key_id?: string | null;
  },
): Promise<{ id: string; created_at: Date }> {
  const [created] = await tdb
    .insert('messages', { ...row, direction: 'out', author: 'agent', payload: JSON.stringify(row.payload) })
    .returning(['id', 'created_at']);
  return created;
}

/** A message of this conversation an agent's reply quotes; undefined when it is not one of its messages. */
export const quotedMessage = (tdb: TenantDb, conversationId: string, id: string): Promise<QuotedRow | undefined> =>
  tdb.from('messages').where({ conversation_id: conversationId, id }).first('channel_id', 'direction', 'status', 'text', 'provider_message_id');

export const findByIdempotencyKey = (tdb: TenantDb, key: string): Promise<{ id: string; conversation_id: string } | undefined> =>
  tdb.from('messages').where({ idempotency_key: key }).first('id', 'conversation_id');

/** The flows a conversation can be handed back to: published and not deleted, by name. */
export const publishedFlowNames = (tdb: TenantDb): Promise<Array<{ id: string; name: string }>> =>
  tdb.from('flows').whereNotNull('published_version_id').whereNull('deleted_at').orderBy([{ column: 'name' }, { column: 'id' }]).select('id', 'name');
