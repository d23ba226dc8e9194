// Automatic assignment's reads and writes, tenant first.
import type { TenantDb } from '../db/tenant-db';
import { ACCESS_LEVELS } from '../http/access';

export type Candidate = { user_id: string; last_assigned_at: Date | null; open_count: number };
export type WaitingRow = { id: string; status: string; assignee_id: string | null; team_id: string | null; test_flow_version_id: string | null };

/** One assignment at a time per workspace, so two transfers cannot both push an agent past the cap. */
export async function lockAssignments(tx: TenantDb): Promise<void> {
  await tx.raw('SELECT pg_advisory_xact_lock(hashtextextended(?, 0))', [`assign:${tx.tenantId}`]);
}

export const lockConversation = (tx: TenantDb, id: string): Promise<WaitingRow | undefined> =>
  tx.from('conversations').where({ id }).forUpdate().first('id', 'status', 'assignee_id', 'team_id', 'test_flow_version_id');

/**
 * The team's members (everyone, without a team) whose role uses the inbox, with their open chats and
 * last automatic assignment. A marketer online in the builder is not someone to hand a chat to.
 */
export function candidates(tx: TenantDb, teamId: string | null): Promise<Candidate[]> {
  const query = tx
    .from('memberships')
    .whereIn('memberships.role', ACCESS_LEVELS.inbox)
    .select('memberships.user_id', 'memberships.last_assigned_at')
    .select(
      tx.raw(`(SELECT count(*) FROM conversations c WHERE c.tenant_id = memberships.tenant_id AND c.assignee_id = memberships.user_id
        AND c.status <> 'closed' AND c.test_flow_version_id IS NULL)::int AS open_count`),
    );
  if (teamId) query.join('team_members', (j) => j.on('team_members.user_id', 'memberships.user_id').andOn('team_members.tenant_id', 'memberships.tenant_id')).where('team_members.team_id', teamId);
  return query;
}

export async function assignTo(tx: TenantDb, conversationId: string, userId: string, at: Date): Promise<void> {
  await tx.from('conversations').where({ id: conversationId }).update({ assignee_id: userId, status: 'human', updated_at: at });
  await tx.from('memberships').where({ user_id: userId }).update({ last_assigned_at: at });
}

/** The workspace's queue: waiting, unowned conversations, longest waiting first. */
export const waitingUnownedQuery = (tx: TenantDb, limit: number) =>
  tx
    .from('conversations')
    .where({ status: 'waiting' })
    .whereNull('assignee_id')
    .whereNull('test_flow_version_id') // a builder's test chat is nobody's to take
    .orderBy('transferred_at')
    .limit(limit)
    .select('id');

export async function waitingUnowned(tx: TenantDb, limit: number): Promise<string[]> {
  const rows: Array<{ id: string }> = await waitingUnownedQuery(tx, limit);
  return rows.map((r) => r.id);
}

/**
 * Who held the chat when it was last closed, if it is back with people because the customer wrote
 * again (its open handoff is a reopening); null otherwise, or if nobody held it then.
 */
export async function previousHolder(tx: TenantDb, conversationId: string): Promise<string | null> {
  const open: { kind: string } | undefined = await tx.from('inbox_handoffs').where({ conversation_id: conversationId }).whereNull('ended_at').first('kind');
  if (open?.kind !== 'reopened') return null;
  const closed: { ended_assignee_id: string | null } | undefined = await tx.from('inbox_handoffs')
    .where({ conversation_id: conversationId, end_reason: 'closed' }).orderBy('ended_at', 'desc').first('ended_assignee_id');
  return closed?.ended_assignee_id ?? null;
}
