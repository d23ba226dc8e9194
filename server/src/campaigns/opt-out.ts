// 131050: the person stopped marketing messages from this business in WhatsApp. Their contact is
// opted out (once, recorded as coming from this error), so no later campaign sends to them, and
// contact.opted_out tells the workspace. The one opt-out rule lives in contacts/consent.ts.
import type { Knex } from 'knex';
import { contactOfConversation, recordConsent } from '../contacts/consent';
import { forTenant } from '../db/tenant-db';
import { publishEvents } from '../events/publish';

export async function optOutByMessage(db: Knex, tenantId: string, messageId: string): Promise<boolean> {
  return forTenant(db, tenantId).transaction(async (tx) => {
    const message = await tx.from('messages').where({ id: messageId }).first('conversation_id');
    const contactId = message ? await contactOfConversation(tx, message.conversation_id) : null;
    if (!contactId) return false;
    const events = await recordConsent(tx, contactId, { optedOut: true, via: 'whatsapp_131050', at: new Date(), conversationId: message.conversation_id });
    await publishEvents(tx, events);
    return events.length > 0;
  });
}
