// The signed-in person's own account: the name their team sees, and their password. Changing the
// password asks for the current one (counted like failed logins) and ends every other login of that
// person, in every workspace, as a reset does; the login that changed it stays signed in.
import { ZodError } from 'zod';
import { AppError } from '../http/app-error';
import type { RateLimiter } from '../http/rate-limits';
import * as q from './accounts.queries';
import { hashPassword, verifyPassword } from './passwords';
import { endOtherLogins, type SessionDeps } from './sessions';
import type { AccessClaims } from './tokens';

type Caller = AccessClaims & { apiKeyId?: string };
export type ProfileDeps = SessionDeps & { limits: RateLimiter };

/** An API key acts for the workspace, never as the person who made it. */
function person(auth: Caller): string {
  if (auth.apiKeyId) throw new AppError('forbidden', "An API key cannot change a person's account");
  return auth.userId;
}

export async function renameMe(deps: Pick<ProfileDeps, 'db'>, auth: Caller, name: string) {
  const user = await q.renameUser(deps.db, person(auth), name);
  if (!user) throw new AppError('unauthorized', 'Session no longer valid');
  return { user: { id: user.id, email: user.email, name: user.name } };
}

const wrongPassword = () =>
  new ZodError([{ code: 'custom', path: ['currentPassword'], message: 'The current password is not right', params: { reason: 'wrong_password' }, input: undefined }]);

export async function changePassword(deps: ProfileDeps, auth: Caller, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const user = await q.findUserById(deps.db, person(auth));
  if (!user) throw new AppError('unauthorized', 'Session no longer valid');
  await deps.limits.consume('loginPerAccount', user.email);
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) throw wrongPassword();
  await q.setPassword(deps.db, user.id, await hashPassword(input.newPassword));
  await deps.limits.reset('loginPerAccount', user.email);
  await endOtherLogins(deps, user.id, auth.familyId);
}
