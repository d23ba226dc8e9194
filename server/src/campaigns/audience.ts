// Who a campaign's audience selects: its phones read as E.164, its saved filter looked up, and how
// many people it reaches, counted before anything is sent (the wizard, the confirmation to start).
import type { Knex } from 'knex';
import { findFilter } from '../contacts/contact-filters';
import { defaultCountry } from '../contacts/contacts.queries';
import { normalizePhone } from '../contacts/phone';
import { forTenant, type TenantDb } from '../db/tenant-db';
import { AppError, notFound } from '../http/app-error';
import * as q from './campaigns.queries';
import type { AudiencePreview } from './campaigns.schemas';
import { fillTemplate, fillsFromContacts, hasEmptyParameter } from './template-fill';

/**
 * A CSV audience's numbers as E.164, read as an import reads them: local numbers in the workspace's
 * country, Brazilian mobiles with their ninth digit. Sent as bare digits, "11 98888-7777" went to
 * WhatsApp as 11988887777 (a +1 number) and a known customer became a second contact.
 */
export async function audiencePhones(tdb: TenantDb, phones: string[] | undefined): Promise<string[] | undefined> {
  if (!phones) return undefined;
  const country = await defaultCountry(tdb);
  const read = phones.map((raw) => ({ raw, e164: normalizePhone(raw, country) }));
  const invalid = read.filter((p) => !p.e164).map((p) => p.raw);
  if (invalid.length) {
    throw new AppError('validation_failed', `${invalid.length} of the audience's phone numbers are not valid, e.g. "${invalid[0]}"`, { invalidPhones: invalid.slice(0, 20), invalidCount: invalid.length });
  }
  return [...new Set(read.map((p) => p.e164!))];
}

/**
 * Contact ids an audience names must be contacts of the campaign's channel in this workspace. Left
 * to the freeze, an id of another workspace or channel (a typo, a stale export) was dropped without
 * a word and the campaign reached fewer people than the integrator sent. An id this workspace does
 * not have is a 404, as everywhere; contacts of its other channels, a 400. Both list the ids.
 */
export async function checkContactIds(tdb: TenantDb, channelId: string, ids: string[] | undefined): Promise<void> {
  if (!ids?.length) return;
  const unknown = await q.contactIdsNotOnChannel(tdb, channelId, ids);
  if (!unknown.length) return;
  const elsewhere = new Set(await q.existingContactIds(tdb, unknown));
  const code = unknown.some((id) => !elsewhere.has(id)) ? 'not_found' : 'validation_failed';
  throw new AppError(code, `${unknown.length} of the audience's contact ids are not contacts of this channel, e.g. "${unknown[0]}"`, {
    unknownContactIds: unknown.slice(0, 20), unknownCount: unknown.length,
  });
}

/** Stored numbers as E.164: "+55…" since audiencePhones, bare international digits before it. */
const storedPhones = (phones: string[] | undefined) =>
  (phones ?? []).flatMap((p) => normalizePhone(p, 'BR', { international: true }) ?? []);

/** A stored audience as the queries take it. A saved filter is read now; one deleted since selects nobody. */
export async function resolveAudience(tdb: TenantDb, a: q.StoredAudience): Promise<q.ResolvedAudience> {
  const filter = a.filterId ? ((await findFilter(tdb, a.filterId)) ?? null) : null;
  return { tags: a.tags ?? [], contactIds: a.contactIds ?? [], phones: storedPhones(a.phones), filter };
}

/**
 * `total` people the audience selects now, `optedOut` of them skipped, `missingValue` skipped because
 * the template would reach them with an empty value (null: too many to check beforehand), `reachable`
 * the ones a send goes to.
 */
export type AudienceCounts = { total: number; reachable: number; optedOut: number; missingValue: number | null };

/** Beyond this many contacts the empty values are not counted beforehand (the send still skips them). */
const MISSING_VALUE_SCAN_LIMIT = 50_000;
const PAGE = 2_000;

/** How many the send would skip as `missing_value`, read contact by contact as the send fills it. */
async function missingValues(tdb: TenantDb, channelId: string, a: q.ResolvedAudience, t: q.StoredTemplate): Promise<number | null> {
  if (!fillsFromContacts(t)) return 0;
  let missing = 0;
  let after: string | null = null;
  for (let seen = 0; ; ) {
    const rows = await q.audienceContactsPage(tdb, channelId, a, after, PAGE);
    // A contact with neither phone nor WhatsApp id is skipped as no_phone first, as the send does.
    for (const c of rows) if ((c.phone || c.external_id) && hasEmptyParameter(fillTemplate(t, c))) missing++;
    seen += rows.length;
    if (rows.length < PAGE) break;
    if (seen >= MISSING_VALUE_SCAN_LIMIT) return null;
    after = rows.at(-1)!.id;
  }
  // A CSV number not yet a contact is not counted: the wizard saves the file's names and columns on
  // its contacts before the campaign starts, so what it will be filled with is not known here.
  return missing;
}

async function counts(tdb: TenantDb, channelId: string, a: q.StoredAudience, template?: q.StoredTemplate): Promise<AudienceCounts> {
  const resolved = await resolveAudience(tdb, a);
  const { matched, optedOut, newPhones } = await q.countAudience(tdb, channelId, resolved);
  const total = matched + newPhones;
  const missingValue = template ? await missingValues(tdb, channelId, resolved, template) : 0;
  return { total, optedOut, missingValue, reachable: total - optedOut - (missingValue ?? 0) };
}

/** The audience a campaign being drawn would reach on its channel, checked as creating it checks it. */
export async function previewAudience(db: Knex, tenantId: string, body: AudiencePreview): Promise<AudienceCounts> {
  const tdb = forTenant(db, tenantId);
  if (!(await tdb.from('channels').where({ id: body.channelId }).first('id'))) throw notFound('Channel');
  if (body.audience.filterId && !(await findFilter(tdb, body.audience.filterId))) throw notFound('Saved filter');
  await checkContactIds(tdb, body.channelId, body.audience.contactIds);
  return counts(tdb, body.channelId, { ...body.audience, phones: await audiencePhones(tdb, body.audience.phones) }, body.template);
}

/** Whom a saved campaign's audience selects if it were frozen now (a draft's, before it is started). */
export async function campaignAudience(db: Knex, tenantId: string, id: string): Promise<AudienceCounts> {
  const tdb = forTenant(db, tenantId);
  const c = await q.findCampaign(tdb, id);
  if (!c) throw notFound('Campaign');
  return counts(tdb, c.channel_id, c.audience, c.template);
}
