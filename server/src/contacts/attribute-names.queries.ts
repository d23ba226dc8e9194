// The workspace's spelling of each attribute name (contact_attribute_names): the first spelling
// written is kept, and a name never seen is recorded as written.
import { attributeNameKey } from '@zyntra/flows-schema';
import type { TenantDb } from '../db/tenant-db';
import { otherSpellings, type Spellings } from './attribute-spelling';

/** The spellings the workspace has for these names (a name it has not seen is absent). */
export async function knownSpellings(tdb: TenantDb, names: Iterable<string>): Promise<Spellings> {
  const keys = [...new Set([...names].map(attributeNameKey))];
  if (keys.length === 0) return new Map();
  const rows: Array<{ folded: string; name: string }> = await tdb.from('contact_attribute_names').whereIn('folded', keys).select('folded', 'name');
  return new Map(rows.map((r) => [r.folded, r.name]));
}

/**
 * The spellings of names about to be written, recording those the workspace has not seen. Two
 * writers of a new name at once: the second waits on the first's row and reads its spelling (keys
 * taken in order, so two writers never wait on each other).
 */
export async function workspaceSpellings(tdb: TenantDb, names: Iterable<string>): Promise<Spellings> {
  const wanted = new Map<string, string>();
  for (const name of names) if (!wanted.has(attributeNameKey(name))) wanted.set(attributeNameKey(name), name);
  if (wanted.size === 0) return new Map();
  const keys = [...wanted.keys()].sort();
  await tdb.raw(
    `INSERT INTO contact_attribute_names (tenant_id, folded, name)
     SELECT ?, f, n FROM unnest(?::text[], ?::text[]) AS u(f, n) ON CONFLICT (tenant_id, folded) DO NOTHING`,
    [tdb.tenantId, keys, keys.map((k) => wanted.get(k)!)],
  );
  return knownSpellings(tdb, keys);
}

/**
 * A flow's Actions step sets one attribute: under the workspace's spelling, dropping the contact's
 * other spellings of it. Returns the name it went under. A builder's test chat reads the spellings
 * but records none: its contact is nobody the workspace keeps.
 */
export async function setContactAttribute(tdb: TenantDb, c: { contactId: string; name: string; value: string; record: boolean }): Promise<string> {
  const { contactId, name, value } = c;
  const spellings = c.record ? await workspaceSpellings(tdb, [name]) : await knownSpellings(tdb, [name]);
  const spelled = spellings.get(attributeNameKey(name)) ?? name;
  const held = await tdb.from('contacts').where({ id: contactId }).first('attributes');
  const drop = otherSpellings(held?.attributes ?? {}, [spelled]);
  await tdb.from('contacts').where({ id: contactId })
    .update({ attributes: tdb.raw('(attributes - ?::text[]) || jsonb_build_object(?::text, ?::text)', [drop, spelled, value]) });
  return spelled;
}
