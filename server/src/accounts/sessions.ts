// Ending sessions: a login (refresh-token family) revoked on replay, or every login of a member
// removed from a workspace. Access tokens are stateless, so the realtime sockets opened with them
// are dropped as well, on every API process, and refused when they try to come back.
import type { Knex } from 'knex';
import { forTenant } from '../db/tenant-db';
import * as q from './accounts.queries';
import type { AccessClaims } from './tokens';
import type { Role } from '../http/access';

/** What the realtime layer offers to drop sockets (RealtimeEmitter satisfies it). */
export type SessionSockets = {
  disconnectUser(tenantId: string, userId: string): void;
  disconnectFamily(familyId: string): void;
  /** Moves the user's open sockets to the rooms of a new role (what they receive live). */
  applyRole(tenantId: string, userId: string, role: Role): void;
};

export type SessionDeps = { db: Knex; sockets: SessionSockets };

export async function revokeLogin(deps: SessionDeps, tenantId: string, familyId: string): Promise<void> {
  await q.revokeFamily(forTenant(deps.db, tenantId), familyId);
  deps.sockets.disconnectFamily(familyId);
}

/** For the member-removal code: call after the membership row is gone. */
export async function endMemberSessions(deps: SessionDeps, tenantId: string, userId: string): Promise<void> {
  await q.revokeUserTokens(forTenant(deps.db, tenantId), userId);
  deps.sockets.disconnectUser(tenantId, userId);
}

/** After a password change: every other login of the person, in each of their workspaces, ends; `keep` (the one that changed it) stays. */
export async function endOtherLogins(deps: SessionDeps, userId: string, keep: string | undefined): Promise<void> {
  for (const w of await q.listWorkspaces(deps.db, userId)) {
    for (const family of await q.liveFamilies(forTenant(deps.db, w.id), userId, keep)) await revokeLogin(deps, w.id, family);
  }
}

/**
 * A valid access token may outlive its session: the role the member holds now, or null when they are
 * no longer a member or the login was revoked.
 */
export async function sessionRole(db: Knex, auth: AccessClaims): Promise<Role | null> {
  const tdb = forTenant(db, auth.tenantId);
  const membership = await q.findMembership(tdb, auth.userId);
  if (!membership) return null;
  return auth.familyId && (await q.isFamilyRevoked(tdb, auth.familyId)) ? null : membership.role;
}
