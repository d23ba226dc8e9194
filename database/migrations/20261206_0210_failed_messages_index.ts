// Settings → Failures lists and counts a workspace's messages that could not be sent, and "retry
// all" takes them oldest first. Nothing indexed them: each look walked every message the workspace
// ever had. A partial index holds only the failed ones, by workspace and time (few rows, and a row
// leaves it when retried). Built and dropped concurrently: no lock on messages beyond a moment.
import type { Knex } from 'knex';
import { buildConcurrently } from './concurrent-index';

export const config = { transaction: false };

export async function up(db: Knex): Promise<void> {
  await buildConcurrently(db, 'messages_failed_idx', "messages (tenant_id, updated_at) WHERE direction = 'out' AND status = 'failed'");
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP INDEX CONCURRENTLY IF EXISTS messages_failed_idx');
}
