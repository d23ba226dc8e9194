// A message typed by a person on the business phone (not sent by us): record it as an agent
// message and pause the bot for that conversation, whatever the flow says.
import type { InboundItem } from '../channels/channel-adapter';
import { publishEvents } from '../events/publish';
import { endSession } from './conversation.queries';
import { storeInbound } from './store-inbound.queries';
import type { EventHandler } from './runner-context';

export const handleEcho: EventHandler = async (ctx, row) => {
  const item = row.payload as Extract<InboundItem, { kind: 'echo' }>;
  const { conversation, session, messageId } = await storeInbound(
    ctx.tx,
    { channelId: row.channel_id, contact: item.contact, content: item.content, providerMessageId: item.eventId, at: item.at, raw: item.raw },
    'business_phone',
  );
  // Already stored (an operator retrying its event): it paused the bot when it was stored, in the
  // same transaction, and pausing again would undo a hand-back made since.
  if (!messageId) return 'done';
  // A photo or file sent from the business app is fetched like a customer's.
  if (item.content.media) ctx.post.mediaDownloads.push({ tenantId: ctx.tx.tenantId, messageId });
  await ctx.tx.from('conversations').where({ id: conversation.id }).update({ status: 'human', updated_at: ctx.now });
  if (session) await endSession(ctx.tx, session.id);
  await publishEvents(ctx.tx, [{ type: 'conversation.bot_paused', payload: { conversationId: conversation.id, reason: 'business_phone_reply' } }]);
  return 'done';
};
