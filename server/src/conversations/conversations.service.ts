// Reading conversations for the inbox and the run log for the simulator. Cursors are opaque to
// clients and checked on the way back in (http/cursor.ts).
import type { Knex } from 'knex';
import { forTenant } from '../db/tenant-db';
import { notFound } from '../http/app-error';
import { countConversations, listConversations as listRows } from './conversation-list.queries';
import { searchScope } from './search.queries';
import { toDetail, toListItem, iso } from './conversation-view';
import { decodeCursor, idCursor, page, timeCursor } from '../http/cursor';
import * as q from './conversations.queries';
import type { ListConversationsQuery } from './conversations.schemas';
import { toMessageItem } from './message-view';
import { runLogNamer } from './run-log-view';
import { listActivity } from './activity.queries';
import { toActivityItem } from './activity-view';
import type { Role } from '../http/access';
import { SUPERVISORS } from '../inbox/conversation-guard';

type Caller = { tenantId: string; userId: string };

export async function listConversations(db: Knex, caller: Caller, query: ListConversationsQuery) {
  const { cursor, assigneeId, ...filters } = query;
  const position = decodeCursor(timeCursor, cursor);
  const resolved = { ...filters, assigneeId: assigneeId === 'me' ? caller.userId : assigneeId };
  const tdb = forTenant(db, caller.tenantId);
  const rows = await listRows(tdb, resolved, position, filters.q ? await searchScope(tdb, filters.q) : null);
  const { items, nextCursor } = page(rows, query.limit, (r) => ({ at: r.cursor_at, id: r.id }));
  return { items: items.map(toListItem), nextCursor };
}

/** A supervisor (whoever may snooze a colleague's chat) also gets the workspace's snoozed chats counted. */
export const conversationCounts = (db: Knex, caller: Caller & { role: Role }) =>
  countConversations(forTenant(db, caller.tenantId), caller.userId, SUPERVISORS.includes(caller.role));

export async function getConversation(db: Knex, tenantId: string, id: string) {
  const r = await q.findConversation(forTenant(db, tenantId), id);
  if (!r) throw notFound('Conversation');
  return toDetail(r);
}

async function assertConversation(db: Knex, tenantId: string, id: string) {
  if (!(await forTenant(db, tenantId).from('conversations').where({ id }).first('id'))) throw notFound('Conversation');
}

/**
 * A test chat of this flow (started from its builder), which the people who draw flows may watch;
 * any other conversation, a customer's included, is not found here.
 */
export async function assertTestChat(db: Knex, tenantId: string, flowId: string, id: string): Promise<void> {
  const tdb = forTenant(db, tenantId);
  const chat = await tdb.from('conversations').where({ id }).whereNotNull('test_flow_version_id').first('test_flow_version_id');
  const version = chat && (await tdb.from('flow_versions').where({ id: chat.test_flow_version_id, flow_id: flowId }).first('id'));
  if (!version) throw notFound('Test chat');
}

export async function listMessages(db: Knex, tenantId: string, id: string, cursor: string | undefined, limit: number) {
  const before = decodeCursor(timeCursor, cursor);
  await assertConversation(db, tenantId, id);
  const rows = await q.listMessages(forTenant(db, tenantId), id, limit, before);
  const { items, nextCursor } = page(rows, limit, (r) => ({ at: r.cursor_at, id: r.id }));
  return { items: items.map(toMessageItem), nextCursor };
}

export async function getMessage(db: Knex, tenantId: string, id: string, messageId: string) {
  const row = await q.findMessage(forTenant(db, tenantId), id, messageId);
  if (!row) throw notFound('Message');
  return toMessageItem(row);
}

/** What happened to the conversation besides its messages, oldest first: its newest 200 lines. */
export async function activity(db: Knex, tenantId: string, id: string) {
  await assertConversation(db, tenantId, id);
  return { items: (await listActivity(forTenant(db, tenantId), id, 200)).map(toActivityItem) };
}

export async function runLog(db: Knex, tenantId: string, id: string, cursor: string | undefined, limit: number) {
  const after = decodeCursor(idCursor, cursor);
  await assertConversation(db, tenantId, id);
  const tdb = forTenant(db, tenantId);
  const rows = await q.listRunLog(tdb, id, limit, after?.id ?? null);
  const { items, nextCursor } = page(rows, limit, (r) => ({ id: r.id }));
  const versionIds = [...new Set(items.flatMap((r) => (r.flow_version_id ? [r.flow_version_id] : [])))];
  const names = runLogNamer(await q.runLogSteps(tdb, versionIds, [...new Set(items.map((r) => r.node_id))]));
  return {
    items: items.map((r) => ({
      at: iso(r.at), nodeId: r.node_id, nodeType: r.node_type, outcome: r.outcome, ...(r.error ? { error: r.error } : {}), versionId: r.flow_version_id,
      ...names(r),
    })),
    nextCursor,
  };
}

/** Where the bot is in this conversation: the simulator highlights the node and shows the variables. */
export async function currentSession(db: Knex, tenantId: string, id: string) {
  await assertConversation(db, tenantId, id);
  const row = await q.latestSession(forTenant(db, tenantId), id);
  if (!row) return { status: 'none', currentNodeId: null, waitingFor: null, vars: {}, lastReply: null, flowId: null, versionId: null, endedReason: null };
  const state = (row.state ?? {}) as { cursor?: { nodeId: string; waitingFor: string } | null; vars?: Record<string, string>; lastReply?: string | null; endedReason?: string | null };
  return {
    status: row.status,
    currentNodeId: state.cursor?.nodeId ?? null,
    waitingFor: row.status === 'active' ? (state.cursor?.waitingFor ?? null) : null,
    vars: state.vars ?? {},
    lastReply: state.lastReply ?? null,
    flowId: row.flow_id,
    versionId: row.flow_version_id,
    endedReason: state.endedReason ?? null,
  };
}
