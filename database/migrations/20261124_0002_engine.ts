// Engine and outbound pipeline: the run log, outbox bookkeeping on messages, and the customer
// service window on conversations.
import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('messages', (t) => {
    t.integer('attempts').notNullable().defaultTo(0);
    t.timestamp('next_attempt_at', { useTz: true });
    t.timestamp('sent_at', { useTz: true });
    t.uuid('flow_session_id');
    t.text('node_id');
  });
  // Messages are ordered by created_at. now() is the transaction's start, and a drain that waited
  // for a conversation's lock started before the one holding it: clock_timestamp() is taken at the
  // insert, after the lock, so it follows the order in which the drains really ran.
  await db.raw('ALTER TABLE messages ALTER COLUMN created_at SET DEFAULT clock_timestamp()');
  // The send drain reads a conversation's unsent messages in order.
  await db.raw(
    "CREATE INDEX messages_outbox_idx ON messages (conversation_id, created_at, id) WHERE direction = 'out' AND status IN ('pending', 'sending')",
  );
  await db.raw("CREATE INDEX messages_outbox_sweep_idx ON messages (created_at) WHERE direction = 'out' AND status IN ('pending', 'sending')");
  await db.schema.alterTable('conversations', (t) => {
    t.timestamp('last_inbound_at', { useTz: true });
    t.uuid('flow_id'); // flow that handled the conversation last, for handback and analytics
  });
  // A parked session records when it expects a timer or an LLM answer, so the sweeper can
  // recover one whose job was lost between commit and enqueue.
  await db.schema.alterTable('flow_sessions', (t) => {
    t.timestamp('wake_at', { useTz: true });
    t.text('wake_token');
    t.text('wake_kind');
  });
  await db.raw("CREATE INDEX flow_sessions_wake_idx ON flow_sessions (wake_at) WHERE status = 'active' AND wake_at IS NOT NULL");
  await db.schema.createTable('run_logs', (t) => {
    t.bigIncrements('id').primary();
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE');
    t.uuid('conversation_id').notNullable().references('id').inTable('conversations').onDelete('CASCADE');
    t.uuid('flow_session_id');
    t.uuid('flow_version_id');
    t.timestamp('at', { useTz: true }).notNullable();
    t.text('node_id');
    t.text('node_type');
    t.text('outcome').notNullable();
    t.text('error');
    t.index(['tenant_id', 'conversation_id', 'id']);
    t.index(['tenant_id', 'flow_version_id', 'node_id']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTableIfExists('run_logs');
  await db.schema.alterTable('flow_sessions', (t) => {
    t.dropColumn('wake_at');
    t.dropColumn('wake_token');
    t.dropColumn('wake_kind');
  });
  await db.schema.alterTable('conversations', (t) => {
    t.dropColumn('last_inbound_at');
    t.dropColumn('flow_id');
  });
  await db.raw('DROP INDEX IF EXISTS messages_outbox_idx');
  await db.raw('DROP INDEX IF EXISTS messages_outbox_sweep_idx');
  await db.schema.alterTable('messages', (t) => {
    for (const c of ['attempts', 'next_attempt_at', 'sent_at', 'flow_session_id', 'node_id']) t.dropColumn(c);
  });
}
