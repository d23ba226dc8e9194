// Reports → the satisfaction survey counts the surveys sent in the period (and how many were
// answered) by `sent_at`; only the answers were indexed by time, so that count walked every survey
// the workspace ever sent. Built concurrently: no lock on the surveys written as chats close.
import type { Knex } from 'knex';
import { buildConcurrently } from './concurrent-index';

export const config = { transaction: false };

export async function up(db: Knex): Promise<void> {
  await buildConcurrently(db, 'satisfaction_surveys_sent_idx', 'satisfaction_surveys (tenant_id, sent_at)');
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP INDEX CONCURRENTLY IF EXISTS satisfaction_surveys_sent_idx');
}
