// 131050 on a campaign message: the person stopped this business's marketing in WhatsApp. The
// status is often applied only after the message row exists (a campaign records its message once
// the provider accepted it, and Meta's status can arrive first), so the opt-out is also taken from
// the message.failed event, whenever that comes. Recording is idempotent (contacts/consent.ts).
import type { Knex } from 'knex';
import { contactOfConversation, recordConsent } from '../contacts/consent';
import { forTenant } from '../db/tenant-db';
import { publishEvents } from '../events/publish';

export async function optOutByMessage(db: Knex, tenantId: string, messageId: string): Promise<void> {
  await forTenant(db, tenantId).transaction(async (tx) => {
    const msg = await tx.from('messages').where({ id: messageId }).first('conversation_id');
    const contactId = msg ? await contactOfConversation(tx, msg.conversation_id) : null;
    if (contactId) await publishEvents(tx, await recordConsent(tx, contactId, { optedOut: true, via: 'whatsapp_131050', at: new Date(), conversationId: msg.conversation_id }));
  });
}
