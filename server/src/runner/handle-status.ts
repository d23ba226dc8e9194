// Delivery statuses move our outbound messages forward. A status can beat the send's own update
// (the provider answers the webhook before we store its message id): retry it for a while.
import type { InboundItem } from '../channels/channel-adapter';
import { publishEvents } from '../events/publish';
import type { EventType } from '../events/event-types';
import { applyDeliveryStatus } from './message.queries';
import type { EventHandler } from './runner-context';

const UNKNOWN_MESSAGE_PATIENCE_MS = 120_000;

export const handleStatus: EventHandler = async (ctx, row) => {
  const item = row.payload as Extract<InboundItem, { kind: 'status' }>;
  const error = item.error ? `${item.error.code}: ${item.error.reason}` : null;
  const { found, updated } = await applyDeliveryStatus(ctx.tx, {
    channelId: row.channel_id, providerMessageId: item.providerMessageId, callbackData: item.callbackData ?? null, status: item.status, error,
  });
  if (!found) return ctx.now.getTime() - new Date(row.received_at).getTime() < UNKNOWN_MESSAGE_PATIENCE_MS ? 'retry' : 'done';
  if (updated) {
    await publishEvents(ctx.tx, [
      { type: `message.${item.status}` as EventType, payload: { messageId: updated.id, conversationId: updated.conversation_id, ...(item.error ?? {}) } },
    ]);
  }
  return 'done';
};
