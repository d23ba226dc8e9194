// Conversations a campaign opened: until the customer answers they hold only the campaign's own
// template and stay out of the inbox lists (thousands of one-message chats would bury the real
// ones); the campaign's recipient table still opens them. The inbox's two widest list indexes are
// rebuilt with that predicate so the lists keep one index walk; the narrower ones (assignee, team,
// unassigned) hardly ever meet such a conversation and filter it on the way.
import type { Knex } from 'knex';

const LIST = 'last_message_at DESC, id DESC';
const CUSTOMER = 'test_flow_version_id IS NULL';
export const IN_INBOX = '(outreach_campaign_id IS NULL OR last_inbound_at IS NOT NULL)';

export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('conversations', (t) => {
    t.uuid('outreach_campaign_id').references('id').inTable('campaigns').onDelete('SET NULL');
  });
  await db.raw(`CREATE INDEX conversations_inbox_list_idx ON conversations (tenant_id, ${LIST}) WHERE ${CUSTOMER} AND ${IN_INBOX}`);
  await db.raw(`CREATE INDEX conversations_inbox_status_list_idx ON conversations (tenant_id, status, ${LIST}) WHERE ${CUSTOMER} AND ${IN_INBOX}`);
  await db.raw('DROP INDEX IF EXISTS conversations_list_idx');
  await db.raw('DROP INDEX IF EXISTS conversations_status_list_idx');
}

export async function down(db: Knex): Promise<void> {
  await db.raw(`CREATE INDEX IF NOT EXISTS conversations_list_idx ON conversations (tenant_id, ${LIST}) WHERE ${CUSTOMER}`);
  await db.raw(`CREATE INDEX IF NOT EXISTS conversations_status_list_idx ON conversations (tenant_id, status, ${LIST}) WHERE ${CUSTOMER}`);
  await db.raw('DROP INDEX IF EXISTS conversations_inbox_status_list_idx');
  await db.raw('DROP INDEX IF EXISTS conversations_inbox_list_idx');
  await db.schema.alterTable('conversations', (t) => t.dropColumn('outreach_campaign_id'));
}
