// Every knex call of the contacts module, tenant first.
import type { TenantDb } from '../db/tenant-db';

export type ContactRow = {
  id: string; channel_id: string; external_id: string; name: string | null; phone: string | null; tags: string[];
  attributes: Record<string, unknown>; opted_out_at: Date | null; created_at: Date;
};

const COLUMNS = ['id', 'channel_id', 'external_id', 'name', 'phone', 'tags', 'attributes', 'opted_out_at', 'created_at'];

export const findContact = (tdb: TenantDb, id: string): Promise<ContactRow | undefined> => tdb.from('contacts').where({ id }).first(...COLUMNS);

/** Attributes merge (a null value removes its key); more than 200 keys in all are refused by the caller's check. */
export async function updateContact(
  tdb: TenantDb,
  id: string,
  input: { name?: string | null; tags?: string[]; set: Record<string, unknown>; remove: string[] },
): Promise<ContactRow | undefined> {
  const values: Record<string, unknown> = {};
  // A name typed by an agent is kept: the customer's profile name no longer overwrites it.
  if (input.name !== undefined) Object.assign(values, { name: input.name, name_edited_at: input.name === null ? null : new Date() });
  if (input.tags !== undefined) values.tags = input.tags;
  if (Object.keys(input.set).length || input.remove.length) {
    values.attributes = tdb.raw('(attributes || ?::jsonb) - ?::text[]', [JSON.stringify(input.set), input.remove]);
  }
  const [row] = await tdb.from('contacts').where({ id }).update(values).returning(COLUMNS);
  return row;
}

export async function latestConversationId(tdb: TenantDb, contactId: string): Promise<string | null> {
  const row = await tdb.from('conversations').where({ contact_id: contactId }).orderBy('created_at', 'desc').first('id');
  return row?.id ?? null;
}
