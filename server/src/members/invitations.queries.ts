// Invitations by link: the token is shown once in the link; only its SHA-256 is kept.
import type { Knex } from 'knex';
import type { TenantDb } from '../db/tenant-db';
import type { Role } from '../http/access';

export type InvitationRow = {
  id: string; tenant_id: string; email: string; role: Role; expires_at: Date; accepted_at: Date | null; revoked_at: Date | null; created_at: Date;
  invited_by: string | null;
};

export const insertInvitation = (tdb: TenantDb, row: { email: string; role: Role; token_hash: string; invited_by: string | null; expires_at: Date }): Promise<InvitationRow> =>
  tdb.insert('invitations', row).returning('*').then((r: InvitationRow[]) => r[0]!);

export const listPendingInvitations = (tdb: TenantDb): Promise<InvitationRow[]> =>
  tdb.from('invitations').whereNull('accepted_at').whereNull('revoked_at').where('expires_at', '>', new Date()).orderBy('created_at', 'desc');

export const revokeInvitation = (tdb: TenantDb, id: string): Promise<number> =>
  tdb.from('invitations').where({ id }).whereNull('accepted_at').whereNull('revoked_at').update({ revoked_at: new Date() });

/** True when someone with this email already belongs to the workspace. */
export const isMemberEmail = async (tdb: TenantDb, email: string): Promise<boolean> =>
  Boolean(await tdb.from('memberships').join('users', 'users.id', 'memberships.user_id').whereRaw('lower(users.email) = lower(?)', [email]).first('users.id'));

/** Revokes the pending invitations of this address (any letter case). */
export const revokePendingFor = (tdb: TenantDb, email: string): Promise<number> =>
  tdb.from('invitations').whereRaw('lower(email) = lower(?)', [email]).whereNull('accepted_at').whereNull('revoked_at').update({ revoked_at: new Date() });

/** The workspace's name and the inviter's (null when unknown or gone). */
export async function invitationParties(tdb: TenantDb, inviterId: string | null): Promise<{ workspace: string; inviter: string | null }> {
  const res = await tdb.raw(
    'SELECT t.name AS workspace, (SELECT u.name FROM users u WHERE u.id = :inviter) AS inviter FROM tenants t WHERE t.id = :tenant',
    { tenant: tdb.tenantId, inviter: inviterId },
  );
  return res.rows[0] as { workspace: string; inviter: string | null };
}

/** Looked up by its hash before the tenant is known; the row names the tenant. */
export const findInvitationByHash = (db: Knex, tokenHash: string): Promise<InvitationRow | undefined> =>
  db('invitations').where({ token_hash: tokenHash }).first();

/** Marks it accepted; false when it was accepted or revoked meanwhile. */
export const markAccepted = (tdb: TenantDb, id: string): Promise<boolean> =>
  tdb.from('invitations').where({ id }).whereNull('accepted_at').whereNull('revoked_at').update({ accepted_at: new Date() }).then((n: number) => n === 1);

/** Adds the membership; an existing one keeps its role (the invitation changes nothing then). */
export async function addMembership(tdb: TenantDb, userId: string, role: Role): Promise<void> {
  await tdb.insert('memberships', { user_id: userId, role }).onConflict(['tenant_id', 'user_id']).ignore();
}
