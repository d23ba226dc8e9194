// The Snoozed folder (`snoozed=true`: an agent's own, a supervisor's every holder's) and its counts
// walked the workspace's human chats, or all the chats an agent ever held, to find the few snoozed
// ones (their time is read from the row). This holds only the chats a person holds with a snooze set,
// in the list's keyset order; a snooze whose time passed stays in it until the chat is closed, handed
// back or the customer writes, and the query drops it on the way. Built concurrently: no lock on
// conversations beyond a moment.
import type { Knex } from 'knex';
import { buildConcurrently } from './concurrent-index';

export const config = { transaction: false };

export async function up(db: Knex): Promise<void> {
  await buildConcurrently(db, 'conversations_snoozed_list_idx',
    "conversations (tenant_id, last_message_at DESC, id DESC) WHERE status = 'human' AND snoozed_until IS NOT NULL AND test_flow_version_id IS NULL");
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP INDEX CONCURRENTLY IF EXISTS conversations_snoozed_list_idx');
}
