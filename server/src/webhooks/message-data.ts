// What a message event (message.received, message.sent, message.status, message.media_stored) carries besides its ids:
// the message as GET /v1/conversations/{id}/messages answers it (its text, type, status and, for a
// template, the header, body, footer and buttons the customer saw), and whose conversation it is,
// so a receiver needs no call back. Read when the event is fanned out: the stored body, sent again
// on every retry, shows the message as it was then.
import { findMessage } from '../conversations/conversations.queries';
import { toMessageItem } from '../conversations/message-view';
import type { TenantDb } from '../db/tenant-db';
import { isUuid } from '../db/uuid';
import type { WebhookEventType } from './webhook-events';
import type { EventConversation } from './webhooks.queries';

export const MESSAGE_EVENT_TYPES: ReadonlySet<WebhookEventType> = new Set(['message.received', 'message.sent', 'message.status', 'message.media_stored']);

const idOf = (v: unknown) => (typeof v === 'string' && isUuid(v) ? v : null);

/**
 * The event's data with `message`, `contactId` and `channelId` added; as it was when the message is
 * gone (retention). `conversation`: the event's conversation, which the fan-out has read already.
 */
export async function withMessage(tdb: TenantDb, data: Record<string, unknown>, conversation: EventConversation | undefined): Promise<Record<string, unknown>> {
  const conversationId = idOf(data.conversationId);
  const messageId = idOf(data.messageId);
  if (!conversationId || !messageId || conversation?.id !== conversationId) return data;
  const row = await findMessage(tdb, conversationId, messageId);
  if (!row) return data;
  return { ...data, contactId: data.contactId ?? conversation.contactId, channelId: data.channelId ?? conversation.channelId, message: toMessageItem(row) };
}
