// The outbox had two partial indexes over the replies waiting to be sent: one per conversation
// (conversation_id, created_at, id) and one for the sweeper (created_at). A conversation's send
// checks ("is an older reply of this chat still waiting?") could be planned on the sweeper's index,
// which holds every workspace's waiting replies: while the table's statistics had not caught up with
// a backlog (a workspace whose number was refused for an hour), each of another workspace's drains
// read all of it (6 ms against 0.2 ms with 5,000 waiting). The sweeper reads every waiting reply
// anyway (its filter is on the retry time, not the creation time), so the per-conversation index
// serves it as well, and without the sweeper's index no conversation-scoped check can be planned
// across workspaces. Dropped concurrently: no lock on messages beyond a moment.
import type { Knex } from 'knex';

export const config = { transaction: false };

export async function up(db: Knex): Promise<void> {
  await db.raw('DROP INDEX CONCURRENTLY IF EXISTS messages_outbox_sweep_idx');
}

export async function down(db: Knex): Promise<void> {
  await db.raw("CREATE INDEX CONCURRENTLY IF NOT EXISTS messages_outbox_sweep_idx ON messages (created_at) WHERE direction = 'out' AND status IN ('pending', 'sending')");
}
