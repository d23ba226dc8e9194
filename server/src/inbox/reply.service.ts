// Agent replies (sent by the outbox); internal notes are note.service.ts. Replying is taking over: the
// conversation becomes the agent's and the bot stops for it. A reply is stored first and sent by
// the queue; if the queue cannot be reached the sweeper sends it, so the answer never depends on
// Redis, and an Idempotency-Key makes a retry return the same message instead of a second one.
import type { Knex } from 'knex';
import { getMessage } from '../conversations/conversations.service';
import { hasServiceWindow, isWindowOpen, windowClosesAt } from '../conversations/service-window';
import { forTenant, type TenantDb } from '../db/tenant-db';
import { isUniqueViolation } from '../db/pg-errors';
import { publishEvents } from '../events/publish';
import { AppError, notFound } from '../http/app-error';
import type { Logger } from '../log/logger';
import { findUpload } from '../media/uploads.queries';
import { withTimeout, type Queues } from '../queues/queues';
import { heldBy, lockConversation, type Actor } from './conversation-guard';
import { recordReply } from './handoffs.queries';
import * as q from './inbox.queries';
import { templateContent } from '../templates/template-send';
import { replyContent, templateReplyContent, type ReplyRequest } from './reply-content';
import { quoteContext } from './quote-context';

export type InboxDeps = { db: Knex; queues: Queues; log: Logger };

/** The message an earlier request with this key created, if any. */
async function replayed(tdb: TenantDb, conversationId: string, key: string) {
  const row = await q.findByIdempotencyKey(tdb, key);
  if (!row) return null;
  if (row.conversation_id !== conversationId) throw new AppError('conflict', 'This Idempotency-Key was already used for another conversation');
  return row.id;
}

function checkWindow(conv: q.ConversationState, now: Date) {
  if (!hasServiceWindow(conv.channel_type)) return;
  const closes = windowClosesAt(conv.channel_type, conv.last_inbound_at, conv.created_at);
  if (!isWindowOpen(closes, now)) {
    throw new AppError('window_closed', 'More than 24 hours have passed since the customer last wrote: only an approved template can be sent now', {
      windowClosedAt: closes?.toISOString() ?? null,
    });
  }
}

/** A template may go out at any time (that is what templates are for); anything else only inside the window. */
async function contentOf(tx: TenantDb, actor: Actor, conv: q.ConversationState, input: ReplyRequest) {
  // The web-chat widget names who answers; the business's own system is no person to name.
  const agentName = actor.apiKeyId ? null : await q.memberName(tx, actor.userId);
  if ('template' in input) {
    const filled = await templateContent(tx, { id: conv.channel_id, type: conv.channel_type }, conv.contact_id, input.template);
    return templateReplyContent(filled.content, filled.view, agentName);
  }
  checkWindow(conv, new Date());
  const upload = 'mediaId' in input ? await findUpload(tx, input.mediaId) : null;
  if ('mediaId' in input && !upload) throw notFound('Media');
  const content = replyContent(input, upload ?? null, agentName);
  const context = input.replyTo ? await quoteOf(tx, conv, input.replyTo) : null;
  return context ? { ...content, payload: { ...content.payload, context } } : content;
}

/** The quote of the message an agent chose "Reply" on: one of this conversation's, or a 404. */
async function quoteOf(tx: TenantDb, conv: q.ConversationState, messageId: string) {
  const quoted = await q.quotedMessage(tx, conv.id, messageId);
  if (!quoted) throw new AppError('not_found', 'The message to reply to is not one of this conversation', { replyTo: messageId });
  return quoteContext(quoted, conv.channel_id);
}

/**
 * A member's reply takes the chat; the business's own system, writing through an API key (an order
 * update, a payment confirmation), is not a colleague: its message goes out whoever holds the chat,
 * which stays as it was (with its member, in its queue or with the bot). Taking it is /assign.
 */
async function take(tx: TenantDb, actor: Actor, conv: q.ConversationState): Promise<{ status: string; assigneeId: string | null; took: boolean }> {
  if (actor.apiKeyId) {
    await q.setConversation(tx, conv.id, { last_message_at: new Date() });
    return { status: conv.status, assigneeId: conv.assignee_id, took: false };
  }
  await q.setConversation(tx, conv.id, { status: 'human', assignee_id: actor.userId, last_message_at: new Date() });
  await q.endActiveSessions(tx, conv.id);
  await recordReply(tx, conv.id, actor.userId);
  // Replying to a chat nobody held (a bot or waiting one) took it: announced as taking it with the button is.
  return { status: 'human', assigneeId: actor.userId, took: conv.status !== 'human' || conv.assignee_id !== actor.userId };
}

export async function storeReply(tx: TenantDb, actor: Actor, id: string, input: ReplyRequest, key: string | undefined): Promise<string> {
  const conv = await lockConversation(tx, id);
  if (conv.status === 'closed') throw new AppError('conflict', 'This conversation is closed', { status: 'closed', assigneeId: conv.assignee_id, assigneeName: null });
  if (!actor.apiKeyId && conv.assignee_id && conv.assignee_id !== actor.userId) throw await heldBy(tx, id);
  const content = await contentOf(tx, actor, conv, input);
  const now = await take(tx, actor, conv);
  const created = await q.insertAgentMessage(tx, {
    conversation_id: id, channel_id: conv.channel_id, type: content.type, text: content.text, payload: content.payload,
    status: 'pending', author_user_id: actor.userId, idempotency_key: key ?? null, api_key_id: actor.apiKeyId ?? null,
  });
  await publishEvents(tx, [
    ...(now.took ? [{
      type: 'conversation.assigned' as const,
      payload: { conversationId: id, status: 'human', assigneeId: actor.userId, teamId: conv.team_id, by: actor.userId, previousStatus: conv.status, previousAssigneeId: conv.assignee_id },
    }] : []),
    { type: 'message.created', payload: { conversationId: id, messageId: created.id, author: 'agent', status: now.status, assigneeId: now.assigneeId } },
  ]);
  return created.id;
}

export async function reply(deps: InboxDeps, actor: Actor, id: string, input: ReplyRequest, key?: string) {
  const tdb = forTenant(deps.db, actor.tenantId);
  const earlier = key ? await replayed(tdb, id, key) : null;
  if (earlier) return getMessage(deps.db, actor.tenantId, id, earlier);
  let messageId: string;
  try {
    messageId = await tdb.transaction((tx) => storeReply(tx, actor, id, input, key));
  } catch (err) {
    // The same key in a request that ran at the same time: that one stored the message.
    const raced = key && isUniqueViolation(err) ? await replayed(tdb, id, key) : null;
    if (!raced) throw err;
    return getMessage(deps.db, actor.tenantId, id, raced);
  }
  return storedAndQueued(deps, actor.tenantId, id, messageId);
}

/** The stored message as answered, then its send queued (when the queue cannot be reached, the sweeper sends it). */
export async function storedAndQueued(deps: InboxDeps, tenantId: string, conversationId: string, messageId: string) {
  // Read before queueing, so the answer shows the message as stored (pending), not half sent.
  const stored = await getMessage(deps.db, tenantId, conversationId, messageId);
  try {
    await withTimeout(deps.queues.send.add('drain', { tenantId, conversationId }), 1_000);
  } catch (err) {
    deps.log.warn({ err: (err as Error).message, conversationId }, 'reply stored but not queued; the sweeper will send it');
  }
  return stored;
}
