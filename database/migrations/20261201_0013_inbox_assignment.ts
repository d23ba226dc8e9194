// Team inbox, part 4: automatic assignment (round-robin by who was assigned longest ago), the
// "nobody picked it up" timeout, and handoffs: each stretch of a conversation in human hands, from
// the handoff to the first human reply and to the close, for the response-time report.
import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('memberships', (t) => {
    t.timestamp('last_assigned_at', { useTz: true });
  });
  await db.schema.alterTable('conversations', (t) => {
    t.timestamp('no_agent_notified_at', { useTz: true });
  });
  // The sweeper's look for chats nobody took: waiting, unowned, oldest handoff first.
  await db.raw("CREATE INDEX conversations_waiting_unowned_idx ON conversations (transferred_at) WHERE status = 'waiting' AND assignee_id IS NULL");
  await db.schema.createTable('inbox_handoffs', (t) => {
    t.bigIncrements('id').primary();
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE');
    t.uuid('conversation_id').notNullable().references('id').inTable('conversations').onDelete('CASCADE');
    t.uuid('team_id').references('id').inTable('teams').onDelete('SET NULL');
    t.timestamp('started_at', { useTz: true }).notNullable();
    t.timestamp('first_reply_at', { useTz: true });
    t.uuid('first_reply_by').references('id').inTable('users').onDelete('SET NULL');
    t.timestamp('ended_at', { useTz: true });
    t.text('end_reason'); // closed | handback | no_agent
    t.uuid('ended_assignee_id').references('id').inTable('users').onDelete('SET NULL');
    t.index(['tenant_id', 'started_at']);
  });
  await db.raw('CREATE UNIQUE INDEX inbox_handoffs_open_uq ON inbox_handoffs (tenant_id, conversation_id) WHERE ended_at IS NULL');
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTableIfExists('inbox_handoffs');
  await db.raw('DROP INDEX IF EXISTS conversations_waiting_unowned_idx');
  await db.schema.alterTable('conversations', (t) => t.dropColumn('no_agent_notified_at'));
  await db.schema.alterTable('memberships', (t) => t.dropColumn('last_assigned_at'));
}
