// The workspace's contact fields as a marketer manages them: each with how many contacts have a
// value and which flows use it; renamed (the letter case only, or a new name, merging into a field
// that exists) and deleted from every contact at once. Names are one whatever their case, so a
// rename or a delete takes every spelling contacts hold; the recorded spelling follows.
import { attributeNameKey } from '@zyntra/flows-schema';
import type { Knex } from 'knex';
import { forTenant } from '../db/tenant-db';
import { recordAudit } from '../audit/audit.queries';
import { AppError, notFound } from '../http/app-error';
import { attributeCounts } from './contacts.queries';
import * as q from './contact-fields.queries';
import { fieldsUsedBy } from './field-usage';
import { fieldList } from './field-list';

/** As many fields as the attribute list reads: more would not be read. */
const MAX_FIELDS = 500;

export async function listFields(db: Knex, tenantId: string) {
  const tdb = forTenant(db, tenantId);
  const [counts, recorded, flows] = await Promise.all([attributeCounts(tdb, MAX_FIELDS), q.recordedNames(tdb), q.flowDocuments(tdb)]);
  const uses = flows.map((f) => ({ flow: { id: f.id, name: f.name }, fields: fieldsUsedBy(f.draft, f.published) }));
  return { items: fieldList(counts, recorded, uses) };
}

type Actor = { tenantId: string; userId: string };

const noField = () => notFound('Contact field');

/**
 * Every contact's value of `from` (any spelling) goes under `to`. A contact holding both keeps its
 * value of `to`: the field renamed into is the one the marketer chose to keep.
 */
export async function renameField(db: Knex, actor: Actor, from: string, to: string) {
  if (from === to) throw new AppError('validation_failed', 'The new name is the name the field has', { issues: [{ path: 'to', message: 'the same name' }] });
  const fromKey = attributeNameKey(from);
  const toKey = attributeNameKey(to);
  return forTenant(db, actor.tenantId).transaction(async (tx) => {
    const recorded = await q.recordedSpelling(tx, fromKey);
    if (toKey !== fromKey) await q.recordedSpelling(tx, toKey);
    const held = await q.heldSpellings(tx, [fromKey, toKey]);
    const sources = held.filter((k) => attributeNameKey(k) === fromKey);
    if (!recorded && sources.length === 0) throw noField();
    const targets = held.filter((k) => attributeNameKey(k) === toKey).sort((a, b) => Number(b === to) - Number(a === to));
    const dropped = toKey === fromKey ? [] : sources;
    const moved = await q.moveValues(tx, { to, order: [...targets, ...dropped], kept: targets, dropped });
    await q.respellRecord(tx, [fromKey, toKey], to);
    const previousName = recorded ?? sources[0]!;
    await recordAudit(tx, {
      actorUserId: actor.userId, action: 'contact_field.renamed', targetType: 'contact_field', targetId: toKey,
      data: { name: to, previousName, contacts: moved.contacts, merged: moved.merged },
    });
    return { from: previousName, to, contacts: moved.contacts, merged: moved.merged };
  });
}

/** The field goes from every contact (every spelling), and its recorded spelling with it. */
export async function deleteField(db: Knex, actor: Actor, name: string) {
  const key = attributeNameKey(name);
  return forTenant(db, actor.tenantId).transaction(async (tx) => {
    const recorded = await q.recordedSpelling(tx, key);
    const held = await q.heldSpellings(tx, [key]);
    if (!recorded && held.length === 0) throw noField();
    const contacts = await q.removeKeys(tx, held);
    await q.respellRecord(tx, [key]);
    const spelled = recorded ?? held[0]!;
    await recordAudit(tx, { actorUserId: actor.userId, action: 'contact_field.deleted', targetType: 'contact_field', targetId: key, data: { name: spelled, contacts } });
    return { name: spelled, contacts };
  });
}
