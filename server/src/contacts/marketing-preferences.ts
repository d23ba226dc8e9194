// WhatsApp's own marketing stop/resume ("Offers and announcements"), from the `user_preferences`
// webhook, applied to the contact of that WhatsApp id on the channel it was addressed to.
import type { Knex } from 'knex';
import { forTenant } from '../db/tenant-db';
import { publishEvents } from '../events/publish';
import { canonicalOfProviderPhone } from './contact-identity';
import { contactOfWaId, recordConsent } from './consent';

export async function applyMarketingPreference(db: Knex, channel: { id: string; tenantId: string }, p: { waId: string; value: 'stop' | 'resume'; at: string }) {
  await forTenant(db, channel.tenantId).transaction(async (tx) => {
    const contactId = await contactOfWaId(tx, channel.id, p.waId, canonicalOfProviderPhone(p.waId));
    if (!contactId) return; // never wrote to us and not in the directory: nothing to mark
    const conversationId = (await tx.from('conversations').where({ contact_id: contactId }).orderBy('created_at', 'desc').first('id'))?.id ?? null;
    await publishEvents(tx, await recordConsent(tx, contactId, { optedOut: p.value === 'stop', via: 'whatsapp_preferences', at: new Date(p.at), conversationId }));
  });
}
