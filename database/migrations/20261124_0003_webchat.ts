// Web chat and the builder's simulator: test runs execute a snapshot of the draft as a test-only
// flow version (no number, never listed), on conversations marked with the version they test.
import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('flow_versions', (t) => {
    t.boolean('is_test').notNullable().defaultTo(false);
  });
  await db.raw('ALTER TABLE flow_versions ALTER COLUMN version DROP NOT NULL');
  await db.schema.alterTable('conversations', (t) => {
    t.uuid('test_flow_version_id').references('id').inTable('flow_versions').onDelete('CASCADE');
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('conversations', (t) => t.dropColumn('test_flow_version_id'));
  await db('flow_versions').where({ is_test: true }).delete();
  await db.raw('ALTER TABLE flow_versions ALTER COLUMN version SET NOT NULL');
  await db.schema.alterTable('flow_versions', (t) => t.dropColumn('is_test'));
}
