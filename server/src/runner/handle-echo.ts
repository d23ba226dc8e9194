// A message typed by a person on the business phone (not sent by us): record it as an agent
// message and pause the bot for that conversation, whatever the flow says.
import type { InboundItem } from '../channels/channel-adapter';
import { publishEvents } from '../events/publish';
import { endSession, findActiveSession, openConversation, upsertContact } from './conversation.queries';
import { insertMessages } from './message.queries';
import type { EventHandler } from './runner-context';

export const handleEcho: EventHandler = async (ctx, row) => {
  const item = row.payload as Extract<InboundItem, { kind: 'echo' }>;
  const contact = await upsertContact(ctx.tx, row.channel_id, item.contact);
  const conv = await openConversation(ctx.tx, row.channel_id, contact.id, item.at);
  await insertMessages(ctx.tx, [
    {
      conversation_id: conv.id, channel_id: row.channel_id, direction: 'out', author: 'agent', type: item.content.type,
      text: item.content.text, payload: item.content as unknown as Record<string, unknown>, provider_message_id: item.eventId, status: 'sent',
    },
  ]);
  // The echo is not unread for the team: undo the increment openConversation applied.
  await ctx.tx
    .from('conversations')
    .where({ id: conv.id })
    .update({ status: 'human', unread_count: ctx.tx.raw('greatest(unread_count - 1, 0)'), updated_at: ctx.now });
  const session = await findActiveSession(ctx.tx, conv.id);
  if (session) await endSession(ctx.tx, session.id);
  await publishEvents(ctx.tx, [{ type: 'conversation.bot_paused', payload: { conversationId: conv.id, reason: 'business_phone_reply' } }]);
  return 'done';
};
