// A customer message: store it, record an opt-out or opt-in word whoever holds the chat, then let
// the bot answer unless a human owns the conversation, the contact opted out, or no flow wants it.
import type { InboundItem } from '../channels/channel-adapter';
import type { MessageReceived } from '../engine/events';
import { classifyGlobalKeyword } from '../engine/keywords';
import { matchTrigger } from '../engine/match-trigger';
import { publishEvents, type DomainEvent } from '../events/publish';
import { endSession, findActiveSession, type ContactRow } from './conversation.queries';
import { storeInbound } from './store-inbound.queries';
import { storeSurveyAnswer, typedSurveyAnswer } from './survey-answer.queries';
import { parseSurveyReply } from '../inbox/survey-content';
import { runStep } from './apply-step';
import { stepContact } from './step-contact';
import { returnToTeam } from './return-to-team';
import { recordConsent } from '../contacts/consent';
import type { DrainContext, EventHandler } from './runner-context';

type MessageItem = Extract<InboundItem, { kind: 'message' }>;

/** Opt-out words silence the bot for good; opt-in words bring it back. Returns true when the bot must stay quiet. */
async function handleConsent(ctx: DrainContext, contact: ContactRow, conversationId: string, text: string, events: DomainEvent[]) {
  const keyword = classifyGlobalKeyword(text);
  if (keyword === 'opt_out') {
    const changed = await recordConsent(ctx.tx, contact.id, { optedOut: true, via: 'keyword', at: ctx.now, conversationId });
    const session = await findActiveSession(ctx.tx, conversationId);
    if (session) await endSession(ctx.tx, session.id);
    // Said again while already out: nothing changes and nothing is announced (one opt-out, one
    // contact.opted_out); the word itself is in the thread like any message.
    events.push(...changed);
    return true;
  }
  if (!contact.opted_out_at) return false;
  if (keyword !== 'opt_in') return true;
  events.push(...(await recordConsent(ctx.tx, contact.id, { optedOut: false, via: 'keyword', at: ctx.now, conversationId })));
  return false;
}

export const handleMessage: EventHandler = async (ctx, row) => {
  const item = row.payload as MessageItem;
  // A satisfaction survey answer is told by its button id, or on WhatsApp Web by a typed "1" or
  // "Ótimo" (a query only for such a text): other messages cost no query here.
  const survey = parseSurveyReply(item.content.replyId) ?? (await typedSurveyAnswer(ctx.tx, { channelId: row.channel_id, ...item }));
  if (survey && (await storeSurveyAnswer(ctx.tx, { channelId: row.channel_id, ...item, providerMessageId: item.eventId, ...survey }))) return 'done';
  const stored = await storeInbound(ctx.tx, {
    channelId: row.channel_id, contact: item.contact, content: item.content, providerMessageId: item.eventId, at: item.at, raw: item.raw,
  });
  const { contact, conversation: conv, messageId } = stored;
  // A message already stored (an operator retrying its event) was handled when it was stored, in the
  // same transaction: handling it again would fetch its media twice and let the bot answer twice.
  if (!messageId) return 'done';
  if (item.content.media) ctx.post.mediaDownloads.push({ tenantId: ctx.tx.tenantId, messageId });
  const consentEvents: DomainEvent[] = [];
  // Consent is the customer's whatever the chat's status: PARAR said to an agent opts out as it does
  // with the bot (the agent sees it through contact.updated). The bot stays out of a chat people hold.
  const silenced = await handleConsent(ctx, contact, conv.id, item.content.text, consentEvents);
  await publishEvents(ctx.tx, consentEvents);
  if (silenced || conv.status !== 'bot') return 'done';

  const event: MessageReceived = { type: 'message_received', messageId, text: item.content.text, replyId: item.content.replyId, at: item.at };
  let session = stored.session;
  if (session?.expires_at && session.expires_at < ctx.now) {
    await endSession(ctx.tx, session.id);
    session = null;
  }
  const handedBackTo = !session && conv.flow_id ? stored.published.find((f) => f.flow_id === conv.flow_id) : undefined;
  if (handedBackTo) await ctx.tx.from('conversations').where({ id: conv.id }).update({ flow_id: null });
  const version = session
    ? await ctx.deps.versions.get(ctx.tx, session.flow_version_id)
    : conv.test_flow_version_id
      ? await ctx.deps.versions.get(ctx.tx, conv.test_flow_version_id)
      : handedBackTo
        ? await ctx.deps.versions.get(ctx.tx, handedBackTo.version_id)
        : matchTrigger(await ctx.deps.versions.resolve(ctx.tx, stored.published), event, {
          channelId: row.channel_id, isNewContact: contact.inserted, hadSession: false,
        });
  if (!version) {
    // Closed after people answered it: the customer is writing to them, not starting a bot over.
    if (conv.reopened && conv.had_people) await returnToTeam(ctx, conv);
    return 'done';
  }
  await runStep(ctx, {
    version,
    session,
    scope: {
      conversationId: conv.id, conversationKey: row.conversation_key, channelId: row.channel_id, contactId: contact.id,
      recipient: { externalId: contact.external_id, phone: contact.phone }, simulated: conv.test_flow_version_id !== null,
    },
    contact: stepContact(contact),
  }, event);
  return 'done';
};
