// Team inbox, part 2: canned responses, picked in the composer by their /shortcut.
import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('canned_responses', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE');
    t.text('shortcut').notNullable();
    t.text('text').notNullable();
    t.uuid('created_by').references('id').inTable('users').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
  });
  await db.raw('CREATE UNIQUE INDEX canned_responses_shortcut_uq ON canned_responses (tenant_id, lower(shortcut))');
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTableIfExists('canned_responses');
}
