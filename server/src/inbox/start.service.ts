// An agent writes first to a customer (a call back, a follow-up on an order): on a WhatsApp channel,
// to a contact or a phone number. The message goes where the customer's thread is: their open
// conversation, else their last one reopened in the agent's hands, else a new one held by the agent.
// Everything happens in one transaction with the message, so a refused send (a template not
// approved, a text after the 24-hour window) leaves no new contact, empty or reopened conversation behind.
import { contactForPhone } from '../campaigns/campaigns.queries';
import { getMessage } from '../conversations/conversations.service';
import { defaultCountry, findContact } from '../contacts/contacts.queries';
import { normalizePhone } from '../contacts/phone';
import { forTenant, type TenantDb } from '../db/tenant-db';
import { isUniqueViolation } from '../db/pg-errors';
import { publishEvents } from '../events/publish';
import type { Role } from '../http/access';
import { AppError, notFound } from '../http/app-error';
import { approvedTemplate } from '../templates/template-send';
import { lockConversation, type Actor } from './conversation-guard';
import { openHandoff } from './handoffs.queries';
import * as q from './inbox.queries';
import type { StartBody } from './inbox.schemas';
import { reopenLocked } from './lifecycle.service';
import { storeReply, storedAndQueued, type InboxDeps } from './reply.service';
import { insertStartedConversation, latestConversation } from './start.queries';

const STARTS_ON = ['whatsapp_cloud', 'evolution'];

async function contactOf(tdb: TenantDb, channelId: string, body: StartBody): Promise<string> {
  if (body.contactId) {
    const contact = await findContact(tdb, body.contactId);
    if (!contact) throw notFound('Contact');
    if (contact.channel_id !== channelId) throw new AppError('validation_failed', 'This contact belongs to another channel: write to them there', { contactChannelId: contact.channel_id });
    return contact.id;
  }
  const e164 = normalizePhone(body.phone!, await defaultCountry(tdb));
  if (!e164) throw new AppError('validation_failed', `"${body.phone}" is not a valid phone number`, { field: 'phone' });
  return contactForPhone(tdb, channelId, e164);
}

/** A marketing template is what a customer who opted out asked not to get. */
async function assertMayWrite(tdb: TenantDb, channel: { id: string; type: string }, contactId: string, body: StartBody): Promise<void> {
  if (!body.template) return;
  const template = await approvedTemplate(tdb, channel, body.template);
  const contact = await findContact(tdb, contactId);
  if (contact?.opted_out_at && template.category === 'MARKETING') {
    throw new AppError('validation_failed', 'This customer opted out of marketing messages: send a utility template, or answer when they write', { optedOut: true });
  }
}

/** The conversation the first message goes to, taken, reopened or opened by the agent (locked by this transaction). */
async function threadFor(tx: TenantDb, actor: Actor, channelId: string, contactId: string): Promise<{ id: string; created: boolean }> {
  const last = await latestConversation(tx, channelId, contactId);
  if (!last) {
    const id = await insertStartedConversation(tx, channelId, contactId, actor.userId);
    await openHandoff(tx, id, new Date(), 'started'); // the member's own chat: no transfer (the first reply below is theirs)
    await publishEvents(tx, [{ type: 'conversation.created', payload: { conversationId: id, contactId, channelId, assigneeId: actor.userId } }]);
    return { id, created: true };
  }
  if (last.status === 'closed') await reopenLocked(tx, actor, await lockConversation(tx, last.id));
  // A chat a campaign opened stays out of the lists until the customer answers; one an agent writes in is the agent's to see.
  await q.setConversation(tx, last.id, { outreach_campaign_id: null });
  return { id: last.id, created: false };
}

/** What the first request with this Idempotency-Key stored, answered again (nothing is sent twice). */
const replay = async (deps: InboxDeps, tenantId: string, m: { id: string; conversation_id: string }) =>
  ({ conversationId: m.conversation_id, created: false, message: await getMessage(deps.db, tenantId, m.conversation_id, m.id) });

export async function startConversation(deps: InboxDeps, actor: Actor & { role: Role }, body: StartBody, key?: string) {
  const tdb = forTenant(deps.db, actor.tenantId);
  const earlier = key ? await q.findByIdempotencyKey(tdb, key) : undefined;
  if (earlier) return replay(deps, actor.tenantId, earlier);
  const channel = await tdb.from('channels').where({ id: body.channelId }).first('id', 'type');
  if (!channel) throw notFound('Channel');
  if (!STARTS_ON.includes(channel.type)) throw new AppError('validation_failed', 'Conversations are started on WhatsApp channels; web chat visitors start their own', { channelType: channel.type });
  const input = body.template ? { template: body.template } : { text: body.text! };
  let contactId: string | undefined;
  try {
    const done = await tdb.transaction(async (tx) => {
      contactId = await contactOf(tx, channel.id, body);
      await assertMayWrite(tx, channel, contactId, body);
      const thread = await threadFor(tx, actor, channel.id, contactId);
      return { ...thread, messageId: await storeReply(tx, actor, thread.id, input, key) };
    });
    return { conversationId: done.id, created: done.created, message: await storedAndQueued(deps, actor.tenantId, done.id, done.messageId) };
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    // The same key sent twice at once (that request stored the message), or the customer wrote meanwhile and opened a conversation.
    const raced = key ? await q.findByIdempotencyKey(tdb, key) : undefined;
    if (raced) return replay(deps, actor.tenantId, raced);
    const open = contactId ? await latestConversation(tdb, channel.id, contactId) : null;
    throw new AppError('conflict', 'The customer wrote meanwhile: their conversation is open now', { conversationId: open?.id ?? null });
  }
}
