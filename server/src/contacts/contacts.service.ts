// Contacts as agents and marketers see them: list and search, add one by its phone, edit name, tags
// and attributes, and record an opt-out (or opt-in) by hand. Changes are published (contact.updated)
// so every open inbox shows them; a contact added is published as contact.created, for webhooks.
import type { Knex } from 'knex';
import { forTenant, type TenantDb } from '../db/tenant-db';
import { isUniqueViolation } from '../db/pg-errors';
import { isUuid } from '../db/uuid';
import { publishEvents, type DomainEvent } from '../events/publish';
import { recordAudit } from '../audit/audit.queries';
import { recordConsent } from './consent';
import { AppError, notFound } from '../http/app-error';
import { isInstant } from '../http/cursor';
import * as q from './contacts.queries';
import { MAX_ATTRIBUTES } from './import-lines';
import { normalizePhone, waIdOf } from './phone';
import { otherSpellings, respell } from './attribute-spelling';
import { workspaceSpellings } from './attribute-names.queries';
import type { CreateContact, UpdateContact } from './contacts.schemas';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export const contactView = (c: q.ContactRow) => ({
  id: c.id, channelId: c.channel_id, externalId: c.external_id, name: c.name, phone: c.phone_e164 ?? c.phone, tags: c.tags,
  attributes: c.attributes, optedOut: Boolean(c.opted_out_at),
  optedOutAt: iso(c.opted_out_at), optedOutVia: c.opted_out_at ? c.opted_out_via : null, optedInAt: iso(c.opted_in_at), optedInVia: c.opted_in_via,
  createdAt: new Date(c.created_at).toISOString(),
});

export async function getContact(db: Knex, tenantId: string, id: string) {
  const row = await q.findContact(forTenant(db, tenantId), id);
  if (!row) throw notFound('Contact');
  return contactView(row);
}

const encodeCursor = (r: q.ContactRow) => Buffer.from(`${r.cursor_at}|${r.id}`).toString('base64url');

function decodeCursor(cursor: string) {
  const [createdAt, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!createdAt || !id || !isInstant(createdAt) || !isUuid(id)) throw new AppError('validation_failed', 'Invalid cursor');
  return { createdAt, id };
}

export async function listContacts(db: Knex, tenantId: string, f: Omit<q.ListFilter, 'after'> & { cursor?: string }) {
  const rows = await q.listContacts(forTenant(db, tenantId), { ...f, after: f.cursor ? decodeCursor(f.cursor) : undefined, limit: f.limit + 1 });
  const page = rows.slice(0, f.limit);
  return { items: page.map(contactView), nextCursor: rows.length > f.limit ? encodeCursor(page.at(-1)!) : null };
}

/** How many tags a suggestion list carries: more would not be read, and the query stays bounded. */
const MAX_TAGS = 500;

export async function listTags(db: Knex, tenantId: string) {
  return { items: await q.tagCounts(forTenant(db, tenantId), MAX_TAGS) };
}

/** The attribute names contacts hold (an import's extra columns), most used first: the fields a message may use. */
export async function listAttributeKeys(db: Knex, tenantId: string) {
  return { items: await q.attributeCounts(forTenant(db, tenantId), MAX_TAGS) };
}

/** The channel a new contact joins: the one named, which must be a WhatsApp channel of this workspace, else the import's default. */
async function channelForNewContact(tdb: TenantDb, channelId: string | undefined): Promise<string> {
  if (channelId === undefined) {
    const oldest = await q.defaultChannelId(tdb);
    if (!oldest) throw new AppError('validation_failed', 'Connect a WhatsApp channel before adding contacts');
    return oldest;
  }
  const kind = await q.channelKind(tdb, channelId);
  if (!kind) throw notFound('Channel');
  if (!kind.whatsapp) {
    throw new AppError('validation_failed', 'Contacts added by phone belong to a WhatsApp channel', {
      channelType: kind.type, issues: [{ path: 'channelId', message: 'not a WhatsApp channel' }],
    });
  }
  return channelId;
}

/** The channel's live contact with this number (E.164), by its canonical phone or its WhatsApp id, as the import matches. */
const contactWithPhone = async (tdb: TenantDb, channelId: string, phone: string) =>
  (await q.findByPhones(tdb, channelId, [phone], [waIdOf(phone)]))[0]?.id;

const exists = (contactId: string) =>
  new AppError('conflict', `A contact with this phone number exists on this channel: change it with PATCH /v1/contacts/${contactId}`, { contactId });

/**
 * Adds one contact, its phone read as the CSV import reads it (the workspace's default country, a
 * Brazilian mobile with or without its ninth digit one number). A number the channel already has is
 * a conflict naming that contact, never a second contact or a silent update.
 */
export async function createContact(db: Knex, actor: { tenantId: string; userId: string }, input: CreateContact) {
  const tdb = forTenant(db, actor.tenantId);
  const channelId = await channelForNewContact(tdb, input.channelId);
  const phone = normalizePhone(input.phone, await q.defaultCountry(tdb));
  if (!phone) {
    throw new AppError('validation_failed', `"${input.phone}" is not a valid phone number`, { issues: [{ path: 'phone', message: 'not a valid phone number' }] });
  }
  // On a new contact there is nothing for a null to remove.
  const attributes = Object.fromEntries(Object.entries(input.attributes ?? {}).filter(([, v]) => v !== null));
  try {
    const row = await tdb.transaction(async (tx) => {
      const known = await contactWithPhone(tx, channelId, phone);
      if (known) throw exists(known);
      const spelled = respell(attributes, await workspaceSpellings(tx, Object.keys(attributes)));
      const created = await q.insertPhoneContact(tx, { channelId, phone, name: input.name || null, tags: input.tags ?? [], attributes: spelled });
      await publishEvents(tx, [{ type: 'contact.created', payload: { contactId: created.id, channelId } }]);
      return created;
    });
    return contactView(row);
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    // The same number added (or writing in) at the same moment: that contact is the one.
    const known = await contactWithPhone(tdb, channelId, phone);
    if (!known) throw err;
    throw exists(known);
  }
}

/**
 * An edit's attributes under the workspace's spellings ("cidade" sets "Cidade"), a null removing the
 * attribute; the contact's other spellings of each name written or removed go.
 */
async function spelledEdit(tx: TenantDb, held: Record<string, unknown>, attributes: Record<string, unknown>) {
  const spelled = respell(attributes, await workspaceSpellings(tx, Object.keys(attributes).filter((k) => attributes[k] !== null)));
  const names = Object.keys(spelled);
  return {
    set: Object.fromEntries(Object.entries(spelled).filter(([, v]) => v !== null)),
    remove: [...names.filter((k) => spelled[k] === null), ...otherSpellings(held, names)],
  };
}

export async function updateContact(db: Knex, actor: { tenantId: string; userId: string }, id: string, input: UpdateContact) {
  const attributes = input.attributes ?? {};
  const edits = input.name !== undefined || input.tags !== undefined || Object.keys(attributes).length > 0;
  // `{attributes: {}}` changes nothing: answer the contact as it is (404 when this workspace has none).
  if (!edits && input.optedOut === undefined) return getContact(db, actor.tenantId, id);
  const row = await forTenant(db, actor.tenantId).transaction(async (tx) => {
    const current = await q.lockContact(tx, id);
    if (!current) throw notFound('Contact');
    const conversationId = await q.latestConversationId(tx, id);
    const events: DomainEvent[] = [];
    let updated = current;
    if (edits) {
      const { set, remove } = await spelledEdit(tx, current.attributes, attributes);
      updated = (await q.updateContact(tx, id, { name: input.name, tags: input.tags, set, remove }))!;
      if (Object.keys(updated.attributes).length > MAX_ATTRIBUTES) throw new AppError('validation_failed', `A contact has at most ${MAX_ATTRIBUTES} attributes`);
      events.push({ type: 'contact.updated', payload: { contactId: id, conversationId, name: updated.name, tags: updated.tags, by: actor.userId } });
    }
    // Only a real change is recorded: "opted back in by an agent" on someone who never left would be
    // consent nobody gave.
    if (input.optedOut !== undefined && input.optedOut !== Boolean(current.opted_out_at)) {
      const changed = await recordConsent(tx, id, { optedOut: input.optedOut, via: 'agent', at: new Date(), conversationId, by: actor.userId });
      await recordAudit(tx, { actorUserId: actor.userId, action: input.optedOut ? 'contact.opted_out' : 'contact.opted_in', targetType: 'contact', targetId: id });
      events.push(...changed);
      updated = (await q.findContact(tx, id))!;
    }
    await publishEvents(tx, events);
    return updated;
  });
  return contactView(row);
}
