// What a typing indicator needs to reach the customer, tenant first.
import type { TenantDb } from '../db/tenant-db';

export type TypingTarget = { id: string; channel_id: string; external_id: string; phone: string | null; reply_to: string | null };

/** WhatsApp accepts a read receipt up to 30 days after the message. */
export const typingTarget = (tdb: TenantDb, conversationId: string): Promise<TypingTarget | undefined> =>
  tdb
    .from('conversations')
    .join('contacts', 'contacts.id', 'conversations.contact_id')
    .where('conversations.id', conversationId)
    .first(
      'conversations.id', 'conversations.channel_id', 'contacts.external_id', 'contacts.phone',
      tdb.raw(`(SELECT m.provider_message_id FROM messages m WHERE m.tenant_id = conversations.tenant_id AND m.conversation_id = conversations.id
        AND m.direction = 'in' AND m.provider_message_id IS NOT NULL AND m.created_at > now() - interval '30 days'
        ORDER BY m.created_at DESC LIMIT 1) AS reply_to`),
    );

export async function userName(tdb: TenantDb, userId: string): Promise<string | null> {
  const row = await tdb.from('memberships').join('users', 'users.id', 'memberships.user_id').where('memberships.user_id', userId).first('users.name');
  return row?.name ?? null;
}

/** The visitor's open conversation on this web-chat channel. */
export async function visitorConversation(tdb: TenantDb, channelId: string, visitorId: string): Promise<string | null> {
  const row = await tdb
    .from('conversations')
    .join('contacts', 'contacts.id', 'conversations.contact_id')
    .where({ 'conversations.channel_id': channelId, 'contacts.external_id': visitorId })
    .whereNot('conversations.status', 'closed')
    .first('conversations.id');
  return row?.id ?? null;
}
