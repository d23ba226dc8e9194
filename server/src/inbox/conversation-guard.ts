// Loading a conversation for an action, and the 409 that says who holds it.
import type { TenantDb } from '../db/tenant-db';
import { AppError, notFound } from '../http/app-error';
import type { Role } from '../http/access';
import * as q from './inbox.queries';

/** `apiKeyId`: the caller is the business's own system, through an API key acting for its creator. */
export type Actor = { tenantId: string; userId: string; apiKeyId?: string };

/** Who may act on a chat someone else holds: the workspace's supervisors. */
export const SUPERVISORS: readonly Role[] = ['owner', 'admin'];

export async function loadConversation(tx: TenantDb, id: string): Promise<q.ConversationState> {
  const conv = await q.findConversationState(tx, id);
  if (!conv) throw notFound('Conversation');
  return conv;
}

/**
 * The same, locked until the transaction ends: an action that announces "from this state to that
 * one" reads a state nobody changes meanwhile, so a double click announces one change, not two.
 */
export async function lockConversation(tx: TenantDb, id: string): Promise<q.ConversationState> {
  const conv = await q.findConversationState(tx, id, true);
  if (!conv) throw notFound('Conversation');
  return conv;
}

/** 409 naming who won, so the client can say "Bruno took it first". */
export async function heldBy(tx: TenantDb, id: string): Promise<AppError> {
  const now = await loadConversation(tx, id);
  if (now.status === 'closed') return new AppError('conflict', 'This conversation is closed', { status: 'closed', assigneeId: now.assignee_id, assigneeName: null });
  const assigneeName = now.assignee_id ? await q.memberName(tx, now.assignee_id) : null;
  return new AppError('conflict', `${assigneeName ?? 'Someone else'} took this conversation first`, { status: now.status, assigneeId: now.assignee_id, assigneeName });
}

/**
 * An agent hands back or closes only a chat nobody holds, or their own: else closing a colleague's
 * chat and reopening it (which makes it the reopener's) would take it from them.
 */
export async function assertMayLetGo(tx: TenantDb, conv: q.ConversationState, actor: Actor & { role: Role }): Promise<void> {
  if (conv.assignee_id && conv.assignee_id !== actor.userId && !SUPERVISORS.includes(actor.role)) throw await heldBy(tx, conv.id);
}
