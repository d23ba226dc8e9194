// 131050: the person stopped marketing messages from this business in WhatsApp. Their contact is
// opted out (once), so no later campaign sends to them, and contact.opted_out tells the workspace.
import type { Knex } from 'knex';
import { forTenant } from '../db/tenant-db';
import { publishEvents } from '../events/publish';

export async function optOutByMessage(db: Knex, tenantId: string, messageId: string): Promise<boolean> {
  return forTenant(db, tenantId).transaction(async (tx) => {
    const res = await tx.raw(
      `UPDATE contacts ct SET opted_out_at = now() FROM messages m JOIN conversations c ON c.id = m.conversation_id
       WHERE m.tenant_id = :tenant AND m.id = :message AND ct.tenant_id = :tenant AND ct.id = c.contact_id AND ct.opted_out_at IS NULL
       RETURNING ct.id`,
      { tenant: tx.tenantId, message: messageId },
    );
    const contactId = res.rows[0]?.id as string | undefined;
    if (contactId) await publishEvents(tx, [{ type: 'contact.opted_out', payload: { contactId, via: 'whatsapp_marketing_stop', code: '131050' } }]);
    return Boolean(contactId);
  });
}
