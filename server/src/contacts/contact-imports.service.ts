// CSV imports: the file is checked (header, size) and stored on submission, then applied in the
// background in batches. Each batch commits its contacts and the progress together, so a worker that
// dies mid-import resumes at the first batch it had not committed, and no line counts twice.
import type { Knex } from 'knex';
import { forTenant, type TenantDb } from '../db/tenant-db';
import { AppError, notFound } from '../http/app-error';
import { parseCsv } from '@zyntra/flows-schema';
import { MAX_ATTRIBUTES, MAX_ROWS, readHeader, readLine, type AttributeColumn, type ImportLine, type LineError } from './import-lines';
import * as q from './contacts.queries';
import { waIdOf } from './phone';
import { repeatError, repeatsOf } from './import-repeats';
import { otherSpellings, respell, spellingOf } from './attribute-spelling';
import { knownSpellings, workspaceSpellings } from './attribute-names.queries';

const BATCH = 250;
const MAX_REPORTED_ERRORS = 1000;

type ImportRow = {
  id: string; channel_id: string; status: string; source: string; total: number; processed: number; created: number; updated: number;
  errors: LineError[]; failure: string | null; created_at: Date; finished_at: Date | null; attribute_columns: AttributeColumn[];
};

/** Counted from the report, which keeps the first 1000 lines: past that, a repeat counts as rejected. */
const mergedOf = (errors: LineError[]) => errors.filter((e) => e.code === 'duplicate_phone').length;

export const importView = (r: ImportRow) => ({
  id: r.id, channelId: r.channel_id, status: r.status, total: r.total, processed: r.processed, created: r.created, updated: r.updated,
  // Lines repeating an earlier line's phone, merged into its contact: neither created nor updated, nor rejected.
  merged: mergedOf(r.errors), rejected: r.processed - r.created - r.updated - mergedOf(r.errors), errors: r.errors, failure: r.failure,
  createdAt: new Date(r.created_at).toISOString(), finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
  attributeColumns: r.attribute_columns,
});

export async function createImport(db: Knex, actor: { tenantId: string; userId: string }, csv: string, channelId: string | undefined) {
  const tdb = forTenant(db, actor.tenantId);
  const records = parseCsv(csv);
  const header = readHeader(records[0]);
  if (records.length - 1 > MAX_ROWS) throw new AppError('validation_failed', `At most ${MAX_ROWS} rows per import`, { reason: 'too_many_rows', limit: MAX_ROWS });
  const channel = channelId ?? (await q.defaultChannelId(tdb));
  if (!channel) throw new AppError('validation_failed', 'Connect a WhatsApp channel before importing contacts', { reason: 'no_channel' });
  if (!(await q.channelExists(tdb, channel))) throw notFound('Channel');
  // A "cidade" column fills the workspace's "Cidade", and the report says so.
  const spellings = await knownSpellings(tdb, header.attributeColumns.map((c) => c.attribute));
  const attributeColumns = header.attributeColumns.map((c) => ({ ...c, attribute: spellingOf(c.attribute, spellings) }));
  const [row] = await tdb.insert('contact_imports', {
    channel_id: channel, created_by: actor.userId, source: csv, total: records.length - 1, attribute_columns: JSON.stringify(attributeColumns),
  }).returning('id');
  // Which column fills which attribute, said at once: "Data de nascimento" became "Data_de_nascimento".
  return { id: row.id as string, attributeColumns };
}

export async function getImport(db: Knex, tenantId: string, id: string) {
  const row = await forTenant(db, tenantId).from('contact_imports').where({ id }).first();
  if (!row) throw notFound('Import');
  return importView(row);
}

/**
 * Applies the batches not yet committed: all of them ('done'), or those that fit before `until`
 * (epoch ms) when more remain ('more'), so a long import takes turns with other workspaces'.
 */
export async function processImport(db: Knex, tenantId: string, id: string, opts: { until?: number } = {}): Promise<'done' | 'more'> {
  const tdb = forTenant(db, tenantId);
  const row: ImportRow | undefined = await tdb.from('contact_imports').where({ id }).first();
  if (!row || row.status === 'completed' || row.status === 'failed') return 'done';
  const country = await q.defaultCountry(tdb);
  const records = parseCsv(row.source);
  const header = readHeader(records[0]);
  const body = records.slice(1);
  await tdb.from('contact_imports').where({ id }).update({ status: 'running' });
  // Which line first had each phone, from the lines applied before (an import resumed after a pause).
  const seen = new Map<string, number>();
  const okLines = (rs: ReturnType<typeof readLine>[]) => rs.flatMap((r) => ('ok' in r ? [r.ok] : []));
  repeatsOf(okLines(body.slice(0, row.processed).map((r) => readLine(header, r, country))), seen);
  for (let offset = row.processed; offset < body.length; offset += BATCH) {
    const results = body.slice(offset, offset + BATCH).map((r) => readLine(header, r, country));
    const repeats = repeatsOf(okLines(results), seen);
    const advanced = await tdb.transaction(async (tx) => {
      const current = await tx.from('contact_imports').where({ id }).forUpdate().first('processed', 'errors');
      if (current.processed !== offset) return false; // another run got here first
      const counts = await applyLines(tx, row.channel_id, okLines(results), repeats);
      const errors = [...results.flatMap((r) => ('error' in r ? [r.error] : [])), ...counts.errors].sort((a, b) => a.line - b.line);
      await tx.from('contact_imports').where({ id }).update({
        processed: offset + results.length, created: tx.raw('created + ?', [counts.created]), updated: tx.raw('updated + ?', [counts.updated]),
        errors: JSON.stringify([...current.errors, ...errors].slice(0, MAX_REPORTED_ERRORS)),
      });
      return true;
    });
    if (!advanced) return 'done';
    if (opts.until !== undefined && Date.now() >= opts.until && offset + BATCH < body.length) return 'more';
  }
  await tdb.from('contact_imports').where({ id }).update({ status: 'completed', source: '', finished_at: new Date() });
  return 'done';
}

export async function failImport(db: Knex, tenantId: string, id: string, reason: string) {
  await forTenant(db, tenantId).from('contact_imports').where({ id }).whereNot({ status: 'completed' })
    .update({ status: 'failed', failure: reason.slice(0, 500), source: '', finished_at: new Date() });
}

/** Creates or updates one contact per line; a number seen before in the file is merged into its contact and reported. */
async function applyLines(tx: TenantDb, channelId: string, lines: ImportLine[], repeats: Map<number, number>) {
  const phones = [...new Set(lines.map((l) => l.phone))];
  // Each column's attribute under the workspace's spelling: a later file's "cidade" fills "Cidade".
  const spellings = await workspaceSpellings(tx, new Set(lines.flatMap((l) => Object.keys(l.attributes))));
  const existing = await q.findByPhones(tx, channelId, phones, phones.map(waIdOf));
  const byPhone = new Map<string, q.ExistingContact>();
  for (const c of existing) byPhone.set(c.phone_e164 ?? `+${c.external_id}`, c);
  let created = 0;
  let updated = 0;
  const errors: LineError[] = [];
  for (const line of lines) {
    const found = byPhone.get(line.phone);
    const attributes = respell(line.attributes, spellings);
    if (found) {
      const tags = [...new Set([...found.tags, ...line.tags])];
      const merged = JSON.stringify(attributes);
      // The contact's other spellings of these names (from before names were one whatever their case) go.
      const drop = otherSpellings(found.attributes, Object.keys(attributes));
      const next = '(attributes - ?::text[]) || ?::jsonb';
      // Past the cap a contact could no longer be edited at all: the line is refused instead.
      const n = await tx.from('contacts').where({ id: found.id })
        .whereRaw(`(SELECT count(*) FROM jsonb_object_keys(${next})) <= ?`, [drop, merged, MAX_ATTRIBUTES])
        .update({
          tags, phone_e164: line.phone, attributes: tx.raw(next, [drop, merged]),
          ...(line.name ? { name: line.name, name_edited_at: new Date() } : {}),
        });
      if (!n) {
        errors.push({ line: line.line, code: 'too_many_attributes', message: `the contact would have more than ${MAX_ATTRIBUTES} attributes`, value: String(MAX_ATTRIBUTES) });
        continue;
      }
      found.tags = tags;
      found.attributes = { ...Object.fromEntries(Object.entries(found.attributes).filter(([k]) => !drop.includes(k))), ...attributes };
      const first = repeats.get(line.line);
      if (first === undefined) updated++;
      else errors.push(repeatError(line.line, first));
    } else {
      const row = await q.insertPhoneContact(tx, { channelId, phone: line.phone, name: line.name, tags: line.tags, attributes });
      byPhone.set(line.phone, row);
      created++;
    }
  }
  return { created, updated, errors };
}
