// Every knex call of the contacts module, tenant first. Erased contacts (LGPD) stay as anonymous rows
// so their conversations keep a contact; they are invisible here, as are the builder's test chats.
import type { TenantDb } from '../db/tenant-db';
import { foldedLike, likePattern } from '../db/text-search';
import { waIdOf } from './phone';

export type ContactRow = {
  id: string; channel_id: string; external_id: string; name: string | null; phone: string | null; phone_e164: string | null;
  tags: string[]; attributes: Record<string, unknown>; opted_out_at: Date | null; opted_out_via: string | null;
  opted_in_at: Date | null; opted_in_via: string | null; created_at: Date;
  /** created_at to the microsecond, for keyset paging (a JS Date keeps milliseconds only). */
  cursor_at?: string;
};

export const CONTACT_COLUMNS = [
  'id', 'channel_id', 'external_id', 'name', 'phone', 'phone_e164', 'tags', 'attributes', 'opted_out_at', 'opted_out_via',
  'opted_in_at', 'opted_in_via', 'created_at',
].map((c) => `contacts.${c}`);

/** Neither erased contacts nor the builder's testers (its test chats run on the hidden simulator channel). */
const live = (tdb: TenantDb) =>
  tdb.from('contacts').whereNull('contacts.erased_at')
    .whereRaw("contacts.channel_id NOT IN (SELECT id FROM channels WHERE tenant_id = ? AND config->>'simulator' = 'true')", [tdb.tenantId]);

export const findContact = (tdb: TenantDb, id: string): Promise<ContactRow | undefined> => live(tdb).where('contacts.id', id).first(...CONTACT_COLUMNS);

/** The contact, locked until the transaction ends: two edits of its consent at once apply one after the other. */
export const lockContact = (tdb: TenantDb, id: string): Promise<ContactRow | undefined> =>
  live(tdb).where('contacts.id', id).forUpdate().first(...CONTACT_COLUMNS);

export type ListFilter = { q?: string; tag?: string; channelId?: string; optedOut?: boolean; after?: { createdAt: string; id: string }; limit: number };

/** Newest first, keyset-paged on (created_at, id). `q` matches the name or any part of the phone. */
export function listContacts(tdb: TenantDb, f: ListFilter): Promise<ContactRow[]> {
  const query = live(tdb).select([...CONTACT_COLUMNS, tdb.raw('contacts.created_at::text AS cursor_at')]).orderBy([{ column: 'contacts.created_at', order: 'desc' }, { column: 'contacts.id', order: 'desc' }]).limit(f.limit);
  if (f.tag) query.whereRaw('contacts.tags @> ARRAY[?]::text[]', [f.tag]);
  if (f.channelId) query.where('contacts.channel_id', f.channelId);
  if (f.optedOut !== undefined) query[f.optedOut ? 'whereNotNull' : 'whereNull']('contacts.opted_out_at');
  if (f.q) {
    const like = likePattern(f.q);
    const digits = f.q.replace(/\D/g, '');
    query.where((w) => {
      w.whereRaw(foldedLike('contacts.name'), [like]);
      if (digits.length >= 3) w.orWhereLike('contacts.phone_e164', `%${digits}%`).orWhereLike('contacts.phone', `%${digits}%`);
    });
  }
  if (f.after) query.whereRaw('(contacts.created_at, contacts.id) < (?::timestamptz, ?::uuid)', [f.after.createdAt, f.after.id]);
  return query;
}

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
  const [row] = await live(tdb).where('contacts.id', id).update(values).returning(CONTACT_COLUMNS.map((c) => c.slice('contacts.'.length)));
  return row;
}

export async function latestConversationId(tdb: TenantDb, contactId: string): Promise<string | null> {
  const row = await tdb.from('conversations').where({ contact_id: contactId }).orderBy('created_at', 'desc').first('id');
  return row?.id ?? null;
}

/** Channels whose contacts are phone numbers. */
const WHATSAPP_TYPES = ['whatsapp_cloud', 'evolution'];

/** The channel new contacts join when none is named: the oldest WhatsApp-capable one. */
export async function defaultChannelId(tdb: TenantDb): Promise<string | null> {
  const row = await tdb.from('channels').whereIn('type', WHATSAPP_TYPES).orderBy('created_at').first('id');
  return row?.id ?? null;
}

/** The workspace's channel with this id: absent (none, or another workspace's), or whether phone contacts belong there. */
export async function channelKind(tdb: TenantDb, id: string): Promise<{ whatsapp: boolean; type: string } | null> {
  const row = await tdb.from('channels').where({ id }).first('type');
  return row ? { whatsapp: WHATSAPP_TYPES.includes(row.type), type: row.type } : null;
}

export async function channelExists(tdb: TenantDb, id: string): Promise<boolean> {
  return Boolean(await tdb.from('channels').where({ id }).first('id'));
}

export async function defaultCountry(tdb: TenantDb): Promise<string> {
  const row = await tdb.raw('SELECT default_country FROM tenants WHERE id = ?', [tdb.tenantId]);
  return row.rows[0]?.default_country ?? 'BR';
}

/**
 * A new contact of a WhatsApp channel, known by its number: the WhatsApp id is the canonical
 * number's digits. A name given here is a person's: the customer's profile name will not replace it.
 */
export async function insertPhoneContact(
  tdb: TenantDb,
  c: { channelId: string; phone: string; name: string | null; tags: string[]; attributes: Record<string, unknown> },
): Promise<ContactRow> {
  const waId = waIdOf(c.phone);
  const [row] = await tdb.insert('contacts', {
    channel_id: c.channelId, external_id: waId, phone: waId, phone_e164: c.phone, name: c.name,
    name_edited_at: c.name ? new Date() : null, tags: c.tags, attributes: JSON.stringify(c.attributes),
  }).returning(CONTACT_COLUMNS.map((col) => col.slice('contacts.'.length)));
  return row;
}

export type ExistingContact = { id: string; phone_e164: string | null; external_id: string; tags: string[]; attributes: Record<string, unknown> };

/** Contacts of a channel that hold one of these numbers (by canonical phone, or by WhatsApp id). */
export function findByPhones(tdb: TenantDb, channelId: string, phones: string[], externalIds: string[]): Promise<ExistingContact[]> {
  return live(tdb).where('contacts.channel_id', channelId)
    .where((w) => w.whereIn('contacts.phone_e164', phones).orWhereIn('contacts.external_id', externalIds))
    .select('contacts.id', 'contacts.phone_e164', 'contacts.external_id', 'contacts.tags', 'contacts.attributes');
}

/** The workspace's attribute names by how many live contacts have each, most used first (what a message can fill in). */
export async function attributeCounts(tdb: TenantDb, limit: number): Promise<Array<{ key: string; contacts: number }>> {
  return live(tdb).joinRaw('CROSS JOIN LATERAL jsonb_object_keys(contacts.attributes) AS a(key)')
    .select('a.key', tdb.raw('count(*)::int AS contacts')).groupBy('a.key').orderByRaw('count(*) DESC, a.key').limit(limit);
}

/** The workspace's tags by how many live contacts have each, most used first (suggestions where tags are typed). */
export async function tagCounts(tdb: TenantDb, limit: number): Promise<Array<{ tag: string; contacts: number }>> {
  return live(tdb).joinRaw('CROSS JOIN LATERAL unnest(contacts.tags) AS t(tag)')
    .select('t.tag', tdb.raw('count(*)::int AS contacts')).groupBy('t.tag').orderByRaw('count(*) DESC, t.tag').limit(limit);
}
