// The "nobody picked it up" timeout's reads and writes, tenant first.
import type { TenantDb } from '../db/tenant-db';

export type WaitingState = {
  id: string; status: string; assignee_id: string | null; channel_id: string; transferred_at: Date | null; no_agent_notified_at: Date | null;
};

export const lockConversation = (tx: TenantDb, id: string): Promise<WaitingState | undefined> =>
  tx.from('conversations').where({ id }).forUpdate().first('id', 'status', 'assignee_id', 'channel_id', 'transferred_at', 'no_agent_notified_at');

export const publishedFlow = async (tx: TenantDb, flowId: string) =>
  Boolean(await tx.from('flows').where({ id: flowId }).whereNotNull('published_version_id').whereNull('deleted_at').first('id'));

/** The message to the customer, sent by the outbox like any other; author `system`: neither bot nor agent. */
export async function insertSystemMessage(tx: TenantDb, conv: { id: string; channel_id: string }, text: string): Promise<string> {
  const payload = { text, buttons: [], list: null, media: null, typingDelayMs: 0 };
  const [row] = await tx
    .insert('messages', { conversation_id: conv.id, channel_id: conv.channel_id, direction: 'out', author: 'system', type: 'text', text, payload: JSON.stringify(payload), status: 'pending' })
    .returning('id');
  return row.id;
}
