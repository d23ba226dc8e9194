// Saved contact filters: a named search (text and tags) of the contacts page. A campaign may take one
// as its audience; the contacts it selects are frozen into recipients when the campaign starts,
// matched by the same rules as the contacts list (text in the name or the phone's digits; every tag).
import type { Knex } from 'knex';
import { z } from 'zod';
import { forTenant, type TenantDb } from '../db/tenant-db';
import { isUniqueViolation } from '../db/pg-errors';
import { AppError, notFound } from '../http/app-error';
import { foldedLike, likePattern } from '../db/text-search';
import { withRoomFor } from '../limits/workspace-caps';

export const contactFilterBody = z
  .object({
    name: z.string().trim().min(1).max(80),
    q: z.string().trim().max(100).optional(),
    tags: z.array(z.string().trim().min(1).max(64)).max(20).default([]),
  })
  .refine((f) => Boolean(f.q) || f.tags.length > 0, 'A saved filter needs a search text or at least one tag');
export type ContactFilterBody = z.infer<typeof contactFilterBody>;

export type ContactFilterRow = { id: string; name: string; q: string | null; tags: string[]; created_at: Date };

const view = (f: ContactFilterRow) => ({ id: f.id, name: f.name, q: f.q, tags: f.tags, createdAt: new Date(f.created_at).toISOString() });

export const findFilter = (tdb: TenantDb, id: string): Promise<ContactFilterRow | undefined> => tdb.from('contact_filters').where({ id }).first();

export async function listFilters(db: Knex, tenantId: string) {
  const rows: ContactFilterRow[] = await forTenant(db, tenantId).from('contact_filters').orderBy('name').limit(500);
  return { items: rows.map(view) };
}

export async function createFilter(db: Knex, auth: { tenantId: string; userId: string }, body: ContactFilterBody) {
  try {
    const [row] = await withRoomFor(forTenant(db, auth.tenantId), 'contactFilters', (tx) =>
      tx.insert('contact_filters', { name: body.name, q: body.q || null, tags: body.tags, created_by: auth.userId }).returning('*'));
    return view(row as ContactFilterRow);
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('conflict', 'A saved filter with this name exists');
    throw err;
  }
}

export async function deleteFilter(db: Knex, tenantId: string, id: string): Promise<void> {
  const n = await forTenant(db, tenantId).from('contact_filters').where({ id }).delete();
  if (!n) throw notFound('Saved filter');
}

/** Named bindings for the audience query: the filter's tags, and its text as a name pattern and a phone-digits pattern. */
export function filterBindings(f: Pick<ContactFilterRow, 'q' | 'tags'> | null) {
  const q = f?.q ?? '';
  const digits = q.replace(/\D/g, '');
  return {
    useFilter: f !== null,
    ftags: f?.tags ?? [],
    flike: q ? likePattern(q) : null,
    fdigits: digits.length >= 3 ? `%${digits}%` : null,
  };
}

/** The SQL (over `ct`, the contacts) that `filterBindings` feeds; the same rules as the contacts list. */
export const FILTER_MATCH_SQL = `(:useFilter AND ct.erased_at IS NULL AND ct.tags @> :ftags::text[]
  AND (:flike::text IS NULL OR ${foldedLike('ct.name', ':flike')} OR (:fdigits::text IS NOT NULL AND (ct.phone_e164 LIKE :fdigits OR ct.phone LIKE :fdigits))))`;
