// Every knex call of the canned responses module, tenant first.
import type { TenantDb } from '../db/tenant-db';
import { likePattern } from '../db/text-search';

export type CannedRow = { id: string; shortcut: string; text: string; created_at: Date; updated_at: Date };

const COLUMNS = ['id', 'shortcut', 'text', 'created_at', 'updated_at'];

/** Shortcuts starting with `q` first (what the /picker completes), then any whose text holds it. */
export function listCanned(tdb: TenantDb, q: string | undefined): Promise<CannedRow[]> {
  const query = tdb.from('canned_responses').select(...COLUMNS).limit(200);
  if (!q) return query.orderBy('shortcut');
  const prefix = `${q.replace(/^\//, '').replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return query
    .where((w) => w.whereILike('shortcut', prefix).orWhereILike('text', likePattern(q)))
    .orderByRaw('(shortcut ILIKE ?) DESC, shortcut', [prefix]);
}

export const findCanned = (tdb: TenantDb, id: string): Promise<CannedRow | undefined> => tdb.from('canned_responses').where({ id }).first(...COLUMNS);

export async function insertCanned(tdb: TenantDb, row: { shortcut: string; text: string; created_by: string }): Promise<CannedRow> {
  const [created] = await tdb.insert('canned_responses', row).returning(COLUMNS);
  return created;
}

export async function updateCanned(tdb: TenantDb, id: string, values: { shortcut?: string; text?: string }): Promise<CannedRow | undefined> {
  const [row] = await tdb.from('canned_responses').where({ id }).update({ ...values, updated_at: new Date() }).returning(COLUMNS);
  return row;
}

export const deleteCanned = async (tdb: TenantDb, id: string) => (await tdb.from('canned_responses').where({ id }).delete()) > 0;
