// The knex calls of renaming and deleting a contact field: each one statement over every contact
// of the workspace that holds it, however many there are. Keys are folded (attributeNameKey) by the
// caller, not by Postgres's lower(), which folds only ASCII under the C locale.
import { attributeNameKey } from '@zyntra/flows-schema';
import type { TenantDb } from '../db/tenant-db';

/** Every spelling the workspace's contacts hold of these names (folded keys), "Cidade" and "cidade" both. */
export async function heldSpellings(tdb: TenantDb, keys: readonly string[]): Promise<string[]> {
  const { rows } = await tdb.raw(
    'SELECT DISTINCT k FROM contacts c, jsonb_object_keys(c.attributes) k WHERE c.tenant_id = ? AND c.erased_at IS NULL',
    [tdb.tenantId],
  );
  return (rows as Array<{ k: string }>).map((r) => r.k).filter((k) => keys.includes(attributeNameKey(k)));
}

/**
 * Every contact holding one of `order`'s keys ends with one key, `to`, whose value is the first of
 * `order` it held. Returns how many contacts changed and how many of them held one of `kept` and
 * one of `dropped` both (the value under `dropped` was let go).
 */
export async function moveValues(
  tdb: TenantDb,
  m: { to: string; order: string[]; kept: string[]; dropped: string[] },
): Promise<{ contacts: number; merged: number }> {
  const touched = m.order.filter((k) => k !== m.to);
  if (touched.length === 0) return { contacts: 0, merged: 0 };
  const { rows } = await tdb.raw(
    `WITH changed AS (
       UPDATE contacts c
          SET attributes = (c.attributes - ?::text[]) || jsonb_build_object(?::text,
                (SELECT c.attributes -> u.k FROM unnest(?::text[]) WITH ORDINALITY AS u(k, i) WHERE c.attributes \\? u.k ORDER BY u.i LIMIT 1))
         FROM contacts old
        WHERE old.id = c.id AND c.tenant_id = ? AND c.erased_at IS NULL AND c.attributes \\?| ?::text[]
        RETURNING old.attributes \\?| ?::text[] AND old.attributes \\?| ?::text[] AS merged
     )
     SELECT count(*)::int AS contacts, count(*) FILTER (WHERE changed.merged)::int AS merged FROM changed`,
    [m.order, m.to, m.order, tdb.tenantId, touched, m.kept, m.dropped],
  );
  return rows[0];
}

/** Removes these keys from every contact of the workspace; returns how many contacts held one. */
export async function removeKeys(tdb: TenantDb, keys: string[]): Promise<number> {
  if (keys.length === 0) return 0;
  return tdb.from('contacts').whereNull('erased_at').whereRaw('attributes \\?| ?::text[]', [keys])
    .update({ attributes: tdb.raw('attributes - ?::text[]', [keys]) });
}

/** The workspace's recorded spelling of a name (folded key), if any. */
export async function recordedSpelling(tdb: TenantDb, key: string): Promise<string | undefined> {
  const row = await tdb.from('contact_attribute_names').where({ folded: key }).forUpdate().first('name');
  return row?.name;
}

/** The recorded spellings of these names are forgotten, and `name` (when given) recorded as written. */
export async function respellRecord(tdb: TenantDb, drop: string[], name?: string): Promise<void> {
  await tdb.from('contact_attribute_names').whereIn('folded', drop).delete();
  if (name !== undefined) await tdb.insert('contact_attribute_names', { folded: attributeNameKey(name), name });
}

export type FlowDocuments = { id: string; name: string; draft: unknown; published: unknown };

/** Every flow's draft and published document (deleted flows left out), by name. */
export const flowDocuments = (tdb: TenantDb): Promise<FlowDocuments[]> =>
  tdb.from('flows').whereNull('flows.deleted_at').leftJoin('flow_versions as pv', 'pv.id', 'flows.published_version_id')
    .select('flows.id', 'flows.name', 'flows.draft', 'pv.document as published').orderBy('flows.name');

/** Every name the workspace has recorded a spelling for. */
export const recordedNames = (tdb: TenantDb): Promise<string[]> =>
  tdb.from('contact_attribute_names').pluck('name');
