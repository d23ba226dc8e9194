// Teams group agents; a flow's transfer step names a team by id, and automatic assignment picks
// among its members. Members must belong to the workspace and use the inbox.
import type { Knex } from 'knex';
import { forTenant, type TenantDb } from '../db/tenant-db';
import { AppError, notFound } from '../http/app-error';
import { isUniqueViolation } from '../db/pg-errors';
import * as q from './teams.queries';
import type { UpdateTeam } from './teams.schemas';
import { withRoomFor } from '../limits/workspace-caps';

const view = (t: q.TeamRow) => ({ id: t.id, name: t.name, memberIds: t.member_ids, createdAt: new Date(t.created_at).toISOString() });

/**
 * A team's chats are answered in the inbox: a stranger, or a member whose role has no inbox (a
 * marketer), would hold seats and show in its counts while never seeing a chat, so both are refused.
 */
async function checkMembers(tdb: TenantDb, ids: string[]) {
  const found = new Set(await q.inboxMembers(tdb, ids));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) {
    throw new AppError('validation_failed', 'Only members of this workspace who use the inbox (owners, admins, agents) can be in a team', { field: 'memberIds', memberIds: missing });
  }
}

async function checkName(tdb: TenantDb, name: string, exceptId?: string) {
  if (await q.nameTaken(tdb, name, exceptId)) throw new AppError('conflict', `A team named "${name}" already exists`);
}

export async function listTeams(db: Knex, tenantId: string) {
  return { items: (await q.listTeams(forTenant(db, tenantId))).map(view) };
}

export async function getTeam(db: Knex, tenantId: string, id: string) {
  const team = await q.findTeam(forTenant(db, tenantId), id);
  if (!team) throw notFound('Team');
  return view(team);
}

/** A name taken by a concurrent request shows up as the unique index's refusal. */
const nameRace = (name: string) => (err: unknown): never => {
  if (isUniqueViolation(err)) throw new AppError('conflict', `A team named "${name}" already exists`);
  throw err;
};

export async function createTeam(db: Knex, tenantId: string, input: { name: string; memberIds: string[] }) {
  const id = await withRoomFor(forTenant(db, tenantId), 'teams', async (tx) => {
    await checkName(tx, input.name);
    await checkMembers(tx, input.memberIds);
    const teamId = await q.insertTeam(tx, input.name);
    await q.setMembers(tx, teamId, input.memberIds);
    return teamId;
  }).catch(nameRace(input.name));
  return getTeam(db, tenantId, id);
}

export async function updateTeam(db: Knex, tenantId: string, id: string, input: UpdateTeam) {
  await forTenant(db, tenantId).transaction(async (tx) => {
    if (!(await q.findTeam(tx, id))) throw notFound('Team');
    if (input.name !== undefined) {
      await checkName(tx, input.name, id);
      await q.renameTeam(tx, id, input.name);
    }
    if (input.memberIds !== undefined) {
      await checkMembers(tx, input.memberIds);
      await q.setMembers(tx, id, input.memberIds);
    }
  }).catch(nameRace(input.name ?? ''));
  return getTeam(db, tenantId, id);
}

/**
 * Conversations of a deleted team keep going, without a team (the foreign key sets the id to null);
 * the name a transfer step kept beside it goes too, or lists would still name the team.
 */
export async function deleteTeam(db: Knex, tenantId: string, id: string) {
  await forTenant(db, tenantId).transaction(async (tx) => {
    await q.forgetTeamName(tx, id);
    if (!(await q.deleteTeam(tx, id))) throw notFound('Team');
  });
}
