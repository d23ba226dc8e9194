// Inbox search over contact names, phones and what customers and agents wrote (bot texts repeat in
// every conversation and would only blur the results), through the trigram indexes of migrations 0010 and 0110 (names and texts without accents).
//
// Each part is answered the cheapest way for how common the term is. Rare (counted up to a cap):
// the list of matching ids, and the page is cut from those. Common: each row is tested as the list
// is walked newest first, which meets a page of matches within a few hundred rows. For contacts
// the list first tries that walk over its newest rows only; if they hold too few matches the term
// is medium, and the list is walked against a hash of the matching contacts, built once. Every way
// gives the same, complete answer in list order.
import type { Knex } from 'knex';
import type { TenantDb } from '../db/tenant-db';
import { foldedLike, likePattern } from '../db/text-search';

/** Trigram indexes need three characters; shorter searches look at names and phones only. */
const MIN_TEXT_SEARCH = 3;
export const SEARCH_CAP = 1000;

/** The messages a search reads (in a query naming them `m`): what customers and agents wrote. */
export const MESSAGES_SEARCHED = "m.author IN ('contact', 'agent') AND m.text <> ''";

/** `common`: more than the cap; the list decides between `many` (row by row) and `hash`. */
type Part = string[] | 'common' | 'hash' | 'many';
export type SearchScope = { pattern: string; contacts: Part; conversations: string[] | 'many' | null };

const matchingContacts = (tdb: TenantDb, pattern: string) =>
  tdb.from('contacts').where((w) => w.whereRaw(foldedLike('name'), [pattern]).orWhereILike('phone', pattern));

export async function searchScope(tdb: TenantDb, q: string, cap = SEARCH_CAP): Promise<SearchScope> {
  const pattern = likePattern(q);
  const contacts: Array<{ id: string }> = await matchingContacts(tdb, pattern).limit(cap + 1).select('id');
  const byText = q.length < MIN_TEXT_SEARCH
    ? null
    : ((await tdb
      .from('messages')
      .whereIn('author', ['contact', 'agent'])
      .whereRaw(`text <> '' AND ${foldedLike('text')}`, [pattern])
      .limit(cap + 1)
      .select('conversation_id')) as Array<{ conversation_id: string }>);
  const contactPart: Part = contacts.length > cap ? 'common' : contacts.map((c) => c.id);
  const textPart = byText && (byText.length > cap ? 'many' : [...new Set(byText.map((m) => m.conversation_id))]);
  return { pattern, contacts: contactPart, conversations: textPart };
}

// A common part is tested with a scalar subquery, which PostgreSQL runs per row as the list is
// walked (an EXISTS would be turned into a hash of every match, built before the first row); a
// medium one with IN, which it hashes once.
function applyContacts(tdb: TenantDb, w: Knex.QueryBuilder, scope: SearchScope, t: string): void {
  const match = `(${foldedLike('c.name')} OR c.phone ILIKE ?)`;
  if (scope.contacts === 'many' || scope.contacts === 'common') {
    w.orWhereRaw(`(SELECT true FROM contacts c WHERE c.id = ${t}.contact_id AND ${match})`, [scope.pattern, scope.pattern]);
  } else if (scope.contacts === 'hash') {
    w.orWhereRaw(`${t}.contact_id IN (SELECT c.id FROM contacts c WHERE c.tenant_id = ? AND ${match})`, [tdb.tenantId, scope.pattern, scope.pattern]);
  } else w.orWhereRaw(`${t}.contact_id = ANY(?::uuid[])`, [scope.contacts]);
}

/** `t`: the name the conversation rows go by in `query` (a table or a subquery's alias). */
export function applySearch(tdb: TenantDb, query: Knex.QueryBuilder, scope: SearchScope, t = 'conversations'): void {
  query.where((w) => {
    applyContacts(tdb, w, scope, t);
    if (scope.conversations === 'many') {
      w.orWhereRaw(
        `(SELECT true FROM messages m WHERE m.tenant_id = ? AND m.conversation_id = ${t}.id
           AND ${MESSAGES_SEARCHED} AND ${foldedLike('m.text')} LIMIT 1)`,
        [tdb.tenantId, scope.pattern],
      );
    } else if (scope.conversations) w.orWhereRaw(`${t}.id = ANY(?::uuid[])`, [scope.conversations]);
  });
}
