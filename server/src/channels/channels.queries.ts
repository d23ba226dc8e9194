import type { Knex } from 'knex';
import type { TenantDb } from '../db/tenant-db';

export type ChannelRow = {
  id: string; tenant_id: string; type: string; name: string; config: Record<string, string>; secrets_enc: string | null; status: string; created_at: Date;
};

export async function insertChannel(tdb: TenantDb, row: Pick<ChannelRow, 'type' | 'name' | 'config' | 'secrets_enc'>): Promise<ChannelRow> {
  const [created] = await tdb.insert('channels', row).returning('*');
  return created;
}

// The builder's simulator channel is internal: it is not a channel tenants manage.
export const listChannels = (tdb: TenantDb): Promise<ChannelRow[]> =>
  tdb.from('channels').whereRaw("coalesce(config->>'simulator', 'false') <> 'true'").orderBy('created_at');

export const findChannel = (tdb: TenantDb, id: string): Promise<ChannelRow | undefined> => tdb.from('channels').where({ id }).first();

/**
 * Provider webhooks name only the channel id in their URL; the row tells which tenant owns it.
 * This is the one lookup that cannot start from a tenant.
 */
export const findChannelForWebhook = (db: Knex, id: string): Promise<ChannelRow | undefined> =>
  db('channels').where({ id, status: 'active' }).first();
