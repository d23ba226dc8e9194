import type { UiLocale } from '../http/ui-locale';
import type { TenantDb } from '../db/tenant-db';
import type { TriggerConfig } from './try-page';

/** The web-chat visitor a conversation is with, or null when it is on another kind of channel. */
export async function webchatVisitorOf(tdb: TenantDb, conversationId: string): Promise<{ channelId: string; visitorId: string } | null> {
  const row = await tdb
    .from('conversations')
    .join('channels', 'channels.id', 'conversations.channel_id')
    .join('contacts', 'contacts.id', 'conversations.contact_id')
    .where({ 'conversations.id': conversationId, 'channels.type': 'webchat' })
    .first('conversations.channel_id', 'contacts.external_id');
  return row ? { channelId: row.channel_id, visitorId: row.external_id } : null;
}

/** The visitor's latest conversation on this channel (whether it is closed) and its messages, oldest first. */
export async function visitorHistory(tdb: TenantDb, channelId: string, visitorId: string, limit = 100) {
  const conversation = await tdb
    .from('conversations')
    .join('contacts', 'contacts.id', 'conversations.contact_id')
    .where({ 'conversations.channel_id': channelId, 'contacts.external_id': visitorId })
    .orderBy('conversations.created_at', 'desc')
    .first('conversations.id', 'conversations.status');
  if (!conversation) return { closed: false, rows: [] };
  const rows: Array<{ id: string; direction: string; text: string | null; payload: unknown; created_at: Date; author: string; author_name: string | null; api_key_id: string | null }> = await tdb
    .from('messages')
    .leftJoin('users', 'users.id', 'messages.author_user_id')
    .where({ 'messages.conversation_id': conversation.id })
    .whereNot('messages.status', 'failed')
    .whereNot('messages.type', 'note') // agents' internal notes never reach the visitor
    .orderBy([{ column: 'messages.created_at', order: 'desc' }, { column: 'messages.id', order: 'desc' }])
    .limit(limit)
    .select('messages.id', 'messages.direction', 'messages.text', 'messages.payload', 'messages.created_at', 'messages.author', 'users.name as author_name', 'messages.api_key_id');
  return { closed: conversation.status === 'closed', rows: rows.reverse() };
}

/**
 * The workspace's simulator channel, its customers' language set to the tester's: what the product
 * itself writes in a test chat (a wait step's default re-ask) reads as the tester does.
 */
export async function findOrCreateSimulatorChannel(tdb: TenantDb, language: UiLocale): Promise<string> {
  const existing = await tdb.from('channels').where({ type: 'webchat' }).whereRaw("config->>'simulator' = 'true'").first('id', tdb.raw("config->>'language' AS language"));
  if (existing) {
    if (existing.language !== language) await tdb.from('channels').where({ id: existing.id }).update({ config: tdb.raw("config || jsonb_build_object('language', ?::text)", [language]) });
    return existing.id;
  }
  const [created] = await tdb.insert('channels', { type: 'webchat', name: 'Simulator', config: JSON.stringify({ simulator: 'true', language }) }).returning('id');
  return created.id;
}

export async function insertTestRun(
  tdb: TenantDb,
  input: { flowId: string; document: unknown; userId: string; channelId: string; visitorId: string; contactName: string },
): Promise<{ versionId: string; conversationId: string }> {
  const [version] = await tdb
    .insert('flow_versions', { flow_id: input.flowId, version: null, is_test: true, document: JSON.stringify(input.document), published_by: input.userId })
    .returning('id');
  const [contact] = await tdb.insert('contacts', { channel_id: input.channelId, external_id: input.visitorId, name: input.contactName }).returning('id');
  const [conversation] = await tdb
    .insert('conversations', { channel_id: input.channelId, contact_id: contact.id, status: 'bot', test_flow_version_id: version.id, last_message_at: new Date() })
    .returning('id');
  return { versionId: version.id, conversationId: conversation.id };
}

export const findDraft = (tdb: TenantDb, flowId: string): Promise<{ draft: unknown } | undefined> =>
  tdb.from('flows').where({ id: flowId }).whereNull('deleted_at').first('draft');

/** The trigger settings of the workspace's published versions. */
export async function publishedTriggers(tdb: TenantDb): Promise<TriggerConfig[]> {
  const { rows } = await tdb.raw(
    `SELECT n->'config' AS config FROM flows f
       JOIN flow_versions v ON v.id = f.published_version_id AND v.tenant_id = f.tenant_id
       CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(v.document->'nodes') = 'array' THEN v.document->'nodes' ELSE '[]'::jsonb END) n
      WHERE f.tenant_id = ? AND f.deleted_at IS NULL AND n->>'type' = 'trigger'`,
    [tdb.tenantId],
  );
  return (rows as Array<{ config: TriggerConfig | null }>).map((r) => r.config ?? {});
}
