// One person, two contacts: a phone seen alone and a business-scoped user id seen alone before a
// message linked them. The contact the message was stored under keeps everything: the other's
// conversations move to it (an open one is closed when the kept contact already has one, so the
// thread the customer is in stays the only open one), its ids become aliases, its tags and
// attributes join the kept ones (the kept contact's values win), an opt-out carries over (consent is
// the person's, not the row's), its campaign recipients move unless the campaign already has the
// kept contact, and it is removed.
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
  await tx.raw(
    `UPDATE campaign_recipients r SET contact_id = :keep WHERE r.tenant_id = :tenant AND r.contact_id = ANY(CAST(:drop AS uuid[]))
       AND NOT EXISTS (SELECT 1 FROM campaign_recipients k WHERE k.campaign_id = r.campaign_id AND k.contact_id = :keep)`,
    { tenant: tx.tenantId, keep: keepId, drop: dropIds },
  );
  const aliases = others.flatMap((o) => [o.external_id, ...o.aliases]);
  await tx.raw(
    `UPDATE contacts k SET
       aliases = ARRAY(SELECT DISTINCT a FROM unnest(k.aliases || CAST(:aliases AS text[])) a WHERE a <> k.external_id ORDER BY a),
       tags = ARRAY(SELECT DISTINCT t FROM unnest(k.tags || (SELECT COALESCE(array_agg(t2), '{}') FROM contacts o, unnest(o.tags) t2
                      WHERE o.tenant_id = :tenant AND o.id = ANY(CAST(:drop AS uuid[])))) t ORDER BY t),
       attributes = (SELECT COALESCE(jsonb_object_agg(e.key, e.value), '{}'::jsonb) FROM contacts o, jsonb_each(o.attributes) e
                      WHERE o.tenant_id = :tenant AND o.id = ANY(CAST(:drop AS uuid[]))) || k.attributes,
       opted_out_at = COALESCE(k.opted_out_at, o.opted_out_at),
       opted_out_via = CASE WHEN k.opted_out_at IS NULL AND o.opted_out_at IS NOT NULL THEN o.opted_out_via ELSE k.opted_out_via END
     FROM (SELECT min(opted_out_at) AS opted_out_at, (array_agg(opted_out_via ORDER BY opted_out_at) FILTER (WHERE opted_out_at IS NOT NULL))[1] AS opted_out_via
           FROM contacts WHERE tenant_id = :tenant AND id = ANY(CAST(:drop AS uuid[]))) o
     WHERE k.tenant_id = :tenant AND k.id = :id`,
    { tenant: tx.tenantId, id: keepId, aliases, drop: dropIds },
  );
  await tx.from('contacts').whereIn('id', dropIds).delete();
  await publishEvents(tx, [{ type: 'contact.updated', payload: { contactId: keepId, mergedContactIds: dropIds } }]);
}
