// The inbox list: the page is cut first, from conversations alone, by one keyset walk over an index
// that matches each filter (migration 0010); contact, channel and last message are joined for the
// page's rows only. Search goes through trigram indexes (search.queries.ts).
import type { Knex } from 'knex';
import type { TenantDb } from '../db/tenant-db';
import type { TimeCursor } from '../http/cursor';
import type { ConversationFilters } from './conversations.schemas';
import { foldedLike } from '../db/text-search';
import { applySearch, MESSAGES_SEARCHED, type SearchScope } from './search.queries';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- plain rows, shaped by the views

/** Full-precision ISO time of a timestamptz column, so a cursor never rounds a row out of its page. */
export const isoMicros = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export const CONVERSATION_COLUMNS = [
  'conversations.id', 'conversations.status', 'conversations.channel_id', 'conversations.assignee_id', 'conversations.team_id',
  'conversations.team', 'conversations.last_message_at', 'conversations.last_inbound_at', 'conversations.unread_count',
  'conversations.created_at', 'conversations.transferred_at', 'channels.type as channel_type',
  'contacts.id as contact_id', 'contacts.name as contact_name', 'contacts.phone as contact_phone', 'contacts.tags as contact_tags',
  'contacts.opted_out_at as contact_opted_out_at', 'conversations.snoozed_until',
];

/** The conversation with its contact and channel, for the list and the single view. */
export const conversationBase = (tdb: TenantDb) =>
  tdb
    .from('conversations')
    .join('contacts', 'contacts.id', 'conversations.contact_id')
    .join('channels', 'channels.id', 'conversations.channel_id');

/**
 * Adds each conversation's latest message; `query` is already cut to its page, so only those rows pay.
 * With a search `pattern`, also the newest message the search found in it (the same messages search.queries.ts looks at).
 */
export const withLastMessage = (tdb: TenantDb, query: Knex.QueryBuilder, pattern: string | null = null) =>
  tdb.raw(
    `SELECT p.*, lm.text AS last_text, lm.direction AS last_direction, lm.author AS last_author, lm.type AS last_type, lm.payload AS last_payload
       ${pattern === null ? '' : ', mm.id AS match_id, mm.text AS match_text'}
     FROM (?) p
     LEFT JOIN LATERAL (
       SELECT m.text, m.direction, m.author, m.type, m.payload FROM messages m
       WHERE m.tenant_id = ? AND m.conversation_id = p.id
       ORDER BY m.created_at DESC, m.id DESC LIMIT 1) lm ON true
     ${pattern === null ? '' : `LEFT JOIN LATERAL (
       SELECT m.id, m.text FROM messages m
       WHERE m.tenant_id = ? AND m.conversation_id = p.id AND ${MESSAGES_SEARCHED} AND ${foldedLike('m.text')}
       ORDER BY m.created_at DESC, m.id DESC LIMIT 1) mm ON true`}
     ORDER BY p.last_message_at DESC, p.id DESC`,
    pattern === null ? [query, tdb.tenantId] : [query, tdb.tenantId, tdb.tenantId, pattern],
  );

function applyFilters(tdb: TenantDb, query: Knex.QueryBuilder, f: ConversationFilters): void {
  if (f.status) query.where('conversations.status', f.status);
  if (f.assigneeId) query.where('conversations.assignee_id', f.assigneeId);
  if (f.unassigned === true) query.whereNull('conversations.assignee_id').whereIn('conversations.status', ['waiting', 'human']);
  if (f.unassigned === false) query.whereNotNull('conversations.assignee_id');
  if (f.open === true) query.whereNot('conversations.status', 'closed');
  if (f.open === false) query.where('conversations.status', 'closed');
  if (f.channelId) query.where('conversations.channel_id', f.channelId);
  if (f.teamId) query.where('conversations.team_id', f.teamId);
  if (f.contactId) query.where('conversations.contact_id', f.contactId);
  applySnoozed(query, f);
  if (f.tag) query.whereRaw('EXISTS (SELECT 1 FROM contacts t WHERE t.id = conversations.contact_id AND t.tags @> ARRAY[?]::text[])', [f.tag]);
}

/**
 * Snoozed now: a time in the past is no snooze (nothing has to wake a chat up), and only a chat a
 * person holds is (closing it or handing it to the bot or a queue ends the snooze; conversation-view.ts agrees).
 */
export const SNOOZED = "(conversations.status = 'human' AND conversations.snoozed_until IS NOT NULL AND conversations.snoozed_until > now())";
const NOT_SNOOZED = `NOT ${SNOOZED}`;

/** The Snoozed folder lists them; the other views hide them, but a search or a contact's history finds them. */
function applySnoozed(query: Knex.QueryBuilder, f: ConversationFilters): void {
  if (f.snoozed === true) query.whereRaw(SNOOZED);
  else if (f.snoozed === false || (!f.q && !f.contactId)) query.whereRaw(NOT_SNOOZED);
}

const NEWEST_FIRST = [{ column: 'conversations.last_message_at', order: 'desc' as const }, { column: 'conversations.id', order: 'desc' as const }];
/** How many of the newest rows a common search term tests before it counts as medium. */
const SEARCH_WINDOW = 600;

/**
 * A conversation a campaign opened joins the inbox once the customer answers: until then it holds
 * only the campaign's template (reachable from the campaign's recipients). Same predicate as the
 * list indexes of migration 0075.
 */
export const IN_INBOX = '(conversations.outreach_campaign_id IS NULL OR conversations.last_inbound_at IS NOT NULL)';

/** What the inbox lists: customer conversations (simulator runs are not), campaign ones once answered. */
export const LISTED = `conversations.test_flow_version_id IS NULL AND ${IN_INBOX}`;

/**
 * The Waiting folder: listed, handed to people, nobody took it yet. Its badge, its list (LISTED and
 * the status filter) and the reports' "waiting now" all read this, so they cannot tell two stories.
 */
export const WAITING_FOLDER = `${LISTED} AND conversations.status = 'waiting'`;

/** The filtered list from the cursor on, newest activity first, from conversations alone. */
function listed(tdb: TenantDb, f: ConversationFilters, cursor: TimeCursor | null) {
  const query = tdb.from('conversations').whereRaw(LISTED); // with status=waiting: WAITING_FOLDER
  applyFilters(tdb, query, f);
  if (cursor) query.whereRaw('(conversations.last_message_at, conversations.id) < (?::timestamptz, ?::uuid)', [cursor.at, cursor.id]);
  return query;
}

/** The page: ids and cursors of up to limit + 1 rows (exported for the plan tests). */
export function pageQuery(tdb: TenantDb, f: ConversationFilters, cursor: TimeCursor | null, scope: SearchScope | null) {
  const query = listed(tdb, f, cursor)
    .select('conversations.id', tdb.raw(`${isoMicros('conversations.last_message_at')} AS cursor_at`))
    .orderBy(NEWEST_FIRST)
    .limit(f.limit + 1);
  if (scope) applySearch(tdb, query, scope);
  return query;
}

/** The page as found among the newest SEARCH_WINDOW rows only (complete when it comes out full). */
function windowedPage(tdb: TenantDb, f: ConversationFilters, cursor: TimeCursor | null, scope: SearchScope) {
  const window = listed(tdb, f, cursor)
    .select('conversations.id')
    .orderBy(NEWEST_FIRST)
    .limit(SEARCH_WINDOW)
    .as('w');
  const query = tdb
    .from('conversations')
    .join(window, 'w.id', 'conversations.id')
    .select('conversations.id', tdb.raw(`${isoMicros('conversations.last_message_at')} AS cursor_at`))
    .orderBy(NEWEST_FIRST)
    .limit(f.limit + 1);
  applySearch(tdb, query, scope);
  return query;
}

/** The page's rows; with a text search, each with the message that matched (`match_id`, `match_text`). */
async function hydrate(tdb: TenantDb, page: Knex.QueryBuilder, scope: SearchScope | null): Promise<Row[]> {
  const rows = conversationBase(tdb)
    .join(page.as('page'), 'page.id', 'conversations.id')
    .select(...CONVERSATION_COLUMNS, 'page.cursor_at');
  return (await withLastMessage(tdb, rows, scope?.conversations ? scope.pattern : null)).rows;
}

export async function listConversations(tdb: TenantDb, f: ConversationFilters, cursor: TimeCursor | null, scope: SearchScope | null): Promise<Row[]> {
  if (scope?.contacts === 'common') {
    const quick = await hydrate(tdb, windowedPage(tdb, f, cursor, scope), scope);
    if (quick.length > f.limit) return quick;
    scope = { ...scope, contacts: 'hash' };
  }
  return hydrate(tdb, pageQuery(tdb, f, cursor, scope), scope);
}

export type Counts = {
  waiting: number; mine: number; snoozed: number; snoozedAll: number | null; mineUnread: number; unassigned: number; bot: number; human: number; closed: number;
  capped: string[];
};

/** Beyond this a count stops (and is named in `capped`): closed conversations only ever grow. */
export const COUNT_CAP = 10_000;

/**
 * Each count walks its own index (status, the caller's open ones, the unowned ones) and stops at the
 * cap. The status counts leave out unanswered campaign conversations (their index has the same
 * predicate); the caller's and the unowned ones never hold such a conversation (it has no assignee
 * and is never waiting), and asking there would cost a table visit per row. `mineUnread` (the caller's
 * chats with a customer message nobody read) walks the caller's open ones too, and visits only those rows.
 * `snoozedAll` (every snoozed chat, whoever holds it: a supervisor's Snoozed folder) walks the snoozed
 * chats' index (migration 0250) and is counted only for those who see that folder; else null.
 */
export async function countConversations(tdb: TenantDb, userId: string, seesAllSnoozed: boolean): Promise<Counts> {
  const count = (where: string) =>
    `(SELECT count(*) FROM (SELECT 1 FROM conversations WHERE tenant_id = :t AND ${where} LIMIT :cap) c)::int`;
  const customers = 'test_flow_version_id IS NULL';
  const res = await tdb.raw(
    `SELECT ${count(WAITING_FOLDER)} AS waiting, ${count(`${LISTED} AND status = 'bot'`)} AS bot, ${count(`${LISTED} AND status = 'human'`)} AS human,
       ${count(`${LISTED} AND status = 'closed'`)} AS closed, ${count(`${customers} AND assignee_id = :me AND status <> 'closed' AND ${NOT_SNOOZED}`)} AS mine,
       ${count(`${customers} AND assignee_id = :me AND status <> 'closed' AND unread_count > 0 AND ${NOT_SNOOZED}`)} AS "mineUnread",
       ${count(`${customers} AND assignee_id IS NULL AND status IN ('waiting', 'human')`)} AS unassigned,
       ${count(`${customers} AND assignee_id = :me AND status <> 'closed' AND ${SNOOZED}`)} AS snoozed,
       ${seesAllSnoozed ? count(`${LISTED} AND ${SNOOZED}`) : 'NULL::int'} AS "snoozedAll"`,
    { t: tdb.tenantId, me: userId, cap: COUNT_CAP },
  );
  const row = res.rows[0] as Omit<Counts, 'capped'>;
  return { ...row, capped: Object.entries(row).filter(([, n]) => n !== null && n >= COUNT_CAP).map(([key]) => key) };
}
