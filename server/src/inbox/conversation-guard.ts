// Loading a conversation for an action, and the 409 that says who holds it.
import type { TenantDb } from '../db/tenant-db';
import { AppError, notFound } from '../http/app-error';
import * as q from './inbox.queries';

export type Actor = { tenantId: string; userId: string };

export async function loadConversation(tx: TenantDb, id: string): Promise<q.ConversationState> {
  const conv = await q.findConversationState(tx, id);
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
