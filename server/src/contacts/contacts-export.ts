// CSV export in the import's own format (phone, name, tags with `;`, one column per attribute), so a
// file exported, edited and imported again updates the same contacts. Written page by page.
import type { Knex } from 'knex';
import { forTenant } from '../db/tenant-db';
import { csvLine } from './csv';
import * as q from './contacts.queries';

const PAGE = 1000;

export async function* exportContactsCsv(db: Knex, tenantId: string, f: { q?: string; tag?: string; channelId?: string }): AsyncGenerator<string> {
  const tdb = forTenant(db, tenantId);
  const keys: string[] = (await tdb.raw(
    'SELECT DISTINCT k FROM contacts, jsonb_object_keys(attributes) k WHERE tenant_id = ? AND erased_at IS NULL ORDER BY k LIMIT 500', [tenantId],
  )).rows.map((r: { k: string }) => r.k).filter((k: string) => !['phone', 'name', 'tags', 'opted_out', 'created_at'].includes(k));
  yield `\uFEFF${csvLine(['phone', 'name', 'tags', ...keys, 'opted_out', 'created_at'])}\r\n`;
  let after: q.ListFilter['after'];
  for (;;) {
    const rows = await q.listContacts(tdb, { ...f, after, limit: PAGE });
    if (!rows.length) return;
    yield rows.map((r) => `${csvLine([
      r.phone_e164 ?? r.phone, r.name, r.tags.join(';'), ...keys.map((k) => scalar(r.attributes[k])), r.opted_out_at ? 'yes' : '', new Date(r.created_at).toISOString(),
    ])}\r\n`).join('');
    const last = rows.at(-1)!;
    after = { createdAt: last.cursor_at!, id: last.id };
  }
}

const scalar = (v: unknown) => (v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v as string));
