// Handoffs: each stretch of a conversation in human hands, for the response-time report. Opened
// when a flow transfers (or an agent takes a bot conversation), closed when it is closed, handed
// back, or returned to a flow because nobody took it. At most one is open per conversation.
// Its kind says what opened it: only a transfer (the bot's chat going to people) is one in the
// reports; a closed chat back with people, or one a member started, is a stretch but no transfer.
import type { TenantDb } from '../db/tenant-db';

export type EndReason = 'closed' | 'handback' | 'no_agent';
/**
 * `transfer`: the bot had the chat (a flow's transfer step; a member taking, answering or moving a bot
 * chat). `reopened`: a closed chat back with people (the customer wrote again and no flow answered,
 * or a member reopened it). `started`: a member wrote first in a new conversation.
 */
export type HandoffKind = 'transfer' | 'reopened' | 'started';

/**
 * Starts a handoff for the conversation's current team, unless one is open (a move between teams
 * keeps the open one, with the new team, and its kind). Call it after updating the conversation.
 */
export async function openHandoff(tx: TenantDb, conversationId: string, at = new Date(), kind: HandoffKind = 'transfer'): Promise<void> {
  await tx.raw(
    `INSERT INTO inbox_handoffs (tenant_id, conversation_id, team_id, started_at, kind)
     SELECT :t, id, team_id, :at, :kind FROM conversations WHERE tenant_id = :t AND id = :c
     ON CONFLICT (tenant_id, conversation_id) WHERE ended_at IS NULL DO UPDATE SET team_id = EXCLUDED.team_id`,
    { t: tx.tenantId, c: conversationId, at, kind },
  );
}

/** The first human reply of the open handoff (opening one if an agent answered a bot conversation directly). */
export async function recordReply(tx: TenantDb, conversationId: string, userId: string, at = new Date()): Promise<void> {
  await tx.raw(
    `INSERT INTO inbox_handoffs (tenant_id, conversation_id, team_id, started_at, first_reply_at, first_reply_by)
     SELECT :t, :c, team_id, :at, :at, :u FROM conversations WHERE tenant_id = :t AND id = :c
     ON CONFLICT (tenant_id, conversation_id) WHERE ended_at IS NULL DO UPDATE
       SET first_reply_at = COALESCE(inbox_handoffs.first_reply_at, EXCLUDED.first_reply_at),
           first_reply_by = COALESCE(inbox_handoffs.first_reply_by, EXCLUDED.first_reply_by)`,
    { t: tx.tenantId, c: conversationId, u: userId, at },
  );
}

export async function endHandoff(tx: TenantDb, conversationId: string, reason: EndReason, assigneeId: string | null, at = new Date()): Promise<void> {
  await tx.from('inbox_handoffs').where({ conversation_id: conversationId }).whereNull('ended_at')
    .update({ ended_at: at, end_reason: reason, ended_assignee_id: assigneeId });
}
