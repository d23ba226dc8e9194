// A customer who writes again after their chat was closed goes back to the agent who closed it:
// automatic assignment reads who that was from the conversation's closed handoffs. Only the open
// handoff was indexed by conversation; this holds the closed ones (built concurrently: no lock on
// inbox_handoffs beyond a moment).
import type { Knex } from 'knex';
import { buildConcurrently } from './concurrent-index';

export const config = { transaction: false };

export async function up(db: Knex): Promise<void> {
  await buildConcurrently(db, 'inbox_handoffs_closed_idx', "inbox_handoffs (tenant_id, conversation_id, ended_at) WHERE end_reason = 'closed'");
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP INDEX CONCURRENTLY IF EXISTS inbox_handoffs_closed_idx');
}
