// One person, two contacts: a phone seen alone and a business-scoped user id seen alone before a
// message linked them. The contact the message was stored under keeps everything: the other's
// conversations move to it (an open one is closed when the kept contact already has one, so the
// thread the customer is in stays the only open one), its ids become aliases, and it is removed.
import type { TenantDb } from '../db/tenant-db';
import { publishEvents } from '../events/publish';

export async function mergeContacts(tx: TenantDb, channelId: string, ids: string[], keepId: string): Promise<void> {
  const others: Array<{ id: string; external_id: string; aliases: string[] }> = await tx
    .from('contacts')
    .where({ channel_id: channelId })
    .whereNot({ id: keepId })
    .where((q) => q.whereIn('external_id', ids).orWhereRaw('aliases && CAST(:ids AS text[])', { ids }))
    .select('id', 'external_id', 'aliases');
  if (others.length === 0) return;
  const dropIds = others.map((o) => o.id);
  const keepHasOpen = await tx.from('conversations').where({ contact_id: keepId }).whereNot({ status: 'closed' }).first('id');
  if (keepHasOpen) {
    const closed: Array<{ id: string }> = await tx.from('conversations').whereIn('contact_id', dropIds).whereNot({ status: 'closed' })
      .update({ status: 'closed', updated_at: new Date() }).returning('id');
    if (closed.length) {
      await tx.from('flow_sessions').whereIn('conversation_id', closed.map((c) => c.id)).where({ status: 'active' }).update({ status: 'ended', wake_at: null, updated_at: new Date() });
    }
  }
  await tx.from('conversations').whereIn('contact_id', dropIds).update({ contact_id: keepId, updated_at: new Date() });
  const aliases = others.flatMap((o) => [o.external_id, ...o.aliases]);
  await tx.raw(
    `UPDATE contacts SET aliases = ARRAY(SELECT DISTINCT a FROM unnest(aliases || CAST(:aliases AS text[])) a WHERE a <> external_id ORDER BY a)
     WHERE tenant_id = :tenant AND id = :id`,
    { tenant: tx.tenantId, id: keepId, aliases },
  );
  await tx.from('contacts').whereIn('id', dropIds).delete();
  await publishEvents(tx, [{ type: 'contact.updated', payload: { contactId: keepId, mergedContactIds: dropIds } }]);
}
