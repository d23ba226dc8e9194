// The hot path's first statement: one round trip stores a conversation message (from the customer
// or typed on the business phone) and reads what the bot needs to answer it. Contact upsert, the
// conversation (the open one; else the contact's last one reopened, back with the bot, unless the
// message was stored before; else a new one), the message row (deduped on the provider id), its
// domain events, the active session and the tenant's published versions.
import { describeContent, type Locale } from '@zyntra/flows-schema';
import type { TenantDb } from '../db/tenant-db';
import type { ContactRef, InboundContent } from '../channels/channel-adapter';
import { mergeContacts } from './contact-merge.queries';
import type { ContactRow, ConversationRow, SessionRow } from './conversation.queries';
import { canonicalOfProviderPhone } from '../contacts/contact-identity';
import { waIdOf } from '../contacts/phone';
import { prepared } from '../db/prepared';

export type StoredInbound = {
  contact: ContactRow;
  conversation: ConversationRow;
  messageId: string | null;
  session: SessionRow | null;
  published: Array<{ flow_id: string; version_id: string }>;
};

const SQL = `
WITH matching AS (
  -- Two index lookups, not one OR: an OR across the key and the aliases scanned every contact of the channel.
  SELECT id, external_id, created_at FROM contacts
  WHERE tenant_id = :tenant AND channel_id = :channel AND external_id = ANY(CAST(:ids AS text[]))
  UNION
  -- Fenced so only the aliases' GIN index can serve it: the planner otherwise walked the workspace's
  -- prefix of the key index whenever it thought the workspace small (stale or skewed statistics).
  SELECT id, external_id, created_at FROM (
    SELECT id, external_id, created_at, tenant_id, channel_id FROM contacts WHERE aliases && CAST(:ids AS text[]) OFFSET 0) a
  WHERE a.tenant_id = :tenant AND a.channel_id = :channel),
known AS (SELECT id FROM matching ORDER BY (external_id = :ext) DESC, created_at, id LIMIT 1),
-- The contact is locked as an update would lock it (one sender's messages are stored one at a time),
-- but rewritten only when the message tells something new: a returning customer's row otherwise got
-- a new version, and its five search indexes new entries, on every message.
locked AS (
  SELECT c.id, c.external_id, c.phone, c.name, c.tags, c.opted_out_at, c.attributes, false AS inserted,
    c.phone IS DISTINCT FROM COALESCE(:phone, c.phone) OR c.phone_e164 IS DISTINCT FROM COALESCE(:e164, c.phone_e164)
      OR (c.name_edited_at IS NULL AND c.name IS DISTINCT FROM COALESCE(:name, c.name))
      OR NOT (CAST(:ids AS text[]) <@ (c.aliases || c.external_id)) AS stale
  FROM contacts c JOIN known ON c.id = known.id FOR NO KEY UPDATE OF c),
touched AS (
  UPDATE contacts c SET phone = COALESCE(:phone, c.phone), phone_e164 = COALESCE(:e164, c.phone_e164),
    name = CASE WHEN c.name_edited_at IS NULL THEN COALESCE(:name, c.name) ELSE c.name END,
    aliases = CASE WHEN CAST(:ids AS text[]) <@ (c.aliases || c.external_id) THEN c.aliases
      ELSE ARRAY(SELECT DISTINCT a FROM unnest(c.aliases || CAST(:ids AS text[])) a WHERE a <> c.external_id ORDER BY a) END
  FROM locked WHERE c.id = locked.id AND locked.stale
  RETURNING c.id, c.external_id, c.phone, c.name, c.tags, c.opted_out_at, c.attributes, false AS inserted),
found AS (
  SELECT * FROM touched
  UNION ALL
  SELECT id, external_id, phone, name, tags, opted_out_at, attributes, inserted FROM locked WHERE NOT stale),
added AS (
  INSERT INTO contacts (tenant_id, channel_id, external_id, phone, phone_e164, name, aliases)
  SELECT :tenant, :channel, :ext, :phone, :e164, :name, ARRAY(SELECT a FROM unnest(CAST(:ids AS text[])) a WHERE a <> :ext)
  WHERE NOT EXISTS (SELECT 1 FROM known)
  ON CONFLICT (tenant_id, channel_id, external_id) DO UPDATE
    SET phone = COALESCE(EXCLUDED.phone, contacts.phone), phone_e164 = COALESCE(EXCLUDED.phone_e164, contacts.phone_e164),
        name = CASE WHEN contacts.name_edited_at IS NULL THEN COALESCE(EXCLUDED.name, contacts.name) ELSE contacts.name END
  RETURNING id, external_id, phone, name, tags, opted_out_at, attributes, (xmax = 0) AS inserted),
ct AS (SELECT * FROM found UNION ALL SELECT * FROM added),
latest AS (
  -- The contact's last conversation, found by its own index; the update below then takes it by key
  -- (written as one join, the planner walked every conversation of the workspace).
  SELECT l.id FROM ct CROSS JOIN LATERAL (
    SELECT id FROM conversations WHERE tenant_id = :tenant AND channel_id = :channel AND contact_id = ct.id
    ORDER BY created_at DESC, id DESC LIMIT 1) l),
reopened AS (
  -- Times only move forward (GREATEST skips NULL): WhatsApp redelivers a message for days after an
  -- outage, and its old time must not close the 24-hour window or sink the chat in the inbox.
  UPDATE conversations c SET status = 'bot', assignee_id = NULL, flow_id = NULL, snoozed_until = NULL, last_message_at = GREATEST(c.last_message_at, :at),
    last_inbound_at = GREATEST(CASE WHEN :fromContact THEN :at::timestamptz END, c.last_inbound_at),
    unread_count = c.unread_count + CASE WHEN :fromContact THEN 1 ELSE 0 END, updated_at = now()
  -- The row is named by its contact as well as its id (each a value, not a join): whichever index
  -- the planner takes, it reads one contact's chats, even while the statistics have not seen the
  -- workspace (planned as a join, it walked all the workspace's chats).
  WHERE c.tenant_id = :tenant AND c.contact_id = (SELECT id FROM ct) AND c.id = (SELECT id FROM latest) AND c.status = 'closed'
    AND NOT EXISTS (SELECT 1 FROM conversations o WHERE o.tenant_id = :tenant AND o.channel_id = :channel AND o.contact_id = (SELECT id FROM ct)
                    AND o.status <> 'closed')
    -- Not for a message already stored (the same provider id handled again: an operator's retry, or
    -- WhatsApp redelivering once retention purged its inbound event): the customer wrote nothing new.
    AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.tenant_id = :tenant AND m.channel_id = :channel AND m.provider_message_id = :pid)
  RETURNING c.id, c.status, c.contact_id, c.channel_id, c.test_flow_version_id, c.flow_id, false AS created, true AS reopened,
    -- People had it: transferred to them, or taken by an agent (the closed row keeps who held it;
    -- the subquery reads the row as it was before this update).
    c.team_id, (c.transferred_at IS NOT NULL OR (SELECT p.assignee_id FROM conversations p WHERE p.id = c.id) IS NOT NULL) AS had_people,
    false AS woke),
kept AS (
  -- That message again, its chat closed since: the chat stays as it is (neither reopened nor a new one).
  SELECT c.id, c.status, c.contact_id, c.channel_id, c.test_flow_version_id, c.flow_id, false AS created, false AS reopened,
    c.team_id, false AS had_people, false AS woke
  FROM conversations c
  WHERE c.tenant_id = :tenant AND c.contact_id = (SELECT id FROM ct) AND c.id = (SELECT id FROM latest) AND c.status = 'closed'
    AND NOT EXISTS (SELECT 1 FROM conversations o WHERE o.tenant_id = :tenant AND o.channel_id = :channel AND o.contact_id = (SELECT id FROM ct)
                    AND o.status <> 'closed')
    AND EXISTS (SELECT 1 FROM messages m WHERE m.tenant_id = :tenant AND m.channel_id = :channel AND m.provider_message_id = :pid)),
opened AS (
  INSERT INTO conversations (tenant_id, channel_id, contact_id, status, last_message_at, last_inbound_at, unread_count)
  SELECT :tenant, :channel, ct.id, 'bot', :at, CASE WHEN :fromContact THEN :at::timestamptz END, CASE WHEN :fromContact THEN 1 ELSE 0 END
  FROM ct WHERE NOT EXISTS (SELECT 1 FROM reopened) AND NOT EXISTS (SELECT 1 FROM kept)
  ON CONFLICT (tenant_id, channel_id, contact_id) WHERE status <> 'closed' DO UPDATE
    SET last_message_at = GREATEST(EXCLUDED.last_message_at, conversations.last_message_at),
        last_inbound_at = GREATEST(EXCLUDED.last_inbound_at, conversations.last_inbound_at),
        unread_count = conversations.unread_count + EXCLUDED.unread_count, updated_at = now(),
        -- The customer wrote: a snooze ends (the agent's "until they send the receipt" came true).
        -- Not for a message already stored (the same provider id handled again after a crash): the
        -- customer wrote nothing new. Only a snoozed chat pays for that look-up (CASE stops at the first match).
        snoozed_until = CASE WHEN NOT :fromContact OR conversations.snoozed_until IS NULL THEN conversations.snoozed_until
          WHEN EXISTS (SELECT 1 FROM messages m WHERE m.tenant_id = :tenant AND m.channel_id = :channel AND m.provider_message_id = :pid) THEN conversations.snoozed_until
          END
  RETURNING id, status, contact_id, channel_id, test_flow_version_id, flow_id, (xmax = 0) AS created, false AS reopened,
    team_id, false AS had_people,
    -- Whether that ended a running snooze: cleared now, and set into the future before this statement
    -- (the subquery reads the row as it was then).
    (:fromContact AND status = 'human' AND snoozed_until IS NULL
      AND (SELECT p.snoozed_until FROM conversations p WHERE p.id = conversations.id) > now()) AS woke),
cv AS (SELECT * FROM reopened UNION ALL SELECT * FROM opened UNION ALL SELECT * FROM kept),
msg AS (
  INSERT INTO messages (tenant_id, conversation_id, channel_id, direction, author, type, text, payload, raw, provider_message_id, status)
  SELECT :tenant, cv.id, :channel, :direction, :author, :type, :text, :payload, :raw, :pid, :status FROM cv
  ON CONFLICT (channel_id, provider_message_id) DO NOTHING
  RETURNING id),
ev AS (
  INSERT INTO domain_events (tenant_id, type, payload)
  SELECT :tenant, e.type, e.payload FROM cv CROSS JOIN ct CROSS JOIN LATERAL (VALUES
    (0, 'contact.created', jsonb_build_object('contactId', ct.id, 'channelId', :channel::uuid), ct.inserted),
    (1, 'conversation.created', jsonb_build_object('conversationId', cv.id, 'contactId', ct.id, 'channelId', cv.channel_id), cv.created),
    (2, 'conversation.reopened', jsonb_build_object('conversationId', cv.id, 'contactId', ct.id, 'channelId', cv.channel_id, 'status', 'bot',
      'assigneeId', NULL, 'by', NULL, 'previousStatus', 'closed'), cv.reopened),
    -- A message already stored (the same provider id handled again) stored nothing new: nothing to announce.
    (3, :messageEvent, jsonb_build_object('conversationId', cv.id, 'contactId', ct.id, 'messageId', (SELECT id FROM msg)), EXISTS (SELECT 1 FROM msg)),
    (4, 'conversation.updated', jsonb_build_object('conversationId', cv.id, 'snooze', 'snooze_ended', 'snoozedUntil', NULL), cv.woke)
  ) AS e(n, type, payload, keep) WHERE e.keep ORDER BY e.n
  RETURNING 1)
SELECT row_to_json(ct) AS contact, row_to_json(cv) AS conversation, (SELECT id FROM msg) AS message_id,
  (SELECT row_to_json(s) FROM (
     SELECT id, flow_id, flow_version_id, state, expires_at, wake_at, wake_token, wake_kind FROM flow_sessions
     WHERE tenant_id = :tenant AND conversation_id = cv.id AND status = 'active') s) AS session,
  (SELECT coalesce(json_agg(json_build_object('flow_id', f.id, 'version_id', f.published_version_id)), '[]'::json)
     FROM flows f WHERE f.tenant_id = :tenant AND f.published_version_id IS NOT NULL AND f.deleted_at IS NULL) AS published,
  (SELECT count(*) FROM ev) AS events,
  (SELECT count(*) FROM matching)::int AS matches
FROM ct, cv`;

/**
 * `contact`: the customer wrote (unread, opens the 24-hour window). `business_phone`: a person typed
 * on the business's own phone (an agent message, already sent; neither unread nor a customer reply).
 * `system`: a provider notice about the customer (a number change), shown in the thread.
 */
export type Origin = 'contact' | 'business_phone' | 'system';

const AUTHOR: Record<Origin, string> = { contact: 'contact', business_phone: 'agent', system: 'system' };

/**
 * Every id the sender may be known by. The canonical digits of the phone are one of them: a contact
 * imported as +55 11 98888-7777 is the WhatsApp id 551188887777 writing without the ninth digit.
 */
const idsOf = (c: ContactRef, e164: string | null) =>
  [...new Set([c.externalId, c.phone, e164 ? waIdOf(e164) : null].filter((v): v is string => !!v))];

/** The ids a message's sender may be known by, as the statement above matches them. */
export const senderIds = (c: ContactRef) => idsOf(c, canonicalOfProviderPhone(c.phone));

/** What list previews and search read: the customer's words, else the readable text of the type. */
export const storedText = (content: InboundContent) => describeContent(content, STORED_LOCALE);

/**
 * The language of the stored text (list previews, search). The inbox renders each reader's own
 * language from the structured content; workspaces have no language setting yet.
 */
const STORED_LOCALE: Locale = 'pt-BR';

const toDate = (v: unknown) => (v ? new Date(v as string) : null);

export async function storeInbound(
  tx: TenantDb,
  input: { channelId: string; contact: ContactRef; content: InboundContent; providerMessageId: string; at: string; raw?: unknown; messageEvent?: string },
  origin: Origin = 'contact',
): Promise<StoredInbound> {
  const fromContact = origin === 'contact';
  const e164 = canonicalOfProviderPhone(input.contact.phone);
  const res = await tx.raw(SQL, {
    fromContact, direction: origin === 'business_phone' ? 'out' : 'in', author: AUTHOR[origin], status: origin === 'business_phone' ? 'sent' : 'received',
    messageEvent: input.messageEvent ?? (fromContact ? 'message.received' : 'message.created'),
    tenant: tx.tenantId, channel: input.channelId, ext: input.contact.externalId, phone: input.contact.phone, name: input.contact.name,
    ids: idsOf(input.contact, e164), e164,
    at: input.at, type: input.content.type, text: storedText(input.content), payload: JSON.stringify(input.content), pid: input.providerMessageId,
    raw: input.raw === undefined ? null : JSON.stringify(input.raw),
  }).options(prepared('store_inbound'));
  const row = res.rows[0];
  // The same person was already two contacts (seen apart before their ids were linked): merge them now.
  if (row.matches > 1) await mergeContacts(tx, input.channelId, idsOf(input.contact, e164), row.contact.id);
  const contact = { ...row.contact, opted_out_at: toDate(row.contact.opted_out_at) } as ContactRow;
  const session = row.session
    ? ({ ...row.session, expires_at: toDate(row.session.expires_at), wake_at: toDate(row.session.wake_at) } as SessionRow)
    : null;
  return { contact, conversation: row.conversation as ConversationRow, messageId: row.message_id, session, published: row.published };
}
