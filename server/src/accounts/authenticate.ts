// Session tokens are stateless JWTs, but what they grant is read fresh on every request: the role
// the member holds now (a role change applies at once), and nothing once the member is removed or
// the login was ended (logout, refresh-token replay).
import type { Knex } from 'knex';
import { AppError } from '../http/app-error';
import type { Authenticate, Caller } from '../http/auth';
import { isRole } from '../http/access';
import type { TokenService } from './tokens';

export function sessionAuthenticator(deps: { db: Knex; tokens: TokenService }): Authenticate {
  return async (bearer) => {
    const claims = await deps.tokens.verifyAccess(bearer);
    const row = await deps.db.raw(
      `SELECT m.role, EXISTS (SELECT 1 FROM refresh_tokens r WHERE r.tenant_id = m.tenant_id
         AND r.family_id = ?::uuid AND r.revoked_at IS NOT NULL) AS ended
       FROM memberships m WHERE m.tenant_id = ? AND m.user_id = ?`,
      [claims.familyId ?? null, claims.tenantId, claims.userId],
    ).then((r: { rows: Array<{ role: string; ended: boolean }> }) => r.rows[0]);
    if (!row || row.ended || !isRole(row.role)) throw new AppError('unauthorized', 'This session has ended');
    const caller: Caller = { userId: claims.userId, tenantId: claims.tenantId, role: row.role, familyId: claims.familyId };
    return caller;
  };
}
