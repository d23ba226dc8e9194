// Team inbox, part 3: agent sends that are safe to retry (Idempotency-Key), and files agents upload
// to send (POST /v1/media), kept in object storage.
import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('messages', (t) => {
    t.text('idempotency_key');
  });
  await db.raw('CREATE UNIQUE INDEX messages_idempotency_uq ON messages (tenant_id, idempotency_key) WHERE idempotency_key IS NOT NULL');
  await db.schema.createTable('media_uploads', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE');
    t.text('storage_key').notNullable();
    t.text('mime_type').notNullable();
    t.text('file_name').notNullable();
    t.integer('size').notNullable();
    t.uuid('created_by').references('id').inTable('users').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.index(['tenant_id', 'created_at']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTableIfExists('media_uploads');
  await db.raw('DROP INDEX IF EXISTS messages_idempotency_uq');
  await db.schema.alterTable('messages', (t) => t.dropColumn('idempotency_key'));
}
