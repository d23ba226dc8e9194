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

export async function requestReset(deps: ResetDeps, email: string, locale: MailLocale = 'en'): Promise<void> {
  const user = await q.findUserByEmail(deps.db, email);
  if (!user) return;
  const token = randomBytes(32).toString('base64url');
  await deps.db('password_resets').insert({ user_id: user.id, token_hash: hashToken(token), expires_at: new Date(Date.now() + RESET_TTL_MS) });
  const link = `${deps.publicUrl()}/reset-password?token=${token}`;
  await deps.mailer.send({ to: user.email, ...mailText(locale, { kind: 'password_reset' }, link), link });
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
