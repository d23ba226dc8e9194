// Password reset by a one-time token sent by email. Asking never reveals whether the email has an
// account; using the token sets the password and ends every login of that person, everywhere.
import type { Knex } from 'knex';
import { randomBytes } from 'node:crypto';
import { AppError } from '../http/app-error';
import * as q from './accounts.queries';
import type { Mailer } from './mailer';
import { mailText, type MailLocale } from './mail-text';
import { hashPassword } from './passwords';
import { endMemberSessions, type SessionSockets } from './sessions';
import { hashToken } from './tokens';

const RESET_TTL_MS = 60 * 60_000;

export type ResetDeps = { db: Knex; mailer: Mailer; publicUrl: () => string; sockets: SessionSockets };

/** A new one-time link (one hour) with which that user chooses a new password; only its hash is stored. */
export async function createResetLink(db: Knex, publicUrl: string, userId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db('password_resets').insert({ user_id: userId, token_hash: hashToken(token), expires_at: new Date(Date.now() + RESET_TTL_MS) });
  return `${publicUrl}/reset-password?token=${token}`;
}

/** Mails a link when the email has an account. `sendsEmail` depends on this server's setup only (SMTP_URL),
 * never on the address, so the answer still does not reveal whether it has an account. */
export async function requestReset(deps: ResetDeps, email: string, locale: MailLocale = 'en'): Promise<{ sendsEmail: boolean }> {
  const sendsEmail = deps.mailer.delivers !== false;
  const user = await q.findUserByEmail(deps.db, email);
  if (!user) return { sendsEmail };
  const link = await createResetLink(deps.db, deps.publicUrl(), user.id);
  await deps.mailer.send({ to: user.email, ...mailText(locale, { kind: 'password_reset' }, link), link });
  return { sendsEmail };
}

export async function confirmReset(deps: ResetDeps, input: { token: string; password: string }): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  const userId = await deps.db.transaction(async (trx) => {
    const [row] = await trx('password_resets')
      .where({ token_hash: hashToken(input.token) }).whereNull('used_at').where('expires_at', '>', new Date())
      .update({ used_at: new Date() }).returning('user_id');
    if (!row) throw new AppError('not_found', 'This reset link is not valid any more');
    await q.setPassword(trx, row.user_id, passwordHash);
    return row.user_id as string;
  });
  for (const w of await q.listWorkspaces(deps.db, userId)) await endMemberSessions(deps, w.id, userId);
}

/** For whoever runs the server (`npm run password:reset-link`): a link for that email, or undefined when it has no account. */
export async function resetLinkForEmail(db: Knex, publicUrl: string, email: string): Promise<string | undefined> {
  const user = await q.findUserByEmail(db, email);
  return user && createResetLink(db, publicUrl, user.id);
}
