// Events about the thread that are not a customer's message to answer: a reaction attaches to its
// target, an edit changes the original, a deletion marks it deleted, a number change links the new
// number to the same contact, a call-permission answer is recorded. Each emits its domain event and
// none ever reaches the flow engine.
import { describeContent, type MessageContent } from '@zyntra/flows-schema';
import type { InboundItem } from '../channels/channel-adapter';
import { publishEvents } from '../events/publish';
import { storeInbound } from './store-inbound.queries';
import { addContactAlias, findByProviderId, markDeleted, markEdited, setReaction } from './thread-updates.queries';
import type { DrainContext, EventHandler, InboundEventRow } from './runner-context';

type UpdateItem = Extract<InboundItem, { kind: 'update' }>;

const store = (ctx: DrainContext, row: InboundEventRow, item: UpdateItem, content: MessageContent, origin: 'contact' | 'system', messageEvent?: string) =>
  storeInbound(ctx.tx, {
    channelId: row.channel_id, contact: item.contact, content, providerMessageId: item.eventId, at: item.at, raw: item.raw, messageEvent,
  }, origin);

async function reaction(ctx: DrainContext, row: InboundEventRow, item: UpdateItem) {
  const r = item.content.reaction!;
  const target = await findByProviderId(ctx.tx, row.channel_id, r.messageId);
  const content = { ...item.content, reaction: { ...r, targetText: target && !target.deleted_at ? target.text : null } };
  const stored = await store(ctx, row, item, content, 'contact', 'message.created');
  if (!stored.messageId || !target) return;
  await setReaction(ctx.tx, target.id, 'contact', r.emoji, item.at);
  await publishEvents(ctx.tx, [{
    type: 'message.reacted', payload: { conversationId: target.conversation_id, messageId: target.id, reactionMessageId: stored.messageId, emoji: r.emoji },
  }]);
}

/**
 * An edit or deletion of a message we never stored is kept as its own row, so nothing is lost,
 * unless the provider could not say who wrote it (ifTargetUnknown 'drop'): a row would then be
 * put in the customer's mouth.
 */
async function change(ctx: DrainContext, row: InboundEventRow, item: UpdateItem) {
  const c = item.content;
  const targetId = c.edit?.messageId ?? c.revoke!.messageId;
  const target = await findByProviderId(ctx.tx, row.channel_id, targetId);
  if (!target) {
    if (item.ifTargetUnknown !== 'drop') await store(ctx, row, item, c, 'contact', 'message.created');
    return;
  }
  if (c.edit) await markEdited(ctx.tx, target.id, c.edit.text, item.at);
  else await markDeleted(ctx.tx, target.id, describeContent(c, 'pt-BR'), item.at);
  await publishEvents(ctx.tx, [{ type: c.edit ? 'message.edited' : 'message.deleted', payload: { conversationId: target.conversation_id, messageId: target.id } }]);
}

async function system(ctx: DrainContext, row: InboundEventRow, item: UpdateItem) {
  const s = item.content.system!;
  const stored = await store(ctx, row, item, item.content, 'system', 'message.created');
  const alias = s.newWaId ?? s.newUserId;
  if (!alias) return;
  await addContactAlias(ctx.tx, stored.contact.id, alias, s.newWaId);
  await publishEvents(ctx.tx, [{
    type: 'contact.number_changed',
    payload: { contactId: stored.contact.id, conversationId: stored.conversation.id, kind: s.kind, newPhone: s.newWaId, newUserId: s.newUserId },
  }]);
}

export const handleUpdate: EventHandler = async (ctx, row) => {
  const item = row.payload as UpdateItem;
  const c = item.content;
  if (c.reaction) await reaction(ctx, row, item);
  else if (c.edit || c.revoke) await change(ctx, row, item);
  else if (c.system) await system(ctx, row, item);
  // A call-permission answer and anything else: kept in the thread, never answered.
  else await store(ctx, row, item, c, 'contact');
  return 'done';
};
