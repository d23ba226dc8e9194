// A workspace's queue of chats nobody took ("waiting, unowned, longest waiting first", read for
// each automatic assignment) was served by an index over every workspace's waiting chats, ordered
// by transfer time: while the table's statistics were behind (as they stay on a large table after a
// burst), PostgreSQL walked other workspaces' queues to find this one's (20,000 waiting elsewhere:
// 382 pages, 5 ms, per assignment). The index now leads with the workspace. The sweeps that look
// across workspaces read the whole (small) index either way. Built and dropped concurrently: no
// lock on conversations beyond a moment; a build that failed half-way is dropped and built again.
import type { Knex } from 'knex';
import { buildConcurrently } from './concurrent-index';

export const config = { transaction: false };

const PREDICATE = "status = 'waiting' AND assignee_id IS NULL";

const build = (db: Knex, name: string, columns: string) => buildConcurrently(db, name, `conversations (${columns}) WHERE ${PREDICATE}`);

export async function up(db: Knex): Promise<void> {
  await build(db, 'conversations_waiting_queue_idx', 'tenant_id, transferred_at');
  await db.raw('DROP INDEX CONCURRENTLY IF EXISTS conversations_waiting_unowned_idx');
}

export async function down(db: Knex): Promise<void> {
  await build(db, 'conversations_waiting_unowned_idx', 'transferred_at');
  await db.raw('DROP INDEX CONCURRENTLY IF EXISTS conversations_waiting_queue_idx');
}
