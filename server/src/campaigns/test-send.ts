// "Send a test": the campaign's message to one number (the marketer's own phone) before it goes to
// everyone. Filled from that number's contact as a recipient's would be, refused for the same reasons
// a recipient is skipped (an opt-out, an empty value) before anything is stored, sent by the outbox
// into a conversation that stays out of the inbox until answered; a reply is answered by the campaign's flow. The campaign's
// counts, audience and status do not change.
import type { Knex } from 'knex';
import { templateBodyText } from '@zyntra/flows-schema';
import { defaultCountry, findContact } from '../contacts/contacts.queries';
import { normalizePhone } from '../contacts/phone';
import { forTenant } from '../db/tenant-db';
import { publishEvents } from '../events/publish';
import { AppError, notFound } from '../http/app-error';
import { withTimeout, type Queues } from '../queues/queues';
import { viewOf, withParameterNames, withShownTemplate } from '../templates/shown-template';
import { findByNameLanguage } from '../templates/templates.queries';
import * as q from './campaigns.queries';
import { assertCanManage, type Auth } from './campaigns.service';
import { ensureConversation } from './recipients.queries';
import { fillTemplate, hasEmptyParameter } from './template-fill';

export async function sendTest(deps: { db: Knex; queues: Queues }, auth: Auth, id: string, phoneOf: () => string) {
  assertCanManage(auth);
  const tdb = forTenant(deps.db, auth.tenantId);
  const c = await q.findCampaign(tdb, id);
  if (!c) throw notFound('Campaign');
  const phone = phoneOf();
  const e164 = normalizePhone(phone, await defaultCountry(tdb));
  if (!e164) throw new AppError('validation_failed', `"${phone}" is not a valid phone number`, { field: 'phone' });
  // Known to be unapproved now (paused, disabled by Meta since the campaign was made): refused as the send would be.
  const known = await findByNameLanguage(tdb, c.channel_id, c.template.name, c.template.language);
  if (known && known.status !== 'APPROVED') {
    throw new AppError('template_not_approved', `The template "${known.name}" is ${known.status}; only approved templates can be sent`, { templateStatus: known.status });
  }
  // A number no contact has is checked as the contact it would become (a phone, no name, no fields),
  // and added only once the test goes out: a refused test leaves nothing behind.
  const knownId = await q.findContactIdForPhone(tdb, c.channel_id, e164);
  const found = knownId ? await findContact(tdb, knownId) : undefined;
  if (knownId && !found) throw notFound('Contact');
  const contact = found ?? { name: null, phone: e164.slice(1), external_id: e164.slice(1), attributes: {}, opted_out_at: null };
  if (contact.opted_out_at) throw new AppError('validation_failed', 'This number opted out of marketing messages: the campaign would skip it too', { optedOut: true });
  const text = c.template.text ?? (known ? templateBodyText(known.components) : undefined);
  const content = withParameterNames(known?.components ?? null, fillTemplate({ ...c.template, text }, contact));
  if (hasEmptyParameter(content)) {
    throw new AppError('validation_failed', 'A value of the template is empty for this contact (a name it does not have, say): the campaign would skip it. Give the placeholder a default', { missingValue: true });
  }
  const contactId = found?.id ?? (await q.contactForPhone(tdb, c.channel_id, e164));
  const conversationId = await ensureConversation(deps.db, auth.tenantId, c.channel_id, contactId, c.id);
  const messageId = await tdb.transaction(async (tx) => {
    const [m] = await tx.insert('messages', {
      conversation_id: conversationId, channel_id: c.channel_id, direction: 'out', author: 'bot', type: 'template', text: content.text,
      payload: JSON.stringify(withShownTemplate(content, viewOf(known?.components ?? null, content))), status: 'pending',
    }).returning(['id']);
    await q.touchForTest(tx, conversationId, c.flow_id);
    await publishEvents(tx, [{ type: 'message.created', payload: { conversationId, messageId: m.id, author: 'bot' } }]);
    return m.id as string;
  });
  // Stored first: when the queue cannot be reached the sweeper sends it.
  await withTimeout(deps.queues.send.add('drain', { tenantId: auth.tenantId, conversationId }), 1_000).catch(() => undefined);
  return { conversationId, messageId, to: e164, text: content.text };
}
