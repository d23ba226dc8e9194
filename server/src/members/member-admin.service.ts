// Changing a member's role and removing a member. A workspace always keeps an owner, only an owner
// touches an owner, and a removed member's logins and sockets end at once. A changed role changes
// what their open sockets receive.
import type { Knex } from 'knex';
import { endMemberSessions, type SessionSockets } from '../accounts/sessions';
import { recordAudit } from '../audit/audit.queries';
import { forTenant, type TenantDb } from '../db/tenant-db';
import { AppError } from '../http/app-error';
import type { Caller } from '../http/auth';
import { ACCESS_LEVELS, ROLES, type Role } from '../http/access';
import { assertMayGrant, mayGrant } from './invitations.service';
import * as q from './members.queries';

export type MemberAdminDeps = { db: Knex; sockets: SessionSockets };

async function targetRole(tx: TenantDb, caller: Caller, userId: string): Promise<Role> {
  const target = await q.findMemberRole(tx, userId);
  if (!target) throw new AppError('not_found', 'No member with this id');
  if (target.role === 'owner' && caller.role !== 'owner') throw new AppError('forbidden', 'Only an owner can change an owner');
  return target.role;
}

async function assertOwnerLeft(tx: TenantDb, from: Role): Promise<void> {
  if (from === 'owner' && (await q.countOwners(tx)) <= 1) throw new AppError('conflict', 'A workspace needs at least one owner');
}

export async function changeRole(deps: MemberAdminDeps, caller: Caller, userId: string, role: Role) {
  assertMayGrant(caller, role);
  const revoked = await forTenant(deps.db, caller.tenantId).transaction(async (tx): Promise<number | null> => {
    // Serialises concurrent demotions so two owners cannot demote each other to none.
    await tx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`members:${caller.tenantId}`]);
    const from = await targetRole(tx, caller, userId);
    if (from === role) return null;
    if (role !== 'owner') await assertOwnerLeft(tx, from);
    await q.setMemberRole(tx, userId, role);
    // Teams hold only people who use the inbox (teams.service.ts): a new marketer leaves theirs.
    if (!(ACCESS_LEVELS.inbox as readonly Role[]).includes(role)) await q.leaveTeams(tx, userId);
    await recordAudit(tx, { actorUserId: caller.userId, action: 'member.role_changed', targetType: 'user', targetId: userId, data: { from, to: role } });
    // A key acts for its creator: one with a role the creator may no longer hand out stops now.
    const keys = await q.revokeKeysBeyond(tx, userId, ROLES.filter((r) => mayGrant(role, r)));
    for (const key of keys) {
      await recordAudit(tx, { actorUserId: caller.userId, action: 'api_key.revoked', targetType: 'api_key', targetId: key.id, data: { name: key.name, role: key.role, reason: 'creator_role_changed' } });
    }
    return keys.length;
  });
  // Their open sockets receive from now on what the new role may see (the API reads the role per request).
  if (revoked !== null) deps.sockets.applyRole(caller.tenantId, userId, role);
  return { userId, role, revokedApiKeys: revoked ?? 0 };
}

export async function removeMember(deps: MemberAdminDeps, caller: Caller, userId: string): Promise<void> {
  await forTenant(deps.db, caller.tenantId).transaction(async (tx) => {
    await tx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`members:${caller.tenantId}`]);
    const from = await targetRole(tx, caller, userId);
    await assertOwnerLeft(tx, from);
    await q.deleteMember(tx, userId);
    await recordAudit(tx, { actorUserId: caller.userId, action: 'member.removed', targetType: 'user', targetId: userId, data: { role: from } });
  });
  await endMemberSessions(deps, caller.tenantId, userId);
}
