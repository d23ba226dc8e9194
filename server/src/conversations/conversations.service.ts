// Reading conversations for the inbox and the run log for the simulator. Cursors are opaque to
// clients (base64url JSON).
import type { Knex } from 'knex';
import { forTenant } from '../db/tenant-db';
import { AppError, notFound } from '../http/app-error';
import * as q from './conversations.queries';
import type { ListConversationsQuery } from './conversations.schemas';

const encode = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
function decode<T>(cursor: string | undefined): T | null {
  if (!cursor) return null;
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as T;
  } catch {
    throw new AppError('validation_failed', 'cursor is not valid');
  }
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

function page<T>(rows: T[], limit: number, cursorOf: (last: T) => unknown) {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  return { items, nextCursor: more ? encode(cursorOf(items[items.length - 1]!)) : null };
}

export async function listConversations(db: Knex, tenantId: string, f: ListConversationsQuery) {
  const rows = await q.listConversations(forTenant(db, tenantId), f, decode<q.Cursor>(f.cursor));
  const { items, nextCursor } = page(rows, f.limit, (r) => ({ at: iso(r.last_message_at), id: r.id }));
  return {
    items: items.map((r) => ({
      id: r.id, status: r.status, channelId: r.channel_id, assigneeId: r.assignee_id, team: r.team,
      lastMessageAt: iso(r.last_message_at), unreadCount: r.unread_count, createdAt: iso(r.created_at),
      contact: { id: r.contact_id, name: r.contact_name, phone: r.contact_phone, tags: r.contact_tags },
    })),
    nextCursor,
  };
}

export async function getConversation(db: Knex, tenantId: string, id: string) {
  const r = await q.findConversation(forTenant(db, tenantId), id);
  if (!r) throw notFound('Conversation');
  return {
    id: r.id, status: r.status, channelId: r.channel_id, assigneeId: r.assignee_id, team: r.team,
    lastMessageAt: iso(r.last_message_at), unreadCount: r.unread_count, createdAt: iso(r.created_at),
    contact: { id: r.contact_id, name: r.contact_name, phone: r.contact_phone, tags: r.contact_tags, externalId: r.contact_external_id },
  };
}

export async function listMessages(db: Knex, tenantId: string, id: string, cursor: string | undefined, limit: number) {
  await getConversation(db, tenantId, id);
  const rows = await q.listMessages(forTenant(db, tenantId), id, limit, decode<q.Cursor>(cursor));
  const { items, nextCursor } = page(rows, limit, (r) => ({ at: iso(r.created_at), id: r.id }));
  return {
    items: items.map((m) => ({
      id: m.id, direction: m.direction, author: m.author, type: m.type, text: m.text, status: m.status, error: m.error,
      payload: m.payload, authorUserId: m.author_user_id, createdAt: iso(m.created_at),
    })),
    nextCursor,
  };
}

export async function runLog(db: Knex, tenantId: string, id: string, cursor: string | undefined, limit: number) {
  await getConversation(db, tenantId, id);
  const rows = await q.listRunLog(forTenant(db, tenantId), id, limit, decode<{ id: number }>(cursor)?.id ?? null);
  const { items, nextCursor } = page(rows, limit, (r) => ({ id: r.id }));
  return {
    items: items.map((r) => ({ at: iso(r.at), nodeId: r.node_id, nodeType: r.node_type, outcome: r.outcome, ...(r.error ? { error: r.error } : {}), versionId: r.flow_version_id })),
    nextCursor,
  };
}

/** Where the bot is in this conversation: the simulator highlights the node and shows the variables. */
export async function currentSession(db: Knex, tenantId: string, id: string) {
  await getConversation(db, tenantId, id);
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
