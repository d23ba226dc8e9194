// What a reaction, an edit or a deletion does to the message it names, tenant first. Each is one
// statement on the target row, found by the provider's id on the channel.
import type { TenantDb } from '../db/tenant-db';

export type TargetRow = { id: string; conversation_id: string; text: string | null; deleted_at: Date | null };

export const findByProviderId = (tx: TenantDb, channelId: string, providerMessageId: string): Promise<TargetRow | undefined> =>
  tx.from('messages').where({ channel_id: channelId, provider_message_id: providerMessageId }).first('id', 'conversation_id', 'text', 'deleted_at');

/** Keeps one reaction per person on the target (WhatsApp's rule): a new emoji replaces theirs, null removes it. */
export async function setReaction(tx: TenantDb, id: string, by: string, emoji: string | null, at: string): Promise<void> {
  await tx.raw(
    `UPDATE messages SET updated_at = now(), payload = jsonb_set(payload, '{reactions}',
       coalesce((SELECT jsonb_agg(r) FROM jsonb_array_elements(coalesce(payload->'reactions', '[]'::jsonb)) r WHERE r->>'by' <> :by), '[]'::jsonb)
       || CASE WHEN CAST(:emoji AS text) IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(jsonb_build_object('by', CAST(:by AS text), 'emoji', CAST(:emoji AS text), 'at', CAST(:at AS text))) END)
     WHERE tenant_id = :tenant AND id = :id`,
    { tenant: tx.tenantId, id, by, emoji, at },
  );
}

/** The customer changed their words: the original row shows the new text, and keeps the old one. */
export async function markEdited(tx: TenantDb, id: string, text: string, at: string): Promise<void> {
  await tx.raw(
    `UPDATE messages SET text = :text, edited_at = :at, updated_at = now(),
       payload = payload || jsonb_build_object('text', CAST(:text AS text), 'edited', jsonb_build_object('at', CAST(:at AS text), 'previousText', payload->>'text'))
     WHERE tenant_id = :tenant AND id = :id`,
    { tenant: tx.tenantId, id, text, at },
  );
}

/** The customer deleted the message for everyone: its words are dropped, the row stays as a marker. */
export async function markDeleted(tx: TenantDb, id: string, text: string, at: string): Promise<void> {
  await tx.raw(
    `UPDATE messages SET text = :text, deleted_at = :at, raw = NULL, updated_at = now(),
       payload = (payload - 'edited') || jsonb_build_object('text', '', 'deleted', jsonb_build_object('at', CAST(:at AS text)))
     WHERE tenant_id = :tenant AND id = :id`,
    { tenant: tx.tenantId, id, text, at },
  );
}

/** The same person is now also known by `alias` (a new number or user id); a new number becomes the one we send to. */
export async function addContactAlias(tx: TenantDb, contactId: string, alias: string, newPhone: string | null): Promise<void> {
  await tx.raw(
    `UPDATE contacts SET phone = COALESCE(:phone, phone),
       aliases = CASE WHEN :alias = ANY(aliases) OR :alias = external_id THEN aliases ELSE aliases || CAST(:alias AS text) END
     WHERE tenant_id = :tenant AND id = :id`,
    { tenant: tx.tenantId, id: contactId, alias, phone: newPhone },
  );
}
