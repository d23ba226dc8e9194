// Items of signed provider payloads that could not be used (no usable id, no sender, wrong types).
// The rest of each payload is processed; these rows let the workspace see what was set aside and
// why. One row per distinct item (a provider's retries count up `times`), a few hundred per channel.
import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('inbound_rejections', (t) => {
    t.bigIncrements('id').primary();
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE');
    t.uuid('channel_id').notNullable().references('id').inTable('channels').onDelete('CASCADE');
    t.text('fingerprint').notNullable(); // sha256 of reason + excerpt: the same item retried is one row
    t.text('reason').notNullable();
    t.jsonb('sample').notNullable(); // a bounded, cleaned excerpt of the item
    t.integer('times').notNullable().defaultTo(1);
    t.timestamp('first_seen_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.timestamp('last_seen_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.unique(['channel_id', 'fingerprint']);
    t.index(['tenant_id', 'channel_id', 'id']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTableIfExists('inbound_rejections');
}
