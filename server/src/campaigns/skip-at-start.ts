// When a campaign starts, the recipients its message cannot reach are skipped at once, with the
// reason, as the audience count promised: "2 would get an empty value and are skipped". The sender
// skips them too, but only when it reaches them, which outside the sending hours is hours later;
// meanwhile the page counted them as pending.
import type { TenantDb } from '../db/tenant-db';
import type { CampaignRow } from './campaigns.queries';
import { fillTemplate, fillsFromContacts, hasEmptyParameter } from './template-fill';

const PAGE = 2_000;

type Row = { id: string; name: string | null; phone: string | null; external_id: string | null; attributes: Record<string, unknown> };

/** Skips the pending recipients with no number or an empty template value; how many were skipped. */
export async function skipUnreachable(tx: TenantDb, c: CampaignRow): Promise<number> {
  const fills = fillsFromContacts(c.template);
  let skipped = 0;
  for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
    const res = await tx.raw(
      `SELECT r.id, ct.name, ct.phone, ct.external_id, ct.attributes FROM campaign_recipients r
       JOIN contacts ct ON ct.id = r.contact_id AND ct.tenant_id = r.tenant_id
       WHERE r.tenant_id = :tenant AND r.campaign_id = :campaign AND r.status = 'pending' AND r.id > :after::uuid
       ORDER BY r.id LIMIT ${PAGE}`,
      { tenant: tx.tenantId, campaign: c.id, after },
    );
    const rows = res.rows as Row[];
    const noPhone = rows.filter((r) => !r.phone && !r.external_id).map((r) => r.id);
    const empty = fills ? rows.filter((r) => (r.phone || r.external_id) && hasEmptyParameter(fillTemplate(c.template, r))).map((r) => r.id) : [];
    for (const [reason, ids] of [['no_phone', noPhone], ['missing_value', empty]] as const) {
      if (ids.length) await tx.from('campaign_recipients').whereIn('id', ids).where({ status: 'pending' }).update({ status: 'skipped', reason });
      skipped += ids.length;
    }
    if (rows.length < PAGE) return skipped;
    after = rows.at(-1)!.id;
  }
}
