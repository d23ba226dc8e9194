// A domain event is marked dispatched once every listener has seen it; a listener that threw keeps
// its own row here and is retried alone (with backoff) until it succeeds, so one failing consumer
// neither loses the event nor re-runs the consumers that already took it.
import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('domain_event_retries', (t) => {
    t.bigIncrements('id').primary();
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE');
    t.bigInteger('event_id').notNullable().references('id').inTable('domain_events').onDelete('CASCADE');
    t.text('listener').notNullable();
    t.integer('attempts').notNullable().defaultTo(1);
    t.text('last_error').notNullable();
    t.timestamp('next_attempt_at', { useTz: true }).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.unique(['event_id', 'listener']);
    t.index(['next_attempt_at']);
    t.index(['tenant_id']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTableIfExists('domain_event_retries');
}
