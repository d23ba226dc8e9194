// Campaigns (broadcasts of an approved WhatsApp template): the campaign, and its audience frozen at
// start into one row per recipient. A recipient row is claimed with a lease before its one send and
// names the message id (ours, echoed back by the provider as callback data) before the call, so a
// sender that dies mid-call can tell afterwards whether the provider took the message.
import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('campaigns', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE');
    t.uuid('channel_id').notNullable().references('id').inTable('channels').onDelete('CASCADE');
    t.text('name').notNullable();
    t.text('status').notNullable().defaultTo('draft')
      .checkIn(['draft', 'scheduled', 'running', 'paused', 'completed', 'cancelled']);
    t.jsonb('template').notNullable(); // {name, language, parameters, text?}
    t.jsonb('audience').notNullable(); // {tags?, contactIds?, phones?}
    t.uuid('flow_id').references('id').inTable('flows').onDelete('SET NULL');
    t.timestamp('scheduled_at', { useTz: true });
    t.text('time_zone').notNullable().defaultTo('America/Sao_Paulo');
    t.text('window_start').notNullable().defaultTo('09:00');
    t.text('window_end').notNullable().defaultTo('20:00');
    t.integer('messages_per_second'); // null: the number's throughput minus the share kept for live replies
    t.integer('daily_limit'); // null: the messaging tier's
    t.integer('min_gap_ms'); // gateways (Evolution): random gap between sends, lower and upper bound
    t.integer('max_gap_ms');
    t.text('pause_reason');
    t.uuid('created_by').references('id').inTable('users').onDelete('SET NULL');
    t.timestamp('started_at', { useTz: true });
    t.timestamp('finished_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.index(['tenant_id', 'created_at']);
  });
  await db.raw("CREATE INDEX campaigns_active_idx ON campaigns (status) WHERE status IN ('scheduled', 'running')");
  await db.schema.createTable('campaign_recipients', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE');
    t.uuid('campaign_id').notNullable().references('id').inTable('campaigns').onDelete('CASCADE');
    t.uuid('contact_id').notNullable().references('id').inTable('contacts').onDelete('CASCADE');
    // pending → sending (leased) → sent | failed | skipped; delivered/read/failed later come from the message
    t.text('status').notNullable().defaultTo('pending').checkIn(['pending', 'sending', 'sent', 'failed', 'skipped']);
    t.text('reason');
    t.uuid('message_id'); // chosen before the send; the messages row exists once the provider accepted it
    t.uuid('conversation_id').references('id').inTable('conversations').onDelete('SET NULL');
    t.integer('attempts').notNullable().defaultTo(0);
    t.timestamp('next_attempt_at', { useTz: true });
    t.timestamp('lease_until', { useTz: true });
    t.timestamp('sent_at', { useTz: true });
    t.timestamp('replied_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.unique(['campaign_id', 'contact_id']);
    t.index(['tenant_id', 'campaign_id', 'status']);
    t.index(['tenant_id', 'contact_id', 'sent_at']);
  });
  await db.raw('CREATE UNIQUE INDEX campaign_recipients_message_uq ON campaign_recipients (message_id) WHERE message_id IS NOT NULL');
  // A recipient whose sender died mid-call is settled from the provider's status (which echoes our
  // message id) instead of being sent twice.
  await db.raw("CREATE INDEX inbound_events_callback_idx ON inbound_events ((payload->>'callbackData')) WHERE kind = 'status' AND payload->>'callbackData' IS NOT NULL");
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP INDEX IF EXISTS inbound_events_callback_idx');
  await db.schema.dropTableIfExists('campaign_recipients');
  await db.schema.dropTableIfExists('campaigns');
}
