// The satisfaction survey a customer gets when a person closes their chat (Settings → Inbox), and
// the answer they tap. One row per survey sent: who held the chat at the close (the agent rated),
// when it went out, and the first answer (1 poor, 2 OK, 3 great) with its time; a second tap or a
// redelivered one leaves the first answer as it was. Rows go with their conversation and workspace.
import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('satisfaction_surveys', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE');
    t.uuid('conversation_id').notNullable().references('id').inTable('conversations').onDelete('CASCADE');
    t.uuid('agent_id').references('id').inTable('users').onDelete('SET NULL');
    t.uuid('message_id').notNullable();
    t.timestamp('sent_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.smallint('score');
    t.timestamp('answered_at', { useTz: true });
    t.uuid('answer_message_id');
    t.index(['tenant_id', 'conversation_id', 'sent_at']);
    t.index(['tenant_id', 'answered_at']);
  });
  await db.raw('ALTER TABLE satisfaction_surveys ADD CONSTRAINT satisfaction_surveys_score_ck CHECK (score BETWEEN 1 AND 3)');
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTableIfExists('satisfaction_surveys');
}
