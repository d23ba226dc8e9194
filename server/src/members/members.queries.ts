// The workspace's members for the inbox: who they are, their teams and how many open chats they hold.
import type { TenantDb } from '../db/tenant-db';
import type { Role } from '../http/access';

export type MemberRow = { user_id: string; email: string; name: string; role: string; team_ids: string[]; open_count: number };

export const listMembers = (tdb: TenantDb): Promise<MemberRow[]> =>
  tdb
    .from('memberships')
    .join('users', 'users.id', 'memberships.user_id')
    .select('memberships.user_id', 'users.email', 'users.name', 'memberships.role')
    .select(
      tdb.raw(`COALESCE((SELECT array_agg(tm.team_id ORDER BY tm.team_id) FROM team_members tm
        WHERE tm.tenant_id = memberships.tenant_id AND tm.user_id = memberships.user_id), '{}') AS team_ids`),
      tdb.raw(`(SELECT count(*) FROM conversations c WHERE c.tenant_id = memberships.tenant_id AND c.assignee_id = memberships.user_id
        AND c.status <> 'closed' AND c.test_flow_version_id IS NULL)::int AS open_count`),
    )
    .orderBy('users.name');

export const findMemberRole = (tdb: TenantDb, userId: string): Promise<{ role: Role } | undefined> =>
  tdb.from('memberships').where({ user_id: userId }).first('role');

export const countOwners = (tdb: TenantDb): Promise<number> =>
  tdb.from('memberships').where({ role: 'owner' }).count<{ n: string }[]>('* as n').then((r) => Number(r[0]!.n));

export async function setMemberRole(tdb: TenantDb, userId: string, role: Role): Promise<void> {
  await tdb.from('memberships').where({ user_id: userId }).update({ role });
}

/** Their team seats go: a role without the inbox (a marketer) is never given a team's chats. */
export async function leaveTeams(tdb: TenantDb, userId: string): Promise<void> {
  await tdb.from('team_members').where({ user_id: userId }).delete();
}

/** Revokes the live API keys this member created with a role they may no longer hand out; returns them. */
export async function revokeKeysBeyond(tdb: TenantDb, userId: string, keptRoles: readonly Role[]): Promise<Array<{ id: string; name: string; role: Role }>> {
  return tdb.from('api_keys').where({ created_by: userId }).whereNull('revoked_at').whereNotIn('role', [...keptRoles])
    .update({ revoked_at: new Date() }).returning(['id', 'name', 'role']);
}

/** The membership and its team seats go, open conversations they held go back to the queue, and
 * the API keys they created stop working. */
export async function deleteMember(tdb: TenantDb, userId: string): Promise<void> {
  await tdb.from('team_members').where({ user_id: userId }).delete();
  await tdb.from('conversations').where({ assignee_id: userId }).whereNot({ status: 'closed' }).update({ assignee_id: null });
  await tdb.from('memberships').where({ user_id: userId }).delete();
  await tdb.from('api_keys').where({ created_by: userId }).whereNull('revoked_at').update({ revoked_at: new Date() });
}
