// Two lookups every message makes could read pages filled by other workspaces.
// - The contact is found by its ids through the aliases' GIN index. With fast update, new entries
//   wait in a pending list that every search reads whole until a vacuum merges it: each contact
//   added (a workspace importing 20,000 contacts, a campaign's new customers) made every workspace's
//   next messages read more of it (71 pages per message instead of 4 after 20,000 contacts; up to
//   the list's 4 MB). Entries now go straight into the index, and the list left over is merged.
//   Changing the setting locks the index (not the table) exclusively for a moment.
// - A drain reads its conversation's waiting events. The sweeper's index over every workspace's
//   waiting events (by arrival time) could serve that read too, and was chosen while the table's
//   statistics were behind a backlog: 363 pages per drain with 20,000 events waiting elsewhere. The
//   sweeper's index now also requires `received_at IS NOT NULL`, which the sweeper's own filter on
//   the arrival time proves and a drain's read does not, so only the sweeper can use it. Built and
//   dropped concurrently: no lock beyond a moment.
import type { Knex } from 'knex';
import { buildConcurrently } from './concurrent-index';

export const config = { transaction: false };

export async function up(db: Knex): Promise<void> {
  await db.raw('ALTER INDEX contacts_aliases_idx SET (fastupdate = off)');
  await db.raw("SELECT gin_clean_pending_list('contacts_aliases_idx'::regclass)");
  await buildConcurrently(db, 'inbound_events_stranded_idx', "inbound_events (received_at) WHERE status = 'received' AND received_at IS NOT NULL");
  await db.raw('DROP INDEX CONCURRENTLY IF EXISTS inbound_events_pending_idx');
}

export async function down(db: Knex): Promise<void> {
  await buildConcurrently(db, 'inbound_events_pending_idx', "inbound_events (received_at) WHERE status IN ('received','queued')");
  await db.raw('DROP INDEX CONCURRENTLY IF EXISTS inbound_events_stranded_idx');
  await db.raw('ALTER INDEX contacts_aliases_idx RESET (fastupdate)');
}
