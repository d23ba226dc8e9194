// Account rules: sign-up creates a workspace and its owner; login checks an argon2 hash behind
// rate limits per account; refresh rotates the token and revokes the family on replay.
import type { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { forTenant } from '../db/tenant-db';
import { AppError } from '../http/app-error';
import * as q from './accounts.queries';
import type { LoginInput, SignupInput } from './accounts.schemas';
import type { RateLimiter } from '../http/rate-limits';
import { hashPassword, verifyPassword } from './passwords';
import { revokeLogin, type SessionSockets } from './sessions';
import { hashToken, newRefreshToken, type Role, type TokenService } from './tokens';

export type AccountsDeps = { db: Knex; tokens: TokenService; limits: RateLimiter; refreshTtlDays: number; sockets: SessionSockets };

export type Session = {
  token: string;
  refreshToken: string;
  user: { id: string; email: string; name: string };
  workspace: { id: string; name: string };
  role: Role;
};

const publicUser = (u: q.UserRow) => ({ id: u.id, email: u.email, name: u.name });

// A real hash to compare against when the email is unknown, so timing does not reveal accounts.
const dummyHash = hashPassword('not-a-real-password');

export async function signup(deps: AccountsDeps, input: SignupInput): Promise<Session> {
  if (await q.findUserByEmail(deps.db, input.email)) throw new AppError('email_taken', 'This email already has an account');
  const passwordHash = await hashPassword(input.password);
  try {
    const { user, tenantId } = await q.createWorkspaceWithOwner(deps.db, { ...input, passwordHash });
    return issueSession(deps, user, { id: tenantId, name: input.workspaceName }, 'owner', randomUUID());
  } catch (err) {
    if ((err as { code?: string }).code === '23505') throw new AppError('email_taken', 'This email already has an account');
    throw err;
  }
}

export async function login(deps: AccountsDeps, input: LoginInput, ip: string): Promise<Session> {
  // Per address (any email) is counted by the route; here per account, from anywhere and from this address.
  const accountAndIp = `${input.email}|${ip}`;
  await deps.limits.consume('loginPerAccount', input.email);
  await deps.limits.consume('loginPerAccountAndIp', accountAndIp);
  const user = await q.findUserByEmail(deps.db, input.email);
  const ok = user ? await verifyPassword(user.password_hash, input.password) : (await verifyPassword(await dummyHash, input.password), false);
  if (!user || !ok) throw new AppError('invalid_credentials', 'Email or password is incorrect');
  const [workspace] = await q.listWorkspaces(deps.db, user.id);
  if (!workspace) throw new AppError('forbidden', 'This account belongs to no workspace');
  await Promise.all([deps.limits.reset('loginPerAccount', input.email), deps.limits.reset('loginPerAccountAndIp', accountAndIp)]);
  return issueSession(deps, user, workspace, workspace.role, randomUUID());
}

export async function refresh(deps: AccountsDeps, refreshToken: string): Promise<{ token: string; refreshToken: string }> {
  const row = await q.findRefreshToken(deps.db, hashToken(refreshToken));
  const invalid = new AppError('unauthorized', 'Refresh token is invalid or expired');
  if (!row) throw invalid;
  const tdb = forTenant(deps.db, row.tenant_id);
  // Removed from the workspace (which also revoked the login): said as such, so the app tells them
  // they no longer have access there rather than that their session expired.
  const removed = async () => new AppError('unauthorized', 'You are no longer a member of this workspace', { reason: 'removed', workspace: (await q.findTenant(tdb))?.name ?? null });
  if (row.revoked_at || row.expires_at.getTime() < Date.now()) throw (await q.findMembership(tdb, row.user_id)) ? invalid : await removed();
  await deps.limits.consume('refreshPerFamily', row.family_id);
  if (row.used_at || !(await q.markRefreshUsed(tdb, row.id))) {
    // A used token presented again means it leaked: end every session of that login.
    await revokeLogin(deps, row.tenant_id, row.family_id);
    throw invalid;
  }
  const membership = await q.findMembership(tdb, row.user_id);
  const user = await q.findUserById(deps.db, row.user_id);
  if (!membership) throw await removed();
  if (!user) throw invalid;
  const session = await issueSession(deps, user, { id: row.tenant_id, name: '' }, membership.role, row.family_id);
  return { token: session.token, refreshToken: session.refreshToken };
}

/**
 * The caller. An API key answers with its own role (the one its requests are held to) and only its
 * workspace: it belongs to that workspace, not to the person who created it and their other ones.
 */
export async function me(db: Knex, auth: { userId: string; tenantId: string; role: Role; apiKeyId?: string }) {
  const user = await q.findUserById(db, auth.userId);
  const memberships = await q.listWorkspaces(db, auth.userId);
  const workspace = memberships.find((w) => w.id === auth.tenantId);
  if (!user || !workspace) throw new AppError('unauthorized', 'Session no longer valid');
  const workspaces = auth.apiKeyId ? [{ ...workspace, role: auth.role }] : memberships;
  return { user: publicUser(user), workspace: { id: workspace.id, name: workspace.name }, role: auth.role, workspaces };
}

export async function issueSession(
  deps: AccountsDeps,
  user: q.UserRow,
  workspace: { id: string; name: string },
  role: Role,
  familyId: string,
): Promise<Session> {
  const refreshToken = newRefreshToken();
  await q.insertRefreshToken(forTenant(deps.db, workspace.id), {
    user_id: user.id,
    family_id: familyId,
    token_hash: hashToken(refreshToken),
    expires_at: new Date(Date.now() + deps.refreshTtlDays * 86_400_000),
  });
  const token = await deps.tokens.signAccess({ userId: user.id, tenantId: workspace.id, role, familyId });
  return { token, refreshToken, user: publicUser(user), workspace: { id: workspace.id, name: workspace.name }, role };
}

/** Ends the login the refresh token belongs to (its access tokens are refused from now on). */
export async function logout(deps: Pick<AccountsDeps, 'db' | 'sockets'>, refreshToken: string): Promise<void> {
  const row = await q.findRefreshToken(deps.db, hashToken(refreshToken));
  if (row) await revokeLogin(deps, row.tenant_id, row.family_id);
}

/** A new session in another workspace of the same person. */
export async function switchWorkspace(deps: AccountsDeps, auth: { userId: string; apiKeyId?: string }, workspaceId: string) {
  // A key belongs to one workspace; it must never turn into a session of the person who made it.
  if (auth.apiKeyId) throw new AppError('forbidden', 'An API key cannot switch workspaces');
  const workspace = (await q.listWorkspaces(deps.db, auth.userId)).find((w) => w.id === workspaceId);
  const user = await q.findUserById(deps.db, auth.userId);
  if (!workspace || !user) throw new AppError('not_found', 'No workspace with this id');
  const { token, refreshToken, role } = await issueSession(deps, user, workspace, workspace.role, randomUUID());
  return { token, refreshToken, workspace: { id: workspace.id, name: workspace.name }, role };
}
