// Automatic assignment: a transferred conversation goes to an ONLINE agent of its team (any member
// without a team) who holds fewer open chats than the workspace's cap, the one assigned longest ago
// first (round-robin). A customer who wrote again after their chat was closed goes back to the agent
// who closed it, if they are eligible: they know the story. Nobody eligible: it waits, and the queue
// is tried again when an agent comes online or finishes a chat (and by the sweeper).
import type { Knex } from 'knex';
import { forTenant, type TenantDb } from '../db/tenant-db';
import { publishEvents } from '../events/publish';
import type { Logger } from '../log/logger';
import type { PresenceStatus, PresenceStore } from '../presence/presence.store';
import * as q from './auto-assign.queries';
import { getInboxSettings } from './inbox-settings.service';

export type AssignDeps = { db: Knex; presence: PresenceStore; log: Logger };

async function pickAgent(deps: AssignDeps, tx: TenantDb, teamId: string | null, cap: number, previous: string | null): Promise<string | null> {
  const people = await q.candidates(tx, teamId);
  const presence = await deps.presence.get(tx.tenantId, people.map((p) => p.user_id)).catch((err) => {
    deps.log.warn({ err: (err as Error).message }, 'presence unavailable; nobody is assigned automatically');
    return new Map<string, PresenceStatus>();
  });
  const eligible = people
    .filter((p) => presence.get(p.user_id) === 'online' && p.open_count < cap)
    .sort((a, b) => (a.last_assigned_at?.getTime() ?? 0) - (b.last_assigned_at?.getTime() ?? 0) || a.user_id.localeCompare(b.user_id));
  return (eligible.find((p) => p.user_id === previous) ?? eligible[0])?.user_id ?? null;
}

/** Assigns one waiting conversation if the workspace wants it and someone can take it; returns who. */
export async function autoAssign(deps: AssignDeps, tenantId: string, conversationId: string): Promise<string | null> {
  const settings = await getInboxSettings(deps.db, tenantId);
  if (!settings.autoAssign) return null;
  return forTenant(deps.db, tenantId).transaction(async (tx) => {
    await q.lockAssignments(tx);
    const conv = await q.lockConversation(tx, conversationId);
    if (!conv || conv.status !== 'waiting' || conv.assignee_id || conv.test_flow_version_id) return null;
    const previous = await q.previousHolder(tx, conversationId);
    const agent = await pickAgent(deps, tx, conv.team_id, settings.maxOpenPerAgent, previous);
    if (!agent) return null;
    await q.assignTo(tx, conversationId, agent, new Date());
    await publishEvents(tx, [{
      type: 'conversation.assigned',
      payload: { conversationId, status: 'human', assigneeId: agent, teamId: conv.team_id, by: null, auto: true, returning: agent === previous, previousStatus: 'waiting', previousAssigneeId: null },
    }]);
    return agent;
  });
}

/** Works through the workspace's queue, longest waiting first; returns how many were assigned. */
export async function assignQueue(deps: AssignDeps, tenantId: string, limit = 20): Promise<number> {
  if (!(await getInboxSettings(deps.db, tenantId)).autoAssign) return 0;
  let assigned = 0;
  for (const id of await q.waitingUnowned(forTenant(deps.db, tenantId), limit)) {
    if (await autoAssign(deps, tenantId, id)) assigned++;
  }
  return assigned;
}
