// API keys: only the SHA-256 of a key is stored, with a hint of its last characters.
import type { Knex } from 'knex';
import type { TenantDb } from '../db/tenant-db';
import type { Role } from '../http/access';

export type ApiKeyRow = {
  id: string; tenant_id: string; name: string; role: Role; key_hint: string; created_by: string | null;
  last_used_at: Date | null; revoked_at: Date | null; created_at: Date;
};

export const insertApiKey = (tdb: TenantDb, row: { name: string; role: Role; key_hash: string; key_hint: string; created_by: string }): Promise<ApiKeyRow> =>
  tdb.insert('api_keys', row).returning('*').then((r: ApiKeyRow[]) => r[0]!);

export const listApiKeys = (tdb: TenantDb): Promise<ApiKeyRow[]> =>
  tdb.from('api_keys').whereNull('revoked_at').orderBy('created_at', 'desc');

export const revokeApiKey = (tdb: TenantDb, id: string): Promise<ApiKeyRow | undefined> =>
  tdb.from('api_keys').where({ id }).whereNull('revoked_at').update({ revoked_at: new Date() }).returning('*').then((r: ApiKeyRow[]) => r[0]);

/**
 * Looked up by hash before the tenant is known, revoked or not (a revoked key is refused as such);
 * the row names the tenant, and its creator's role there now (null: no longer a member).
 */
export const findKey = (db: Knex, keyHash: string): Promise<(ApiKeyRow & { creator_role: Role | null }) | undefined> =>
  db('api_keys')
    .leftJoin('memberships', (j) => j.on('memberships.tenant_id', 'api_keys.tenant_id').andOn('memberships.user_id', 'api_keys.created_by'))
    .where({ 'api_keys.key_hash': keyHash })
    .first('api_keys.*', 'memberships.role as creator_role');

/** At most one write a minute per key, so a busy integration does not write on every call. */
export async function touchKey(tdb: TenantDb, id: string): Promise<void> {
  await tdb.from('api_keys').where({ id })
    .where((b) => b.whereNull('last_used_at').orWhere('last_used_at', '<', tdb.raw("now() - interval '1 minute'")))
    .update({ last_used_at: tdb.raw('now()') });
}
