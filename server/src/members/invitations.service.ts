// Inviting people into a workspace and accepting: the link creates the account, or adds the
// workspace to the account that already has that email (after its password is checked).
import type { Knex } from 'knex';
import { randomBytes, randomUUID } from 'node:crypto';
import { issueSession, type AccountsDeps, type Session } from '../accounts/accounts.service';
import * as accounts from '../accounts/accounts.queries';
import type { Mailer } from '../accounts/mailer';
import { mailText, type MailLocale } from '../accounts/mail-text';
import { hashPassword, verifyPassword } from '../accounts/passwords';
import { hashToken } from '../accounts/tokens';
import { recordAudit } from '../audit/audit.queries';
import { forTenant } from '../db/tenant-db';
import type { Caller } from '../http/auth';
import { AppError } from '../http/app-error';
import type { Role } from '../http/access';
import * as q from './invitations.queries';
import { assertRoomFor } from '../limits/workspace-caps';

const INVITATION_TTL_MS = 7 * 86_400_000;

export type InvitationDeps = { db: Knex; mailer: Mailer; publicUrl: () => string };

export const invitationView = (row: q.InvitationRow) =>
  ({ id: row.id, email: row.email, role: row.role, expiresAt: row.expires_at.toISOString(), createdAt: row.created_at.toISOString() });

/**
 * Who may hand out a role, to a person or to an API key: owners any, admins any but owner. An API
 * key keeps working only while its creator still may (api-keys.auth.ts).
 */
export const mayGrant = (granter: Role, role: Role): boolean => granter === 'owner' || (granter === 'admin' && role !== 'owner');

/** Only an owner hands out the owner role. */
export function assertMayGrant(caller: Caller, role: Role): void {
  if (role === 'owner' && caller.role !== 'owner') throw new AppError('forbidden', 'Only an owner can make someone an owner');
}

export async function invite(deps: InvitationDeps, caller: Caller, input: { email: string; role: Role }, locale: MailLocale = 'en') {
  assertMayGrant(caller, input.role);
  const token = randomBytes(32).toString('base64url');
  const tdb = forTenant(deps.db, caller.tenantId);
  const row = await tdb.transaction(async (tx) => {
    // One invitation of an address at a time: two at once would each revoke none and both stay pending.
    await tx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`invitations:${caller.tenantId}:${input.email.toLowerCase()}`]);
    if (await q.isMemberEmail(tx, input.email)) {
      throw new AppError('conflict', 'This person is already a member of the workspace; change their role in the list instead', { reason: 'already_member', field: 'email' });
    }
    // Inviting the same address again sends a fresh link in place of the one still pending: the list
    // keeps one invitation per person, and only the newest link works.
    const replaced = (await q.revokePendingFor(tx, input.email)) > 0;
    await assertRoomFor(tx, 'pendingInvitations');
    const created = await q.insertInvitation(tx, {
      email: input.email, role: input.role, token_hash: hashToken(token), invited_by: caller.userId, expires_at: new Date(Date.now() + INVITATION_TTL_MS),
    });
    await recordAudit(tx, { actorUserId: caller.userId, action: 'member.invited', targetType: 'invitation', targetId: created.id, data: { email: input.email, role: input.role } });
    return { ...created, replaced };
  });
  const url = `${deps.publicUrl()}/accept-invitation?token=${token}`;
  const who = await q.invitationParties(tdb, caller.userId);
  await deps.mailer.send({ to: input.email, ...mailText(locale, { kind: 'invitation', workspace: who.workspace, inviter: who.inviter }, url), link: url });
  // `replaced` lets the screen say the earlier link stopped working, rather than swap it silently;
  // `emailed`, whether an email went out at all (no SMTP: the link shown is the only way in).
  return { ...invitationView(row), url, replaced: row.replaced, emailed: deps.mailer.delivers !== false };
}

/** The invitation a link's token names, while it can still be accepted; 404 once used, revoked or expired. */
async function liveInvitation(db: Knex, token: string): Promise<q.InvitationRow> {
  const row = await q.findInvitationByHash(db, hashToken(token));
  if (!row || row.accepted_at || row.revoked_at || row.expires_at.getTime() < Date.now()) {
    throw new AppError('not_found', 'This invitation is not valid any more');
  }
  return row;
}

/** What the invitation page shows before anyone signs in: whose workspace, who invited, which email. */
export async function previewInvitation(db: Knex, token: string) {
  const row = await liveInvitation(db, token);
  const who = await q.invitationParties(forTenant(db, row.tenant_id), row.invited_by);
  return { email: row.email, role: row.role, workspace: { name: who.workspace }, invitedBy: who.inviter ? { name: who.inviter } : null, expiresAt: row.expires_at.toISOString() };
}

export async function revoke(deps: { db: Knex }, caller: Caller, id: string): Promise<void> {
  const tdb = forTenant(deps.db, caller.tenantId);
  await tdb.transaction(async (tx) => {
    if ((await q.revokeInvitation(tx, id)) !== 1) throw new AppError('not_found', 'No pending invitation with this id');
    await recordAudit(tx, { actorUserId: caller.userId, action: 'invitation.revoked', targetType: 'invitation', targetId: id });
  });
}

export async function accept(deps: AccountsDeps, input: { token: string; name: string; password: string }): Promise<Session> {
  const row = await liveInvitation(deps.db, input.token);
  const existing = await accounts.findUserByEmail(deps.db, row.email);
  if (existing && !(await verifyPassword(existing.password_hash, input.password))) {
    throw new AppError('invalid_credentials', 'This email already has an account: enter its password to join');
  }
  const passwordHash = existing ? null : await hashPassword(input.password);
  const user = await deps.db.transaction(async (trx) => {
    const tx = forTenant(trx, row.tenant_id);
    if (!(await q.markAccepted(tx, row.id))) throw new AppError('not_found', 'This invitation is not valid any more');
    const u = existing ?? (await accounts.insertUser(trx, { email: row.email, name: input.name, passwordHash: passwordHash! }));
    await q.addMembership(tx, u.id, row.role);
    await recordAudit(tx, { actorUserId: u.id, action: 'member.joined', targetType: 'user', targetId: u.id, data: { role: row.role, invitationId: row.id } });
    return u;
  });
  const tdb = forTenant(deps.db, row.tenant_id);
  const membership = await accounts.findMembership(tdb, user.id);
  const workspace = await accounts.findTenant(tdb);
  return issueSession(deps, user, workspace!, membership!.role, randomUUID());
}
