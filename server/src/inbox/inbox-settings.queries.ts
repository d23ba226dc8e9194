// The workspace's inbox settings live in tenants.settings.inbox.
import type { Knex } from 'knex';
import type { InboxSettings } from './inbox-settings.schemas';

export async function readInboxSettings(db: Knex | Knex.Transaction, tenantId: string): Promise<unknown> {
  // tenants is the root table: its id is the tenant id.
  const row = await db('tenants').where({ id: tenantId }).first(db.raw("settings->'inbox' AS inbox"));
  return row?.inbox ?? null;
}

export async function writeInboxSettings(db: Knex, tenantId: string, settings: InboxSettings): Promise<void> {
  await db('tenants').where({ id: tenantId }).update({ settings: db.raw("jsonb_set(settings, '{inbox}', ?::jsonb)", [JSON.stringify(settings)]) });
}
