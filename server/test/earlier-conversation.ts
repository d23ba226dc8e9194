// A contact's earlier, closed conversation, as a workspace keeps it after the customer wrote on
// another number or two contacts were merged: written straight to the database, `daysAgo` back, its
// messages a minute apart (customer first, then by turns the agent, or `assigneeId`'s replies).
import type pg from 'pg';

type Earlier = { tenantId: string; channelId: string; contactId: string; texts: string[]; daysAgo: number; assigneeId?: string | null };

export async function earlierConversation(db: pg.Client, e: Earlier): Promise<{ id: string; messageIds: string[] }> {
  const at = (i: number) => new Date(Date.now() - e.daysAgo * 86_400_000 + i * 60_000);
  const conv = await db.query(
    `INSERT INTO conversations (tenant_id, channel_id, contact_id, status, assignee_id, last_message_at, last_inbound_at, created_at)
     VALUES ($1, $2, $3, 'closed', $4, $5, $6, $6) RETURNING id`,
    [e.tenantId, e.channelId, e.contactId, e.assigneeId ?? null, at(e.texts.length - 1), at(0)],
  );
  const id = conv.rows[0].id as string;
  const messageIds: string[] = [];
  for (const [i, text] of e.texts.entries()) {
    const fromContact = i % 2 === 0;
    const msg = await db.query(
      `INSERT INTO messages (tenant_id, conversation_id, channel_id, direction, author, type, text, payload, status, author_user_id, created_at)
       VALUES ($1, $2, $3, $4, $5, 'text', $6, $7, $8, $9, $10) RETURNING id`,
      [e.tenantId, id, e.channelId, fromContact ? 'in' : 'out', fromContact ? 'contact' : 'agent', text, { type: 'text', text },
        fromContact ? 'received' : 'read', fromContact ? null : e.assigneeId ?? null, at(i)],
    );
    messageIds.push(msg.rows[0].id);
  }
  return { id, messageIds };
}
