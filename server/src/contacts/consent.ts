// One opt-out for every source: the keyword (PARAR/SAIR/STOP), WhatsApp's own marketing stop
// (`user_preferences`), error 131050 on a send, a flow step, or an agent. Each sets the contact's
// opt-out with when and how; opting back in is recorded the same way. Returns the domain events to
// publish in the caller's transaction (only a real change emits `contact.opted_out`).
import type { TenantDb } from '../db/tenant-db';
import type { DomainEvent } from '../events/publish';

export const CONSENT_SOURCES = ['keyword', 'whatsapp_preferences', 'whatsapp_131050', 'flow', 'agent'] as const;
export type ConsentSource = (typeof CONSENT_SOURCES)[number];

export async function recordConsent(
  tx: TenantDb,
  contactId: string,
  change: { optedOut: boolean; via: ConsentSource; at: Date; conversationId?: string | null; by?: string },
): Promise<DomainEvent[]> {
  // `by`: the member who recorded it by hand (via "agent").
  const base = { contactId, conversationId: change.conversationId ?? null, via: change.via, at: change.at.toISOString(), ...(change.by ? { by: change.by } : {}) };
  if (change.optedOut) {
    const rows = await tx.from('contacts').where({ id: contactId }).whereNull('opted_out_at').whereNull('erased_at')
      .update({ opted_out_at: change.at, opted_out_via: change.via }).returning('id');
    return rows.length ? [{ type: 'contact.opted_out', payload: base }, { type: 'contact.updated', payload: { ...base, optedOut: true } }] : [];
  }
  const res = await tx.raw(
    `UPDATE contacts c SET opted_in_at = :at, opted_in_via = :via, opted_out_at = NULL, opted_out_via = NULL
     FROM contacts old WHERE old.id = c.id AND c.id = :id AND c.tenant_id = :tenant AND c.erased_at IS NULL
     RETURNING old.opted_out_at IS NOT NULL AS was_out`,
    { at: change.at, via: change.via, id: contactId, tenant: tx.tenantId },
  );
  const rows = res.rows as Array<{ was_out: boolean }>;
  return rows[0]?.was_out ? [{ type: 'contact.updated', payload: { ...base, optedOut: false } }] : [];
}

/** The contact a conversation belongs to. */
export async function contactOfConversation(tx: TenantDb, conversationId: string): Promise<string | null> {
  const row = await tx.from('conversations').where({ id: conversationId }).first('contact_id');
  return row?.contact_id ?? null;
}

/** A WhatsApp user of a channel, by the id WhatsApp reports (with or without the ninth digit). */
export async function contactOfWaId(tx: TenantDb, channelId: string, waId: string, e164: string | null): Promise<string | null> {
  const row = await tx.from('contacts').where({ channel_id: channelId }).whereNull('erased_at')
    .where((w) => { w.where({ external_id: waId }).orWhere({ phone: waId }).orWhereRaw('aliases @> ARRAY[?]::text[]', [waId]); if (e164) w.orWhere({ phone_e164: e164 }); })
    .orderBy('created_at').first('id');
  return row?.id ?? null;
}
