// Creating, listing and revoking a workspace's API keys. The key is returned once, at creation;
// it acts on the API exactly like a session of its role (see api-keys.auth.ts).
import type { Knex } from 'knex';
import { randomBytes } from 'node:crypto';
import { hashToken } from '../accounts/tokens';
import { recordAudit } from '../audit/audit.queries';
import { forTenant } from '../db/tenant-db';
import { AppError } from '../http/app-error';
import type { Caller } from '../http/auth';
import type { Role } from '../http/access';
import { assertMayGrant } from '../members/invitations.service';
import * as q from './api-keys.queries';
import { withRoomFor } from '../limits/workspace-caps';

export const API_KEY_PREFIX = 'zk_';

export const keyView = (row: q.ApiKeyRow) => ({
  id: row.id, name: row.name, role: row.role, hint: row.key_hint,
  lastUsedAt: row.last_used_at?.toISOString() ?? null, createdAt: row.created_at.toISOString(),
});

export async function createKey(db: Knex, caller: Caller, input: { name: string; role: Role }) {
  assertMayGrant(caller, input.role);
  const key = API_KEY_PREFIX + randomBytes(32).toString('base64url');
  const row = await withRoomFor(forTenant(db, caller.tenantId), 'apiKeys', async (tx) => {
    const created = await q.insertApiKey(tx, { name: input.name, role: input.role, key_hash: hashToken(key), key_hint: key.slice(-4), created_by: caller.userId });
    await recordAudit(tx, { actorUserId: caller.userId, action: 'api_key.created', targetType: 'api_key', targetId: created.id, data: { name: input.name, role: input.role } });
    return created;
  });
  return { ...keyView(row), key };
}

export async function revokeKey(db: Knex, caller: Caller, id: string): Promise<void> {
  await forTenant(db, caller.tenantId).transaction(async (tx) => {
    const row = await q.revokeApiKey(tx, id);
    if (!row) throw new AppError('not_found', 'No API key with this id');
    await recordAudit(tx, { actorUserId: caller.userId, action: 'api_key.revoked', targetType: 'api_key', targetId: id, data: { name: row.name } });
  });
}

export const listKeys = async (db: Knex, tenantId: string) => ({ items: (await q.listApiKeys(forTenant(db, tenantId))).map(keyView) });
