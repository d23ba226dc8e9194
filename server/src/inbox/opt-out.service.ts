// An agent recording, from the chat, that the customer asked for no more marketing ("não quero mais
// receber promoções" is a sentence, not the PARAR keyword). Agents only read contacts, so this is the
// one consent change the inbox makes: opting out, never back in (that records consent, and is for
// the roles that manage contacts). Audited and announced like any opt-out by hand.
import type { Knex } from 'knex';
import { recordAudit } from '../audit/audit.queries';
import { contactOfConversation, recordConsent } from '../contacts/consent';
import { forTenant } from '../db/tenant-db';
import { publishEvents } from '../events/publish';
import { notFound } from '../http/app-error';
import type { Actor } from './conversation-guard';

export async function optOutCustomer(db: Knex, actor: Actor, conversationId: string): Promise<{ contactId: string; optedOut: true }> {
  const contactId = await forTenant(db, actor.tenantId).transaction(async (tx) => {
    const id = await contactOfConversation(tx, conversationId);
    if (!id) throw notFound('Conversation');
    const events = await recordConsent(tx, id, { optedOut: true, via: 'agent', at: new Date(), conversationId, by: actor.userId });
    // Already out: nothing changes, nothing is recorded twice.
    if (events.length) {
      await recordAudit(tx, { actorUserId: actor.userId, action: 'contact.opted_out', targetType: 'contact', targetId: id, data: { conversationId } });
      await publishEvents(tx, events);
    }
    return id;
  });
  return { contactId, optedOut: true };
}
