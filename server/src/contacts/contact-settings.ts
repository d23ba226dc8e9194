// The workspace's default country for phone numbers written without a country code (imports).
import type { Knex } from 'knex';
import { forTenant } from '../db/tenant-db';
import { defaultCountry } from './contacts.queries';

export async function getContactSettings(db: Knex, tenantId: string) {
  return { defaultCountry: await defaultCountry(forTenant(db, tenantId)) };
}

export async function putContactSettings(db: Knex, tenantId: string, input: { defaultCountry: string }) {
  await db('tenants').where({ id: tenantId }).update({ default_country: input.defaultCountry });
  return getContactSettings(db, tenantId);
}
