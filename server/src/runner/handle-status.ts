// Delivery statuses that could not be applied when they arrived (the message was not stored yet:
// the provider answered the webhook before our send recorded its id) are retried here for a while.
// A 131050 failure (the person stopped marketing) opts the contact out in this same transaction.
import type { InboundItem } from '../channels/channel-adapter';
import { applyDeliveryStatus } from '../messages/message.queries';
import { isMarketingStop, optOutOnMarketingStop } from '../campaigns/opt-out';
import type { EventHandler } from './runner-context';

const UNKNOWN_MESSAGE_PATIENCE_MS = 120_000;

export const handleStatus: EventHandler = async (ctx, row) => {
  const item = row.payload as Extract<InboundItem, { kind: 'status' }>;
  const { found, updated } = await applyDeliveryStatus(ctx.tx, {
    channelId: row.channel_id, providerMessageId: item.providerMessageId, callbackData: item.callbackData ?? null, status: item.status, error: item.error,
  });
  if (updated && item.status === 'failed' && isMarketingStop(item.error?.code)) await optOutOnMarketingStop(ctx.tx, updated.conversation_id);
  if (!found) return ctx.now.getTime() - new Date(row.received_at).getTime() < UNKNOWN_MESSAGE_PATIENCE_MS ? 'retry' : 'done';
  return 'done';
};
