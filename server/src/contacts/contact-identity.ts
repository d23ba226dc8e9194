// An inbound sender's WhatsApp id against the directory: the canonical phone of the id, and a contact
// imported (or created) under the other spelling of a Brazilian mobile takes over this id, so the
// conversation lands on that contact instead of a duplicate.
import type { TenantDb } from '../db/tenant-db';
import { normalizePhone, waIdOf } from './phone';

/** The canonical E.164 form of a provider phone (a WhatsApp id: international digits). */
export const canonicalOfProviderPhone = (phone: string | null): string | null =>
  phone && /^\d{8,15}$/.test(phone) ? normalizePhone(phone, 'BR', { international: true }) : null;

/**
 * Only when the id is not the canonical digits (a Brazilian mobile without its ninth digit, or a
 * business-scoped user id) can another row hold the same person; one indexed update then.
 */
export async function adoptProviderId(tx: TenantDb, channelId: string, externalId: string, phone: string | null, e164: string | null): Promise<void> {
  if (!e164 || waIdOf(e164) === externalId) return;
  await tx.raw(
    `UPDATE contacts SET external_id = :ext, phone = :phone WHERE id = (
       SELECT c.id FROM contacts c WHERE c.tenant_id = :tenant AND c.channel_id = :channel AND c.phone_e164 = :e164 AND c.erased_at IS NULL
         AND c.external_id <> :ext
         AND NOT EXISTS (SELECT 1 FROM contacts o WHERE o.tenant_id = :tenant AND o.channel_id = :channel AND o.external_id = :ext)
       ORDER BY c.created_at LIMIT 1) AND tenant_id = :tenant`,
    { ext: externalId, phone, tenant: tx.tenantId, channel: channelId, e164 },
  );
}
