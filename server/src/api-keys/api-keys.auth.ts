// A bearer API key: looked up by its hash on every call, so a revoked key is refused at once.
import type { Knex } from 'knex';
import { hashToken } from '../accounts/tokens';
import { forTenant } from '../db/tenant-db';
import { AppError } from '../http/app-error';
import type { Authenticate } from '../http/auth';
import type { Logger } from '../log/logger';
import { mayGrant } from '../members/invitations.service';
import { findKey, touchKey } from './api-keys.queries';
import { API_KEY_PREFIX } from './api-keys.service';

export const isApiKey = (bearer: string) => bearer.startsWith(API_KEY_PREFIX);

export function apiKeyAuthenticator(deps: { db: Knex; log: Logger }): Authenticate {
  return async (bearer) => {
    const row = bearer.length <= 100 ? await findKey(deps.db, hashToken(bearer)) : undefined;
    // Whoever holds a revoked key held it whole, so saying it was revoked tells them nothing new; an
    // integration that stops working then knows to ask for a new key rather than hunt for a typo.
    if (row?.revoked_at) throw new AppError('unauthorized', 'This API key was revoked: an owner or admin can make a new one under Settings → API keys');
    if (!row || !row.created_by) throw new AppError('unauthorized', 'Invalid API key');
    // A key acts for its creator: it stops when they could no longer create it (left, or their role changed).
    if (!row.creator_role || !mayGrant(row.creator_role, row.role)) throw new AppError('unauthorized', 'This API key was revoked: its creator no longer has the role to use it');
    touchKey(forTenant(deps.db, row.tenant_id), row.id).catch((err) => deps.log.warn({ err: (err as Error).message }, 'api key last-used update failed'));
    // The key acts as its creator would, with the key's own role.
    return { userId: row.created_by, tenantId: row.tenant_id, role: row.role, apiKeyId: row.id };
  };
}

/** Session tokens and API keys, told apart by the key prefix. */
export const eitherCredential = (sessions: Authenticate, keys: Authenticate): Authenticate => (bearer) =>
  (isApiKey(bearer) ? keys : sessions)(bearer);
