// WhatsApp message templates as Meta holds them, per channel (its WhatsApp Business Account): kept
// in step by sync and by the template webhooks (status, quality, category).
import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('whatsapp_templates', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE');
    t.uuid('channel_id').notNullable().references('id').inTable('channels').onDelete('CASCADE');
    t.text('provider_id'); // Meta's template id
    t.text('name').notNullable();
    t.text('language').notNullable();
    t.text('category').notNullable();
    t.text('previous_category');
    t.text('status').notNullable();
    t.text('status_reason');
    t.text('quality_score');
    t.text('parameter_format').notNullable().defaultTo('positional');
    t.jsonb('components').notNullable().defaultTo('[]');
    t.timestamp('status_updated_at', { useTz: true });
    t.timestamp('synced_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.unique(['tenant_id', 'channel_id', 'name', 'language']);
    t.index(['tenant_id', 'provider_id']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTableIfExists('whatsapp_templates');
}
