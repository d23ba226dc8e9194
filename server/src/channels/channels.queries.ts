import type { Knex } from 'knex';
import type { TenantDb } from '../db/tenant-db';

export type ChannelRow = {
  id: string; tenant_id: string; type: string; name: string; config: Record<string, string>; secrets_enc: string | null; status: string; created_at: Date;
  health?: ChannelHealth | null;
};

/** The latest notice the provider sent about the number (docs/message-content.md). */
export type ChannelHealth = { kind: string; code: string | null; message: string; severity: 'info' | 'warning' | 'critical'; at: string };

export async function insertChannel(tdb: TenantDb, row: Pick<ChannelRow, 'type' | 'name' | 'config' | 'secrets_enc' | 'status'>): Promise<ChannelRow> {
  const [created] = await tdb.insert('channels', row).returning('*');
  return created;
}

// The builder's simulator channel is internal: it is not a channel tenants manage.
export const MANAGED_CHANNEL_SQL = "coalesce(config->>'simulator', 'false') <> 'true'";

/** The channels tenants manage (all but the builder's simulator). */
export const managedChannels = (tdb: TenantDb) => tdb.from('channels').whereRaw(MANAGED_CHANNEL_SQL);

export const listChannels = (tdb: TenantDb): Promise<ChannelRow[]> => managedChannels(tdb).orderBy('created_at');

/** The workspace's WhatsApp Cloud channels of these phone number ids (a webhook's other numbers). */
export const whatsappChannelsByNumber = (tdb: TenantDb, phoneNumberIds: string[]): Promise<Array<{ id: string; phone_number_id: string }>> =>
  tdb.from('channels').where({ type: 'whatsapp_cloud' }).whereIn('status', ['active', 'pending'])
    .whereRaw("config->>'phoneNumberId' = ANY(?)", [phoneNumberIds]).select('id', tdb.raw("config->>'phoneNumberId' AS phone_number_id"));

export const findChannel = (tdb: TenantDb, id: string): Promise<ChannelRow | undefined> => tdb.from('channels').where({ id }).first();

/**
 * Provider webhooks name only the channel id in their URL; the row tells which tenant owns it.
 * This is the one lookup that cannot start from a tenant.
 */
export const findChannelForWebhook = (db: Knex, id: string): Promise<ChannelRow | undefined> =>
  // A pending channel (settings not yet confirmed by the provider) still takes Meta's handshake and events.
  db('channels').where({ id }).whereIn('status', ['active', 'pending']).first();

export const updateChannel = (tdb: TenantDb, id: string, patch: Partial<Pick<ChannelRow, 'name' | 'config' | 'secrets_enc' | 'status'>>): Promise<ChannelRow | undefined> =>
  tdb.from('channels').where({ id }).update(patch).returning('*').then((r: ChannelRow[]) => r[0]);

export const deleteChannel = (tdb: TenantDb, id: string): Promise<number> => tdb.from('channels').where({ id }).delete();

/** The number's messaging limit tier (TIER_250…) kept in the channel's settings. */
export async function setMessagingTier(tdb: TenantDb, channelId: string, tier: string): Promise<void> {
  await tdb.from('channels').where({ id: channelId }).update({ config: tdb.raw("config || jsonb_build_object('messagingLimitTier', ?::text)", [tier]) });
}

/** Keeps the provider's latest notice about the number and publishes it, in one statement. */
export async function recordHealth(tdb: TenantDb, channelId: string, health: ChannelHealth): Promise<void> {
  await tdb.raw(
    `WITH upd AS (UPDATE channels SET health = CAST(:health AS jsonb) WHERE tenant_id = :tenant AND id = :id RETURNING id)
     INSERT INTO domain_events (tenant_id, type, payload)
     SELECT :tenant, 'channel.health_changed', jsonb_build_object('channelId', id) || CAST(:health AS jsonb) FROM upd`,
    { tenant: tdb.tenantId, id: channelId, health: JSON.stringify(health) },
  );
}
