// A contact as agents see and edit it beside a conversation: name, tags, attributes. Changes are
// published (contact.updated) so every open inbox shows them.
import type { Knex } from 'knex';
import { forTenant } from '../db/tenant-db';
import { publishEvents } from '../events/publish';
import { AppError, notFound } from '../http/app-error';
import * as q from './contacts.queries';
import type { UpdateContact } from './contacts.schemas';

const MAX_ATTRIBUTES = 200;

export const contactView = (c: q.ContactRow) => ({
  id: c.id, channelId: c.channel_id, externalId: c.external_id, name: c.name, phone: c.phone, tags: c.tags,
  attributes: c.attributes, optedOut: Boolean(c.opted_out_at), createdAt: new Date(c.created_at).toISOString(),
});

export async function getContact(db: Knex, tenantId: string, id: string) {
  const row = await q.findContact(forTenant(db, tenantId), id);
  if (!row) throw notFound('Contact');
  return contactView(row);
}

export async function updateContact(db: Knex, actor: { tenantId: string; userId: string }, id: string, input: UpdateContact) {
  const attributes = input.attributes ?? {};
  const set = Object.fromEntries(Object.entries(attributes).filter(([, v]) => v !== null));
  const remove = Object.entries(attributes).filter(([, v]) => v === null).map(([k]) => k);
  const row = await forTenant(db, actor.tenantId).transaction(async (tx) => {
    const updated = await q.updateContact(tx, id, { name: input.name, tags: input.tags, set, remove });
    if (!updated) throw notFound('Contact');
    if (Object.keys(updated.attributes).length > MAX_ATTRIBUTES) throw new AppError('validation_failed', `A contact has at most ${MAX_ATTRIBUTES} attributes`);
    const conversationId = await q.latestConversationId(tx, id);
    await publishEvents(tx, [{ type: 'contact.updated', payload: { contactId: id, conversationId, name: updated.name, tags: updated.tags, by: actor.userId } }]);
    return updated;
  });
  return contactView(row);
}
