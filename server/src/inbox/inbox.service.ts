// Human takeover: agents reply (sent by the queue), write notes the customer never sees, assign
// (one winner when two click at once), hand back to the bot, close. While a human owns a
// conversation the engine stays silent (the runner only runs flows on status 'bot').
import type { Knex } from 'knex';
import type { OutboundContent } from '../engine/actions';
import { forTenant, type TenantDb } from '../db/tenant-db';
import { publishEvents } from '../events/publish';
import { AppError, notFound } from '../http/app-error';
import type { Queues } from '../queues/queues';
import * as q from './inbox.queries';

export type InboxDeps = { db: Knex; queues: Queues };
type Actor = { tenantId: string; userId: string };

async function open(tx: TenantDb, id: string) {
  const conv = await q.findConversationState(tx, id);
  if (!conv) throw notFound('Conversation');
  return conv;
}

export async function reply(deps: InboxDeps, actor: Actor, id: string, input: { text: string } | { mediaId: string }) {
  const content: OutboundContent = 'text' in input
    ? { text: input.text, buttons: [], list: null, media: null, typingDelayMs: 0 }
    : { text: '', buttons: [], list: null, media: { kind: 'document', storageKey: input.mediaId }, typingDelayMs: 0 };
  const message = await forTenant(deps.db, actor.tenantId).transaction(async (tx) => {
    const conv = await open(tx, id);
    if (conv.status === 'closed') throw new AppError('conflict', 'This conversation is closed');
    if (conv.assignee_id && conv.assignee_id !== actor.userId) throw new AppError('conflict', 'Another agent owns this conversation', { assigneeId: conv.assignee_id });
    // Replying is taking over: the bot stops for this conversation.
    await q.setConversation(tx, id, { status: 'human', assignee_id: actor.userId, last_message_at: new Date() });
    await q.endActiveSessions(tx, id);
    const created = await q.insertAgentMessage(tx, {
      conversation_id: id, channel_id: conv.channel_id, type: 'text' in input ? 'text' : 'document', text: content.text, payload: content,
      status: 'pending', author_user_id: actor.userId,
    });
    await publishEvents(tx, [{ type: 'message.created', payload: { conversationId: id, messageId: created.id, author: 'agent' } }]);
    return created;
  });
  await deps.queues.send.add('drain', { tenantId: actor.tenantId, conversationId: id });
  return { id: message.id, direction: 'out', author: 'agent', type: 'text' in input ? 'text' : 'document', text: content.text, status: 'pending', createdAt: message.created_at };
}

export async function addNote(deps: InboxDeps, actor: Actor, id: string, text: string) {
  return forTenant(deps.db, actor.tenantId).transaction(async (tx) => {
    const conv = await open(tx, id);
    // status 'note': the outbox only sends 'pending' messages, so a note can never reach the customer.
    const created = await q.insertAgentMessage(tx, {
      conversation_id: id, channel_id: conv.channel_id, type: 'note', text, payload: {}, status: 'note', author_user_id: actor.userId,
    });
    await publishEvents(tx, [{ type: 'message.created', payload: { conversationId: id, messageId: created.id, author: 'agent', note: true } }]);
    return { id: created.id, direction: 'out', author: 'agent', type: 'note', text, status: 'note', createdAt: created.created_at };
  });
}

export async function assign(deps: InboxDeps, actor: Actor, id: string, assigneeId: string) {
  return forTenant(deps.db, actor.tenantId).transaction(async (tx) => {
    const conv = await open(tx, id);
    if (!(await q.isMember(tx, assigneeId))) throw new AppError('validation_failed', 'The assignee is not a member of this workspace');
    if (!(await q.takeConversation(tx, id, assigneeId))) {
      const now = await open(tx, id);
      throw new AppError('conflict', now.status === 'closed' ? 'This conversation is closed' : 'Someone else took this conversation first', { assigneeId: now.assignee_id });
    }
    await q.endActiveSessions(tx, id);
    await publishEvents(tx, [{ type: 'conversation.assigned', payload: { conversationId: id, assigneeId, by: actor.userId, previousStatus: conv.status } }]);
    return { id, status: 'human', assigneeId };
  });
}

export async function handback(deps: InboxDeps, actor: Actor, id: string, flowId?: string) {
  return forTenant(deps.db, actor.tenantId).transaction(async (tx) => {
    await open(tx, id);
    if (flowId && !(await tx.from('flows').where({ id: flowId }).whereNotNull('published_version_id').whereNull('deleted_at').first('id'))) {
      throw new AppError('validation_failed', 'The flow does not exist or is not published');
    }
    // flow_id pins the next customer message to that flow; without it the triggers decide.
    await q.setConversation(tx, id, { status: 'bot', assignee_id: null, flow_id: flowId ?? null });
    await q.endActiveSessions(tx, id);
    await publishEvents(tx, [{ type: 'conversation.handed_back', payload: { conversationId: id, flowId: flowId ?? null, by: actor.userId } }]);
    return { id, status: 'bot', assigneeId: null, flowId: flowId ?? null };
  });
}

export async function close(deps: InboxDeps, actor: Actor, id: string) {
  return forTenant(deps.db, actor.tenantId).transaction(async (tx) => {
    await open(tx, id);
    await q.setConversation(tx, id, { status: 'closed' });
    await q.endActiveSessions(tx, id);
    await publishEvents(tx, [{ type: 'conversation.closed', payload: { conversationId: id, by: actor.userId } }]);
    return { id, status: 'closed' };
  });
}
