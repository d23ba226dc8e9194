// Every knex call of the campaigns API, tenant first.
import type { TenantDb } from '../db/tenant-db';
import { FILTER_MATCH_SQL, filterBindings, type ContactFilterRow } from '../contacts/contact-filters';
import { findByPhones } from '../contacts/contacts.queries';
import { waIdOf } from '../contacts/phone';
import type { TemplateSend } from '@zyntra/flows-schema';

export type StoredTemplate = { name: string; language: string; parameters: TemplateSend['parameters']; text?: string };
/** `phones`: E.164 ("+5511988887777"); campaigns created before that stored bare digits. */
export type StoredAudience = { tags?: string[]; contactIds?: string[]; phones?: string[]; filterId?: string };

export type CampaignRow = {
  id: string; tenant_id: string; channel_id: string; name: string; status: string; template: StoredTemplate; audience: StoredAudience; flow_id: string | null;
  scheduled_at: Date | null; time_zone: string; window_start: string; window_end: string; messages_per_second: number | null;
  daily_limit: number | null; min_gap_ms: number | null; max_gap_ms: number | null; pause_reason: string | null;
  started_at: Date | null; finished_at: Date | null; created_at: Date; updated_at: Date;
};

export type CampaignWithChannel = CampaignRow & { channel_type: string };

const withChannel = (tdb: TenantDb) =>
  tdb.from('campaigns').leftJoin('channels', 'channels.id', 'campaigns.channel_id').select('campaigns.*', 'channels.type as channel_type');

export const findCampaign = (tdb: TenantDb, id: string): Promise<CampaignWithChannel | undefined> => withChannel(tdb).where('campaigns.id', id).first();

export const listCampaigns = (tdb: TenantDb): Promise<CampaignWithChannel[]> => withChannel(tdb).orderBy('campaigns.created_at', 'desc').limit(200);

export type StartedCampaign = Pick<CampaignRow, 'id' | 'name' | 'status' | 'started_at' | 'finished_at'>;

/** The campaigns that began sending in [from, to), newest first, at most `limit`. */
export const campaignsStartedIn = (tdb: TenantDb, from: Date, to: Date, limit: number): Promise<StartedCampaign[]> =>
  tdb.from('campaigns').where('started_at', '>=', from).where('started_at', '<', to)
    .orderBy('started_at', 'desc').orderBy('id').limit(limit).select('id', 'name', 'status', 'started_at', 'finished_at');

export async function insertCampaign(tdb: TenantDb, row: Record<string, unknown>): Promise<CampaignRow> {
  const [created] = await tdb.insert('campaigns', row).returning('*');
  return created as CampaignRow;
}

/** Moves a campaign only from one of `from`; returns the row, or nothing when it was elsewhere. */
export async function moveCampaign(tdb: TenantDb, id: string, from: string[], patch: Record<string, unknown>): Promise<CampaignRow | undefined> {
  const [row] = await tdb.from('campaigns').where({ id }).whereIn('status', from).update({ ...patch, updated_at: new Date() }).returning('*');
  return row as CampaignRow | undefined;
}

/**
 * The status a member sees: the sender's own state until the provider took the message, then the
 * message's delivery status, "replied" once the contact wrote after it, "failed" when a late
 * status said so (131049, 131050, 130472 arrive that way).
 */
const recipientView = (campaigns: string) => `
  SELECT r.id, r.campaign_id, r.contact_id, r.message_id, r.conversation_id, r.sent_at, r.created_at,
    CASE
      WHEN r.status IN ('pending', 'sending') THEN 'pending'
      WHEN r.status <> 'sent' THEN r.status
      WHEN m.status = 'failed' THEN 'failed'
      WHEN EXISTS (SELECT 1 FROM messages i WHERE i.tenant_id = r.tenant_id AND i.conversation_id = r.conversation_id
                     AND i.direction = 'in' AND i.created_at > r.sent_at) THEN 'replied'
      WHEN m.status IN ('delivered', 'read') THEN m.status
      ELSE 'sent' END AS status,
    r.reason, m.error AS message_error
  FROM campaign_recipients r
  LEFT JOIN messages m ON m.tenant_id = r.tenant_id AND m.id = r.message_id
  WHERE r.tenant_id = :tenant AND ${campaigns}`;

export const RECIPIENT_VIEW = recipientView('r.campaign_id = :campaign');

export async function countRecipients(tdb: TenantDb, campaignId: string): Promise<Record<string, number>> {
  return (await countRecipientsOf(tdb, [campaignId])).get(campaignId) ?? {};
}

/** Each campaign's recipients by the status a member sees, in one query (a list of 200 campaigns made 200). */
export async function countRecipientsOf(tdb: TenantDb, campaignIds: string[]): Promise<Map<string, Record<string, number>>> {
  const counts = new Map<string, Record<string, number>>();
  if (campaignIds.length === 0) return counts;
  const res = await tdb.raw(
    `SELECT campaign_id, status, count(*)::int AS n FROM (${recipientView('r.campaign_id = ANY(CAST(:campaigns AS uuid[]))')}) v GROUP BY campaign_id, status`,
    { tenant: tdb.tenantId, campaigns: campaignIds },
  );
  for (const r of res.rows as Array<{ campaign_id: string; status: string; n: number }>) {
    counts.set(r.campaign_id, { ...counts.get(r.campaign_id), [r.status]: r.n });
  }
  return counts;
}

export type RecipientViewRow = {
  id: string; contact_id: string; message_id: string | null; conversation_id: string | null; status: string; reason: string | null;
  message_error: string | null; sent_at: Date | null; contact_name: string | null; contact_phone: string | null;
};

export async function pageRecipients(tdb: TenantDb, campaignId: string, q: { status?: string; after?: string; limit: number }): Promise<RecipientViewRow[]> {
  const res = await tdb.raw(
    `SELECT v.*, ct.name AS contact_name, COALESCE(ct.phone_e164, ct.phone) AS contact_phone FROM (${RECIPIENT_VIEW}) v
     JOIN contacts ct ON ct.id = v.contact_id AND ct.tenant_id = :tenant
     WHERE (:status::text IS NULL OR v.status = :status) AND (:after::uuid IS NULL OR v.id > :after::uuid)
     ORDER BY v.id LIMIT :limit`,
    { tenant: tdb.tenantId, campaign: campaignId, status: q.status ?? null, after: q.after ?? null, limit: q.limit },
  );
  return res.rows;
}

/**
 * Phones (E.164) from a CSV become contacts of the channel when new (WhatsApp ids are the digits). A
 * contact known by its canonical number is the same person, whatever WhatsApp id it wrote from.
 */
export async function ensurePhoneContacts(tdb: TenantDb, channelId: string, phones: string[]): Promise<void> {
  if (phones.length === 0) return;
  await tdb.raw(
    `INSERT INTO contacts (tenant_id, channel_id, external_id, phone, phone_e164)
     SELECT :tenant, :channel, substr(p, 2), substr(p, 2), p FROM unnest(:phones::text[]) p
     WHERE NOT EXISTS (SELECT 1 FROM contacts c WHERE c.tenant_id = :tenant AND c.channel_id = :channel AND c.phone_e164 = p)
     ON CONFLICT (tenant_id, channel_id, external_id) DO NOTHING`,
    { tenant: tdb.tenantId, channel: channelId, phones },
  );
}

/** The channel's contact with this number (E.164), if it has one. */
export const findContactIdForPhone = async (tdb: TenantDb, channelId: string, e164: string): Promise<string | undefined> =>
  (await findByPhones(tdb, channelId, [e164], [waIdOf(e164)]))[0]?.id;

/** The channel's contact with this number (E.164), added when there is none (a test send, an agent writing first). */
export async function contactForPhone(tdb: TenantDb, channelId: string, e164: string): Promise<string> {
  const find = () => findContactIdForPhone(tdb, channelId, e164);
  const known = await find();
  if (known) return known;
  await ensurePhoneContacts(tdb, channelId, [e164]);
  const added = await find();
  if (!added) throw new Error('the contact could not be added');
  return added;
}

/** A test send's conversation: its last message now, and the campaign's flow to answer a reply when no flow runs there. */
export async function touchForTest(tdb: TenantDb, conversationId: string, flowId: string | null): Promise<void> {
  await tdb.raw(
    `UPDATE conversations c SET last_message_at = now(), updated_at = now(),
       flow_id = CASE WHEN :flow::uuid IS NOT NULL AND c.status = 'bot' AND NOT EXISTS (
         SELECT 1 FROM flow_sessions s WHERE s.tenant_id = :tenant AND s.conversation_id = c.id AND s.status = 'active') THEN :flow::uuid ELSE c.flow_id END
     WHERE c.tenant_id = :tenant AND c.id = :conv`,
    { flow: flowId, tenant: tdb.tenantId, conv: conversationId },
  );
}

/** An audience as the queries take it: phones in E.164, the saved filter read (null: none, or deleted). */
export type ResolvedAudience = { tags: string[]; contactIds: string[]; phones: string[]; filter: Pick<ContactFilterRow, 'q' | 'tags'> | null };

/** The contacts (`ct`) of a channel an audience selects: one rule for freezing it and for counting it first. */
const AUDIENCE_MATCH = `ct.tenant_id = :tenant AND ct.channel_id = :channel
  AND (ct.tags && :tags::text[] OR ct.id = ANY(:ids::uuid[]) OR ct.phone_e164 = ANY(:phones::text[]) OR ct.external_id = ANY(:waIds::text[])
    OR ${FILTER_MATCH_SQL})`;

const audienceBindings = (tdb: TenantDb, channelId: string, a: ResolvedAudience) => ({
  tenant: tdb.tenantId, channel: channelId, tags: a.tags, ids: a.contactIds, phones: a.phones, waIds: a.phones.map((p) => p.slice(1)), ...filterBindings(a.filter),
});

/** The ids, in the order given and once each, that name no contact of this channel. */
export async function contactIdsNotOnChannel(tdb: TenantDb, channelId: string, ids: string[]): Promise<string[]> {
  const res = await tdb.raw(
    `SELECT i.id FROM unnest(:ids::uuid[]) WITH ORDINALITY AS i(id, n)
     WHERE NOT EXISTS (SELECT 1 FROM contacts c WHERE c.tenant_id = :tenant AND c.channel_id = :channel AND c.id = i.id)
     GROUP BY i.id ORDER BY min(i.n)`,
    { tenant: tdb.tenantId, channel: channelId, ids },
  );
  return (res.rows as Array<{ id: string }>).map((r) => r.id);
}

/** Which of these ids are contacts of this workspace (on any channel). */
export const existingContactIds = (tdb: TenantDb, ids: string[]): Promise<string[]> =>
  tdb.from('contacts').whereIn('id', ids).pluck('id');

/** Freezes the audience: one row per matching contact of the channel; opted-out contacts skipped at once. */
export async function freezeAudience(tdb: TenantDb, c: CampaignRow, a: ResolvedAudience): Promise<number> {
  const res = await tdb.raw(
    `INSERT INTO campaign_recipients (tenant_id, campaign_id, contact_id, status, reason)
     SELECT :tenant, :campaign, ct.id,
       CASE WHEN ct.opted_out_at IS NOT NULL THEN 'skipped' ELSE 'pending' END,
       CASE WHEN ct.opted_out_at IS NOT NULL THEN 'opted_out' END
     FROM contacts ct
     WHERE ${AUDIENCE_MATCH}
     ON CONFLICT (campaign_id, contact_id) DO NOTHING`,
    { ...audienceBindings(tdb, c.channel_id, a), campaign: c.id },
  );
  return res.rowCount ?? 0;
}

/**
 * What freezing the audience now would give, without writing: the contacts it selects, those of them
 * opted out, and the phones no contact has yet (ensurePhoneContacts makes them contacts at the start).
 */
export async function countAudience(tdb: TenantDb, channelId: string, a: ResolvedAudience): Promise<{ matched: number; optedOut: number; newPhones: number }> {
  const res = await tdb.raw(
    `SELECT count(*)::int AS matched, (count(*) FILTER (WHERE ct.opted_out_at IS NOT NULL))::int AS opted_out,
       (SELECT count(*) FROM unnest(:phones::text[]) p
         WHERE NOT EXISTS (SELECT 1 FROM contacts c WHERE c.tenant_id = :tenant AND c.channel_id = :channel
           AND (c.phone_e164 = p OR c.external_id = substr(p, 2))))::int AS new_phones
     FROM contacts ct WHERE ${AUDIENCE_MATCH}`,
    audienceBindings(tdb, channelId, a),
  );
  const row = res.rows[0] as { matched: number; opted_out: number; new_phones: number };
  return { matched: row.matched, optedOut: row.opted_out, newPhones: row.new_phones };
}

/** The audience's contacts that are not opted out, by id after `afterId`: what a send fills the template from. */
export async function audienceContactsPage(tdb: TenantDb, channelId: string, a: ResolvedAudience, afterId: string | null, limit: number) {
  const res = await tdb.raw(
    `SELECT ct.id, ct.name, ct.phone, ct.external_id, ct.attributes FROM contacts ct
     WHERE ${AUDIENCE_MATCH} AND ct.opted_out_at IS NULL AND (:after::uuid IS NULL OR ct.id > :after::uuid)
     ORDER BY ct.id LIMIT :limit`,
    { ...audienceBindings(tdb, channelId, a), after: afterId, limit },
  );
  return res.rows as Array<{ id: string; name: string | null; phone: string | null; external_id: string | null; attributes: Record<string, unknown> }>;
}

/** Recipients not yet sent when a campaign is cancelled are closed as skipped. */
export async function skipUnsent(tdb: TenantDb, campaignId: string, reason: string): Promise<void> {
  await tdb.from('campaign_recipients').where({ campaign_id: campaignId }).where('status', 'pending').update({ status: 'skipped', reason, lease_until: null });
}
