// Assigning: take a conversation (or give it to a teammate), move it to a team's queue, or both.
// Two agents taking at once: one UPDATE decides, and the other hears who won.
import type { Knex } from 'knex';
import { forTenant, type TenantDb } from '../db/tenant-db';
import { publishEvents } from '../events/publish';
import { AppError, notFound } from '../http/app-error';
import { admits, isRole, type Role } from '../http/access';
import { heldBy, loadConversation, lockConversation, SUPERVISORS, type Actor } from './conversation-guard';
import { openHandoff } from './handoffs.queries';
import * as q from './inbox.queries';

export type AssignInput = { assigneeId?: string; teamId?: string; takeOver?: boolean };

/** A chat goes only to someone who can open it: a member whose role uses the inbox. */
async function assertCanHoldChats(tx: TenantDb, userId: string): Promise<void> {
  const role = await q.memberRole(tx, userId);
  if (role === undefined) throw notFound('Member');
  if (!isRole(role) || !admits('inbox', role)) {
    throw new AppError('validation_failed', 'This member’s role does not use the inbox: only owners, admins and agents take chats', { field: 'assigneeId' });
  }
}

export async function assign(db: Knex, actor: Actor & { role: Role }, id: string, input: AssignInput) {
  if (input.takeOver && !SUPERVISORS.includes(actor.role)) {
    throw new AppError('forbidden', 'Only owners and admins take over a chat someone else holds; ask them to hand it over', { field: 'takeOver' });
  }
  return forTenant(db, actor.tenantId).transaction(async (tx) => {
    const before = await lockConversation(tx, id);
    if (input.assigneeId) await assertCanHoldChats(tx, input.assigneeId);
    if (input.teamId && !(await q.teamExists(tx, input.teamId))) throw notFound('Team');
    if (input.teamId && !(await q.moveToTeam(tx, id, input.teamId, actor.userId, input.takeOver))) throw await heldBy(tx, id);
    if (input.assigneeId && !(await q.takeConversation(tx, id, input.assigneeId, actor.userId, input.takeOver))) throw await heldBy(tx, id);
    await q.endActiveSessions(tx, id);
    await openHandoff(tx, id); // a bot conversation taken over, or moved to a team, is now in human hands
    const after = await loadConversation(tx, id);
    const view = { id, status: after.status, assigneeId: after.assignee_id, teamId: after.team_id };
    // Assigning to whoever already holds it (a double click, a retry) changes nothing: nothing to announce.
    if (after.status === before.status && after.assignee_id === before.assignee_id && after.team_id === before.team_id) return view;
    await publishEvents(tx, [{
      type: 'conversation.assigned',
      payload: { conversationId: id, status: view.status, assigneeId: view.assigneeId, teamId: view.teamId, by: actor.userId, previousStatus: before.status, previousAssigneeId: before.assignee_id },
    }]);
    return view;
  });
}
