// A builder's test chat that reached a transfer step opened a handoff, so the response-time report
// counted a chat "waiting" that no inbox lists. Those rows go; test chats no longer open any.
import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.raw(
    `DELETE FROM inbox_handoffs h USING conversations c
     WHERE c.tenant_id = h.tenant_id AND c.id = h.conversation_id AND c.test_flow_version_id IS NOT NULL`,
  );
}

/** Nothing to restore: the rows described no customer's wait. */
export async function down(): Promise<void> {}
