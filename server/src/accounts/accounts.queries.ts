// Every knex call of the accounts module. Users are global (one person may join several
// workspaces); everything else goes through a TenantDb.
import type { Knex } from 'knex';
import { forTenant, type TenantDb } from '../db/tenant-db';
import type { Role } from '../http/access';

export type UserRow = { id: string; email: string; name: string; password_hash: string };
export type WorkspaceRow = { id: string; name: string; role: Role };

export const findUserByEmail = (db: Knex, email: string): Promise<UserRow | undefined> =>
  db('users').whereRaw('lower(email) = lower(?)', [email]).first();

export const findUserById = (db: Knex, id: string): Promise<UserRow | undefined> => db('users').where({ id }).first();

export const listWorkspaces = (db: Knex, userId: string): Promise<WorkspaceRow[]> =>
  db('memberships as m')
    .join('tenants as t', 't.id', 'm.tenant_id')
    .where('m.user_id', userId)
    .orderBy('m.created_at')
    .select('t.id', 't.name', 'm.role');

/** Users are global: one person, one account, any number of workspaces. */
export const insertUser = (db: Knex, input: { email: string; name: string; passwordHash: string }): Promise<UserRow> =>
  db('users').insert({ email: input.email, name: input.name, password_hash: input.passwordHash }).returning('*').then((r: UserRow[]) => r[0]!);

export async function renameUser(db: Knex, userId: string, name: string): Promise<UserRow | undefined> {
  const [row] = await db('users').where({ id: userId }).update({ name }).returning('*');
  return row as UserRow | undefined;
}

/** The logins (refresh-token families) of a user in this workspace that are still live, but for `keep`. */
export async function liveFamilies(tdb: TenantDb, userId: string, keep: string | undefined): Promise<string[]> {
  const rows = await tdb.from('refresh_tokens').where({ user_id: userId }).whereNull('revoked_at')
    .modify((b) => { if (keep) void b.whereNot({ family_id: keep }); }).distinct('family_id');
  return rows.map((r: { family_id: string }) => r.family_id);
}

export async function setPassword(db: Knex, userId: string, passwordHash: string): Promise<void> {
  await db('users').where({ id: userId }).update({ password_hash: passwordHash });
}

export async function createWorkspaceWithOwner(
  db: Knex,
  input: { workspaceName: string; name: string; email: string; passwordHash: string },
): Promise<{ user: UserRow; tenantId: string }> {
  return db.transaction(async (trx) => {
    const [tenant] = await trx('tenants').insert({ name: input.workspaceName }).returning('id');
    const [user] = await trx('users')
      .insert({ email: input.email, name: input.name, password_hash: input.passwordHash })
      .returning('*');
    const tdb = forTenant(trx, tenant.id);
    await tdb.insert('memberships', { user_id: user.id, role: 'owner' });
    await tdb.insert('audit_logs', { actor_user_id: user.id, action: 'workspace.created', target_type: 'tenant', target_id: tenant.id });
    return { user, tenantId: tenant.id };
  });
}

export const findMembership = (tdb: TenantDb, userId: string): Promise<{ role: Role } | undefined> =>
  tdb.from('memberships').where({ user_id: userId }).first('role');

export const findTenant = (tdb: TenantDb): Promise<{ id: string; name: string } | undefined> =>
  // tenants is the root table: its own id is the tenant id.
  tdb.raw('SELECT id, name FROM tenants WHERE id = ?', [tdb.tenantId]).then((r) => r.rows[0]);

export async function insertRefreshToken(
  tdb: TenantDb,
  row: { user_id: string; family_id: string; token_hash: string; expires_at: Date },
): Promise<void> {
  await tdb.insert('refresh_tokens', row);
}

export type RefreshRow = {
  id: string; tenant_id: string; user_id: string; family_id: string; expires_at: Date; used_at: Date | null; revoked_at: Date | null;
};

/** Looked up by its hash before the tenant is known; the row names the tenant. */
export const findRefreshToken = (db: Knex, tokenHash: string): Promise<RefreshRow | undefined> =>
  db('refresh_tokens').where({ token_hash: tokenHash }).first();

/** Marks the token used; false when another request used it first (a replay or a race). */
export async function markRefreshUsed(tdb: TenantDb, id: string): Promise<boolean> {
  const n = await tdb.from('refresh_tokens').where({ id }).whereNull('used_at').update({ used_at: new Date() });
  return n === 1;
}

export async function revokeFamily(tdb: TenantDb, familyId: string): Promise<void> {
  await tdb.from('refresh_tokens').where({ family_id: familyId }).whereNull('revoked_at').update({ revoked_at: new Date() });
}

/** Ends every login of a user in this workspace (the member was removed). */
export async function revokeUserTokens(tdb: TenantDb, userId: string): Promise<void> {
  await tdb.from('refresh_tokens').where({ user_id: userId }).whereNull('revoked_at').update({ revoked_at: new Date() });
}

export async function isFamilyRevoked(tdb: TenantDb, familyId: string): Promise<boolean> {
  return Boolean(await tdb.from('refresh_tokens').where({ family_id: familyId }).whereNotNull('revoked_at').first('id'));
}
