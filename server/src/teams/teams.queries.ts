// Every knex call of the teams module, tenant first.
import type { TenantDb } from '../db/tenant-db';
import { ACCESS_LEVELS } from '../http/access';

export type TeamRow = { id: string; name: string; member_ids: string[]; created_at: Date };

const withMembers = (tdb: TenantDb) =>
  tdb
    .from('teams')
    .select('teams.id', 'teams.name', 'teams.created_at')
    .select(
      tdb.raw(`COALESCE((SELECT array_agg(tm.user_id ORDER BY tm.user_id) FROM team_members tm
        WHERE tm.tenant_id = teams.tenant_id AND tm.team_id = teams.id), '{}') AS member_ids`),
    );

export const listTeams = (tdb: TenantDb): Promise<TeamRow[]> => withMembers(tdb).orderBy('teams.name');

export const findTeam = (tdb: TenantDb, id: string): Promise<TeamRow | undefined> => withMembers(tdb).where('teams.id', id).first();

/** Which of `userIds` are members of the workspace whose role uses the inbox (a team's chats reach them). */
export async function inboxMembers(tdb: TenantDb, userIds: string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows: Array<{ user_id: string }> = await tdb.from('memberships').whereIn('user_id', userIds).whereIn('role', ACCESS_LEVELS.inbox).select('user_id');
  return rows.map((r) => r.user_id);
}

export const nameTaken = async (tdb: TenantDb, name: string, exceptId?: string) =>
  Boolean(await tdb.from('teams').whereRaw('lower(name) = lower(?)', [name]).modify((q) => exceptId && q.whereNot('id', exceptId)).first('id'));

export async function insertTeam(tdb: TenantDb, name: string): Promise<string> {
  const [row] = await tdb.insert('teams', { name }).returning('id');
  return row.id;
}

export async function renameTeam(tdb: TenantDb, id: string, name: string): Promise<void> {
  await tdb.from('teams').where({ id }).update({ name });
}

export async function setMembers(tdb: TenantDb, teamId: string, userIds: string[]): Promise<void> {
  await tdb.from('team_members').where({ team_id: teamId }).delete();
  if (userIds.length) await tdb.insert('team_members', userIds.map((user_id) => ({ team_id: teamId, user_id })));
}

/** The team's name as transfer steps kept it on its conversations. */
export const forgetTeamName = async (tdb: TenantDb, teamId: string) => {
  await tdb.from('conversations').where({ team_id: teamId }).whereNotNull('team').update({ team: null });
};

export const deleteTeam = async (tdb: TenantDb, id: string) => (await tdb.from('teams').where({ id }).delete()) > 0;
