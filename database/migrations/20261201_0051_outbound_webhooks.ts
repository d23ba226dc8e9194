// Outbound webhooks: endpoints (the `webhooks` table) gain rotation, disabling and failure tracking;
// `webhook_messages` holds each event to deliver to one endpoint (its body kept byte for byte, so a
// retry or a resend carries the same webhook-id and the same bytes); `webhook_deliveries` becomes
// the log of every attempt; `notices` tells a workspace's owners about things that need them.
import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('webhooks', (t) => {
    t.text('description');
    t.text('previous_secret_enc');
    t.timestamp('previous_secret_expires_at', { useTz: true });
    t.timestamp('failing_since', { useTz: true });
    t.timestamp('disabled_at', { useTz: true });
    t.text('disabled_reason');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
  });
  await db.schema.createTable('webhook_messages', (t) => {
    t.text('id').primary(); // msg_…, the webhook-id header
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE');
    t.uuid('webhook_id').notNullable().references('id').inTable('webhooks').onDelete('CASCADE');
    t.bigInteger('domain_event_id'); // null for test events
    t.text('event_type').notNullable();
    t.text('body').notNullable();
    t.text('status').notNullable().defaultTo('pending').checkIn(['pending', 'delivered', 'failed']);
    t.integer('attempts').notNullable().defaultTo(0);
    t.timestamp('next_attempt_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.unique(['webhook_id', 'domain_event_id']);
    t.index(['tenant_id', 'webhook_id', 'created_at']);
  });
  await db.raw("CREATE INDEX webhook_messages_pending_idx ON webhook_messages (next_attempt_at) WHERE status = 'pending'");
  await db.schema.alterTable('webhook_deliveries', (t) => {
    t.text('message_id').references('id').inTable('webhook_messages').onDelete('CASCADE');
    t.text('error');
    t.boolean('manual').notNullable().defaultTo(false);
  });
  await db.schema.createTable('notices', (t) => {
    t.bigIncrements('id').primary();
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE');
    t.text('kind').notNullable();
    t.text('audience').notNullable().defaultTo('owner');
    t.jsonb('data').notNullable().defaultTo('{}');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.timestamp('dismissed_at', { useTz: true });
    t.index(['tenant_id', 'created_at']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTableIfExists('notices');
  await db.schema.alterTable('webhook_deliveries', (t) => {
    t.dropColumn('message_id');
    t.dropColumn('error');
    t.dropColumn('manual');
  });
  await db.schema.dropTableIfExists('webhook_messages');
  await db.schema.alterTable('webhooks', (t) => {
    for (const c of ['description', 'previous_secret_enc', 'previous_secret_expires_at', 'failing_since', 'disabled_at', 'disabled_reason', 'updated_at']) t.dropColumn(c);
  });
}
