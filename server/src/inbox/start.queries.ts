// Where an agent's first message to a customer goes: the contact's conversation on the channel.
import type { TenantDb } from '../db/tenant-db';

/** The contact's open conversation on the channel, else its latest closed one; null when it has none. */
export async function latestConversation(tx: TenantDb, channelId: string, contactId: string): Promise<{ id: string; status: string } | null> {
  const row = await tx.from('conversations').where({ channel_id: channelId, contact_id: contactId })
    .orderByRaw("(status <> 'closed') DESC, created_at DESC, id DESC").first('id', 'status');
  return row ?? null;
}

/** A new conversation held by the agent who writes first. */
export async function insertStartedConversation(tx: TenantDb, channelId: string, contactId: string, assigneeId: string): Promise<string> {
  const [row] = await tx.insert('conversations', {
    channel_id: channelId, contact_id: contactId, status: 'human', assignee_id: assigneeId, last_message_at: new Date(),
  }).returning(['id']);
  return row.id;
}
