// A customer message: store it, then let the bot answer unless a human owns the conversation,
// the contact opted out, or no flow wants it.
import type { InboundItem } from '../channels/channel-adapter';
import type { MessageReceived } from '../engine/events';
import { classifyGlobalKeyword } from '../engine/keywords';
import { matchTrigger } from '../engine/match-trigger';
import { publishEvents, type DomainEvent } from '../events/publish';
import { endSession, findActiveSession, openConversation, upsertContact, type ContactRow } from './conversation.queries';
import { insertMessages } from './message.queries';
import { runStep } from './apply-step';
import type { DrainContext, EventHandler } from './runner-context';

type MessageItem = Extract<InboundItem, { kind: 'message' }>;

/** Opt-out words silence the bot for good; opt-in words bring it back. Returns true when the bot must stay quiet. */
async function handleConsent(ctx: DrainContext, contact: ContactRow, conversationId: string, text: string, events: DomainEvent[]) {
  const keyword = classifyGlobalKeyword(text);
  if (keyword === 'opt_out') {
    await ctx.tx.from('contacts').where({ id: contact.id }).update({ opted_out_at: ctx.now });
    const session = await findActiveSession(ctx.tx, conversationId);
    if (session) await endSession(ctx.tx, session.id);
    events.push({ type: 'contact.opted_out', payload: { contactId: contact.id, conversationId } });
    return true;
  }
  if (!contact.opted_out_at) return false;
  if (keyword !== 'opt_in') return true;
  await ctx.tx.from('contacts').where({ id: contact.id }).update({ opted_out_at: null });
  return false;
}

export const handleMessage: EventHandler = async (ctx, row) => {
  const item = row.payload as MessageItem;
  const contact = await upsertContact(ctx.tx, row.channel_id, item.contact);
  const conv = await openConversation(ctx.tx, row.channel_id, contact.id, item.at);
  const [stored] = await insertMessages(ctx.tx, [
    {
      conversation_id: conv.id, channel_id: row.channel_id, direction: 'in', author: 'contact', type: item.content.type,
      text: item.content.text, payload: item.content as unknown as Record<string, unknown>, provider_message_id: item.eventId, status: 'received',
    },
  ]);
  // A duplicate delivery inserts nothing (stored is undefined), so its media is not fetched twice.
  if (stored && item.content.media) ctx.post.mediaDownloads.push({ tenantId: ctx.tx.tenantId, messageId: stored.id });
  const events: DomainEvent[] = [{ type: 'message.received', payload: { conversationId: conv.id, messageId: stored?.id, contactId: contact.id } }];
  if (conv.created) events.unshift({ type: 'conversation.created', payload: { conversationId: conv.id, contactId: contact.id } });
  const quiet = conv.status !== 'bot' || (await handleConsent(ctx, contact, conv.id, item.content.text, events));
  await publishEvents(ctx.tx, events);
  if (quiet) return 'done';

  const event: MessageReceived = { type: 'message_received', messageId: stored?.id ?? item.eventId, text: item.content.text, replyId: item.content.replyId, at: item.at };
  let session = await findActiveSession(ctx.tx, conv.id);
  if (session?.expires_at && session.expires_at < ctx.now) {
    await endSession(ctx.tx, session.id);
    session = undefined;
  }
  const version = session
    ? await ctx.deps.versions.get(ctx.tx, session.flow_version_id)
    : conv.test_flow_version_id
      ? await ctx.deps.versions.get(ctx.tx, conv.test_flow_version_id)
      : matchTrigger(await ctx.deps.versions.published(ctx.tx), event, { channelId: row.channel_id, isNewContact: contact.inserted, hadSession: false });
  if (!version) return 'done';
  await runStep(ctx, {
    version,
    session: session ?? null,
    scope: {
      conversationId: conv.id, conversationKey: row.conversation_key, channelId: row.channel_id, contactId: contact.id,
      recipient: { externalId: contact.external_id, phone: contact.phone },
    },
    contact: { name: contact.name, phone: contact.phone, tags: contact.tags },
  }, event);
  return 'done';
};
