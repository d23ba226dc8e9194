// The sender's statements on recipient rows: claim with a lease, settle, put back. No tenant is
// known when a batch is claimed for a campaign id, so every statement names the tenant it was given.
import type { Knex } from 'knex';
import { forTenant } from '../db/tenant-db';
import { publishEvents } from '../events/publish';
import { isMarketingStop, optOutOnMarketingStop } from './opt-out';

export type ClaimedRecipient = {
  id: string; tenant_id: string; contact_id: string; message_id: string; attempts: number; prev_status: string;
  external_id: string; phone: string | null; name: string | null; attributes: Record<string, unknown>; opted_out_at: Date | null;
};

/**
 * Claims up to `limit` due recipients of a running campaign for `leaseMs` (recipientLeaseMs):
 * pending ones whose back-off is over, and "sending" ones whose lease expired (their sender died,
 * or their send ended without an answer). The message id is chosen here, once, and kept across
 * attempts: it is the callback data the provider echoes back.
 */
export async function claimRecipients(db: Knex, tenantId: string, campaignId: string, limit: number, leaseMs: number): Promise<ClaimedRecipient[]> {
  const res = await db.raw(
    `WITH pick AS (
       SELECT r.id, r.status AS prev_status FROM campaign_recipients r
       WHERE r.tenant_id = :tenant AND r.campaign_id = :campaign
         AND ((r.status = 'pending' AND (r.next_attempt_at IS NULL OR r.next_attempt_at <= now()))
           OR (r.status = 'sending' AND r.lease_until < now()))
         AND EXISTS (SELECT 1 FROM campaigns c WHERE c.id = :campaign AND c.tenant_id = :tenant AND c.status = 'running')
       ORDER BY r.status DESC, r.id LIMIT :limit FOR UPDATE OF r SKIP LOCKED),
     upd AS (
       UPDATE campaign_recipients r SET status = 'sending', attempts = r.attempts + 1,
         lease_until = now() + (:lease * interval '1 millisecond'), message_id = COALESCE(r.message_id, gen_random_uuid())
       FROM pick WHERE r.id = pick.id
       RETURNING r.id, r.tenant_id, r.contact_id, r.message_id, r.attempts, pick.prev_status)
     SELECT upd.*, ct.external_id, ct.phone, ct.name, ct.attributes, ct.opted_out_at
     FROM upd JOIN contacts ct ON ct.id = upd.contact_id AND ct.tenant_id = upd.tenant_id`,
    { tenant: tenantId, campaign: campaignId, limit, lease: leaseMs },
  );
  return res.rows;
}

export async function settleRecipient(db: Knex, tenantId: string, id: string, patch: { status: 'sent' | 'failed' | 'skipped'; reason?: string | null; conversationId?: string }) {
  await db('campaign_recipients').where({ tenant_id: tenantId, id, status: 'sending' }).update({
    status: patch.status, reason: patch.reason ?? null, lease_until: null, next_attempt_at: null,
    ...(patch.status === 'sent' ? { sent_at: new Date() } : {}), ...(patch.conversationId ? { conversation_id: patch.conversationId } : {}),
  });
}

/** Back to pending until `at`; `refund` gives the attempt back when the provider never saw it. */
export async function putBack(db: Knex, tenantId: string, id: string, at: Date, refund: boolean) {
  await db('campaign_recipients').where({ tenant_id: tenantId, id, status: 'sending' }).update({
    status: 'pending', lease_until: null, next_attempt_at: at, ...(refund ? { attempts: db.raw('attempts - 1') } : {}),
  });
}

/**
 * A send that ended without the provider's answer stays "sending" for `ms` more: whoever claims it
 * next settles it from the status that echoes its message id, and sends again only without one.
 */
export async function awaitEcho(db: Knex, tenantId: string, id: string, ms: number) {
  await db('campaign_recipients').where({ tenant_id: tenantId, id, status: 'sending' })
    .update({ lease_until: db.raw("now() + (? * interval '1 millisecond')", [ms]) });
}

/**
 * Did the provider take a message whose send's answer we never recorded? Its statuses name our
 * id as callback data. Returns the provider id and the furthest status seen.
 */
export async function evidenceOfSend(db: Knex, tenantId: string, channelId: string, messageId: string): Promise<{ providerMessageId: string; status: string; error: string | null } | null> {
  const rows = await db('inbound_events')
    .where({ tenant_id: tenantId, channel_id: channelId, kind: 'status' })
    .whereRaw("payload->>'callbackData' = ?", [messageId])
    .select(db.raw("payload->>'providerMessageId' AS pid, payload->>'status' AS status, payload->'error' AS error"));
  if (rows.length === 0) return null;
  const rank: Record<string, number> = { sent: 1, delivered: 2, read: 3, failed: 4 };
  type Seen = { pid: string; status: string; error: { code: string; reason: string } | null };
  const best = (rows as Seen[]).reduce((a, b) => ((rank[b.status] ?? 0) > (rank[a.status] ?? 0) ? b : a));
  return { providerMessageId: best.pid, status: best.status, error: best.error ? `${best.error.code}: ${best.error.reason}` : null };
}

/** A conversation a campaign opens is announced as one a customer opens is (store-inbound). */
const CREATED_EVENTS = `INSERT INTO domain_events (tenant_id, type, payload)
  SELECT :tenant, 'conversation.created', jsonb_build_object('conversationId', id, 'contactId', contact_id, 'channelId', :channel::uuid) FROM ins RETURNING 1`;

/**
 * The contact's open conversation on the channel, or a new one: where the campaign message and the
 * reply live. One the campaign opens names it (outreach) and stays out of the inbox lists until the
 * customer answers.
 */
export async function ensureConversation(db: Knex, tenantId: string, channelId: string, contactId: string, campaignId: string | null = null): Promise<string> {
  for (let i = 0; i < 3; i++) {
    const res = await db.raw(
      `WITH existing AS (
         SELECT id FROM conversations WHERE tenant_id = :tenant AND channel_id = :channel AND contact_id = :contact AND status <> 'closed' LIMIT 1),
       ins AS (
         INSERT INTO conversations (tenant_id, channel_id, contact_id, status, last_message_at, outreach_campaign_id)
         SELECT :tenant, :channel, :contact, 'bot', now(), :campaign::uuid WHERE NOT EXISTS (SELECT 1 FROM existing)
         ON CONFLICT (tenant_id, channel_id, contact_id) WHERE status <> 'closed' DO NOTHING
         RETURNING id, contact_id),
       ev AS (${CREATED_EVENTS})
       SELECT id FROM existing UNION ALL SELECT id FROM ins`,
      { tenant: tenantId, channel: channelId, contact: contactId, campaign: campaignId },
    );
    if (res.rows[0]) return res.rows[0].id;
  }
  throw new Error('could not find or open a conversation');
}

/**
 * The conversations of a batch's contacts on the channel, opening the missing ones, in one
 * statement: contact id → conversation id. A contact whose conversation another writer opened at
 * the same moment is missing from the answer; the caller falls back to ensureConversation for it.
 */
export async function ensureConversations(db: Knex, tenantId: string, channelId: string, contactIds: string[], campaignId: string): Promise<Map<string, string>> {
  if (contactIds.length === 0) return new Map();
  const res = await db.raw(
    `WITH wanted AS (SELECT DISTINCT unnest(:contacts::uuid[]) AS contact_id),
     existing AS (
       SELECT DISTINCT ON (contact_id) contact_id, id FROM conversations
       WHERE tenant_id = :tenant AND channel_id = :channel AND contact_id = ANY(:contacts::uuid[]) AND status <> 'closed'),
     ins AS (
       INSERT INTO conversations (tenant_id, channel_id, contact_id, status, last_message_at, outreach_campaign_id)
       SELECT :tenant, :channel, w.contact_id, 'bot', now(), :campaign::uuid FROM wanted w
       WHERE NOT EXISTS (SELECT 1 FROM existing e WHERE e.contact_id = w.contact_id)
       ON CONFLICT (tenant_id, channel_id, contact_id) WHERE status <> 'closed' DO NOTHING
       RETURNING contact_id, id),
     ev AS (${CREATED_EVENTS})
     SELECT contact_id, id FROM existing UNION ALL SELECT contact_id, id FROM ins`,
    { tenant: tenantId, channel: channelId, contacts: contactIds, campaign: campaignId },
  );
  const map = new Map<string, string>((res.rows as Array<{ contact_id: string; id: string }>).map((r) => [r.contact_id, r.id]));
  for (const id of contactIds) if (!map.has(id)) map.set(id, await ensureConversation(db, tenantId, channelId, id, campaignId));
  return map;
}

export type AcceptedSend = { recipientId: string; messageId: string; conversationId: string; providerMessageId: string; text: string; payload: unknown };

/** A campaign's message the provider accepted is announced as the outbox announces a reply it sent. */
const SENT_EVENTS = `INSERT INTO domain_events (tenant_id, type, payload)
  SELECT :tenant, 'message.sent', jsonb_build_object('messageId', id, 'conversationId', conversation_id) FROM msg RETURNING 1`;

/**
 * Records a batch of accepted sends in one statement (so one commit, whatever the batch size):
 * the messages (ours, with the provider's ids), the recipients as sent, the conversations touched
 * and, when the campaign names a flow and none is running there, the flow that answers a reply.
 */
export async function recordSentBatch(db: Knex, c: { tenantId: string; channelId: string; flowId: string | null }, sent: AcceptedSend[]): Promise<void> {
  if (sent.length === 0) return;
  await db.raw(
    `WITH input AS (
       SELECT * FROM unnest(:ids::uuid[], :recipients::uuid[], :convs::uuid[], :texts::text[], :payloads::jsonb[], :pids::text[])
         AS t(id, recipient_id, conv, text, payload, pid)),
     msg AS (
       INSERT INTO messages (id, tenant_id, conversation_id, channel_id, direction, author, type, text, payload, provider_message_id, status, sent_at)
       SELECT id, :tenant, conv, :channel, 'out', 'bot', 'template', text, payload, pid, 'sent', now() FROM input
       ON CONFLICT DO NOTHING RETURNING id, conversation_id),
     sent_ev AS (${SENT_EVENTS}),
     rec AS (
       UPDATE campaign_recipients r SET status = 'sent', reason = NULL, lease_until = NULL, next_attempt_at = NULL, sent_at = now(), conversation_id = i.conv
       FROM input i WHERE r.tenant_id = :tenant AND r.id = i.recipient_id AND r.status IN ('sending', 'pending') RETURNING r.id),
     conv AS (
       UPDATE conversations c SET last_message_at = now(), updated_at = now(),
         flow_id = CASE WHEN :flow::uuid IS NOT NULL AND c.status = 'bot' AND NOT EXISTS (
           SELECT 1 FROM flow_sessions s WHERE s.tenant_id = :tenant AND s.conversation_id = c.id AND s.status = 'active') THEN :flow::uuid ELSE c.flow_id END
       FROM (SELECT DISTINCT conv FROM input) i WHERE c.tenant_id = :tenant AND c.id = i.conv RETURNING c.id)
     SELECT (SELECT count(*) FROM msg)::int AS messages, (SELECT count(*) FROM rec)::int AS recipients, (SELECT count(*) FROM conv)::int AS conversations`,
    {
      tenant: c.tenantId, channel: c.channelId, flow: c.flowId,
      ids: sent.map((x) => x.messageId), recipients: sent.map((x) => x.recipientId), convs: sent.map((x) => x.conversationId),
      texts: sent.map((x) => x.text), payloads: sent.map((x) => JSON.stringify(x.payload)), pids: sent.map((x) => x.providerMessageId),
    },
  );
}

/**
 * Records the accepted send in one transaction: the message (ours, with the provider's id), the
 * recipient as sent, and, when the campaign names a flow and no flow is running, the flow that
 * answers the contact's reply.
 */
export async function recordSent(
  db: Knex,
  r: { tenantId: string; recipientId: string; messageId: string; conversationId: string; channelId: string; flowId: string | null },
  m: { providerMessageId: string; text: string; payload: unknown; status: string; error: string | null },
): Promise<void> {
  await db.transaction(async (trx) => {
    await trx.raw(
      `WITH msg AS (
         INSERT INTO messages (id, tenant_id, conversation_id, channel_id, direction, author, type, text, payload, provider_message_id, status, error, sent_at)
         VALUES (:id, :tenant, :conv, :channel, 'out', 'bot', 'template', :text, :payload, :pid, :status, :error, now())
         ON CONFLICT DO NOTHING RETURNING id, conversation_id)
       ${SENT_EVENTS}`,
      { id: r.messageId, tenant: r.tenantId, conv: r.conversationId, channel: r.channelId, text: m.text, payload: JSON.stringify(m.payload), pid: m.providerMessageId, status: m.status, error: m.error },
    );
    await trx('campaign_recipients').where({ tenant_id: r.tenantId, id: r.recipientId }).whereIn('status', ['sending', 'pending'])
      .update({ status: 'sent', reason: null, lease_until: null, next_attempt_at: null, sent_at: new Date(), conversation_id: r.conversationId });
    await trx('conversations').where({ tenant_id: r.tenantId, id: r.conversationId }).update({ last_message_at: new Date(), updated_at: new Date() });
    if (r.flowId) {
      await trx.raw(
        `UPDATE conversations c SET flow_id = :flow WHERE c.tenant_id = :tenant AND c.id = :conv AND c.status = 'bot'
           AND NOT EXISTS (SELECT 1 FROM flow_sessions s WHERE s.tenant_id = :tenant AND s.conversation_id = c.id AND s.status = 'active')`,
        { flow: r.flowId, tenant: r.tenantId, conv: r.conversationId },
      );
    }
    if (m.status === 'failed') {
      // The provider's failed status arrived before this record (it could not be applied then): its
      // consequences are written here, in the same transaction as the message.
      const tx = forTenant(trx, r.tenantId);
      const code = m.error?.split(':')[0]?.trim() ?? null;
      await publishEvents(tx, [{ type: 'message.failed', payload: { messageId: r.messageId, conversationId: r.conversationId, code, reason: m.error } }]);
      if (isMarketingStop(code)) await optOutOnMarketingStop(tx, r.conversationId);
    }
  });
}

/** Unique people reached by this number's campaigns in the last 24 hours (the messaging tier counts these). */
export async function sentLast24h(db: Knex, tenantId: string, channelId: string): Promise<number> {
  const res = await db.raw(
    `SELECT count(DISTINCT r.contact_id)::int AS n FROM campaign_recipients r JOIN campaigns c ON c.id = r.campaign_id
     WHERE r.tenant_id = :tenant AND c.channel_id = :channel AND r.sent_at > now() - interval '24 hours'`,
    { tenant: tenantId, channel: channelId },
  );
  return res.rows[0].n;
}

/**
 * Unique people reached by campaigns in the last 24 hours from any number of this business account
 * (WABA) in the workspace: WhatsApp's messaging limit is per business portfolio, all its numbers
 * together (reference/whatsapp-templates.md §5). Without an account id, this number's alone.
 */
export async function reachedLast24hInAccount(db: Knex, tenantId: string, channelId: string, businessAccountId: string | null): Promise<number> {
  const res = await db.raw(
    `SELECT count(DISTINCT ct.external_id)::int AS n FROM campaign_recipients r
     JOIN campaigns c ON c.id = r.campaign_id AND c.tenant_id = r.tenant_id
     JOIN channels ch ON ch.id = c.channel_id AND ch.tenant_id = r.tenant_id
     JOIN contacts ct ON ct.id = r.contact_id AND ct.tenant_id = r.tenant_id
     WHERE r.tenant_id = :tenant AND r.sent_at > now() - interval '24 hours'
       AND (c.channel_id = :channel OR (:account::text IS NOT NULL AND ch.config->>'businessAccountId' = :account::text))`,
    { tenant: tenantId, channel: channelId, account: businessAccountId },
  );
  return res.rows[0].n;
}

/** When the campaign next has work: the earliest back-off or lease end; null when nothing is left to send. */
export async function nextDue(db: Knex, tenantId: string, campaignId: string): Promise<Date | null> {
  const res = await db.raw(
    `SELECT min(CASE WHEN status = 'pending' THEN COALESCE(next_attempt_at, now()) ELSE lease_until END) AS at
     FROM campaign_recipients WHERE tenant_id = :tenant AND campaign_id = :campaign AND status IN ('pending', 'sending')`,
    { tenant: tenantId, campaign: campaignId },
  );
  return res.rows[0].at ? new Date(res.rows[0].at) : null;
}
