// Inbox search over contact names, phones and what customers and agents wrote (bot texts repeat in
// every conversation and would only blur the results), through the trigram indexes of migration 0010.
//
// Each part is answered the cheaper of two ways, decided by first counting its hits up to a cap: a
// rare term becomes the list of matching ids, and the page is cut from those; a common term is
// tested row by row while the list is walked newest first, which meets a page of matches within a
// few hundred rows. Either way the answer is complete and in list order.
import type { Knex } from 'knex';
import type { TenantDb } from '../db/tenant-db';

/** Trigram indexes need three characters; shorter searches look at names and phones only. */
const MIN_TEXT_SEARCH = 3;
const HIT_CAP = 1000;

type Part = string[] | 'many';
export type SearchScope = { pattern: string; contacts: Part; conversations: Part | null };

export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function searchScope(tdb: TenantDb, q: string, cap = HIT_CAP): Promise<SearchScope> {
  const pattern = likePattern(q);
  const contacts: Array<{ id: string }> = await tdb
    .from('contacts')
    .where((w) => w.whereILike('name', pattern).orWhereILike('phone', pattern))
    .limit(cap + 1)
    .select('id');
  const byText = q.length < MIN_TEXT_SEARCH
    ? null
    : ((await tdb
      .from('messages')
      .whereIn('author', ['contact', 'agent'])
      .whereRaw("text <> '' AND text ILIKE ?", [pattern])
      .limit(cap + 1)
      .select('conversation_id')) as Array<{ conversation_id: string }>);
  const part = <T>(rows: T[], id: (r: T) => string): Part => (rows.length > cap ? 'many' : [...new Set(rows.map(id))]);
  return { pattern, contacts: part(contacts, (c) => c.id), conversations: byText && part(byText, (m) => m.conversation_id) };
}

// Common parts are tested with scalar subqueries, which PostgreSQL runs per row as the list is
// walked; an EXISTS would be turned into a hash of every match, built before the first row.
export function applySearch(tdb: TenantDb, query: Knex.QueryBuilder, scope: SearchScope): void {
  query.where((w) => {
    if (scope.contacts === 'many') {
      w.orWhereRaw('(SELECT true FROM contacts c WHERE c.id = conversations.contact_id AND (c.name ILIKE ? OR c.phone ILIKE ?))', [scope.pattern, scope.pattern]);
    } else w.orWhereRaw('conversations.contact_id = ANY(?::uuid[])', [scope.contacts]);
    if (scope.conversations === 'many') {
      w.orWhereRaw(
        `(SELECT true FROM messages m WHERE m.tenant_id = ? AND m.conversation_id = conversations.id
           AND m.author IN ('contact', 'agent') AND m.text <> '' AND m.text ILIKE ? LIMIT 1)`,
        [tdb.tenantId, scope.pattern],
      );
    } else if (scope.conversations) w.orWhereRaw('conversations.id = ANY(?::uuid[])', [scope.conversations]);
  });
}
