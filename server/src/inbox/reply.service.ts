// Agent replies (sent by the outbox) and internal notes (never sent). Replying is taking over: the
// conversation becomes the agent's and the bot stops for it.
import type { Knex } from 'knex';
import type { OutboundContent } from '../engine/actions';
import { forTenant } from '../db/tenant-db';
import { publishEvents } from '../events/publish';
import { AppError } from '../http/app-error';
import type { Queues } from '../queues/queues';
import { heldBy, loadConversation, type Actor } from './conversation-guard';
import * as q from './inbox.queries';

export type InboxDeps = { db: Knex; queues: Queues };

export async function reply(deps: InboxDeps, actor: Actor, id: string, input: { text: string } | { mediaId: string }) {
  const content: OutboundContent = 'text' in input
    ? { text: input.text, buttons: [], list: null, media: null, typingDelayMs: 0 }
    : { text: '', buttons: [], list: null, media: { kind: 'document', storageKey: input.mediaId }, typingDelayMs: 0 };
  const message = await forTenant(deps.db, actor.tenantId).transaction(async (tx) => {
    const conv = await loadConversation(tx, id);
    if (conv.status === 'closed') throw new AppError('conflict', 'This conversation is closed', { status: 'closed', assigneeId: conv.assignee_id, assigneeName: null });
    if (conv.assignee_id && conv.assignee_id !== actor.userId) throw await heldBy(tx, id);
    await q.setConversation(tx, id, { status: 'human', assignee_id: actor.userId, last_message_at: new Date() });
    await q.endActiveSessions(tx, id);
    const created = await q.insertAgentMessage(tx, {
      conversation_id: id, channel_id: conv.channel_id, type: 'text' in input ? 'text' : 'document', text: content.text, payload: content,
      status: 'pending', author_user_id: actor.userId,
    });
    await publishEvents(tx, [{ type: 'message.created', payload: { conversationId: id, messageId: created.id, author: 'agent', status: 'human', assigneeId: actor.userId } }]);
    return created;
  });
  await deps.queues.send.add('drain', { tenantId: actor.tenantId, conversationId: id });
  return { id: message.id, direction: 'out', author: 'agent', type: 'text' in input ? 'text' : 'document', text: content.text, status: 'pending', createdAt: message.created_at };
}

export async function addNote(deps: InboxDeps, actor: Actor, id: string, text: string) {
  return forTenant(deps.db, actor.tenantId).transaction(async (tx) => {
    const conv = await loadConversation(tx, id);
    // status 'note': the outbox only sends 'pending' messages, so a note can never reach the customer.
    const created = await q.insertAgentMessage(tx, {
      conversation_id: id, channel_id: conv.channel_id, type: 'note', text, payload: {}, status: 'note', author_user_id: actor.userId,
    });
    await publishEvents(tx, [{ type: 'message.created', payload: { conversationId: id, messageId: created.id, author: 'agent', note: true } }]);
    return { id: created.id, direction: 'out', author: 'agent', type: 'note', text, status: 'note', createdAt: created.created_at };
  });
}
