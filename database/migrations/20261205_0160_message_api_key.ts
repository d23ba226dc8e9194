// A message sent through an API key names the key: the business's own system (an order update, a
// payment confirmation) wrote it, not the member who created the key, whose name the thread and the
// web-chat widget showed as its author. Expand-only: a nullable column; a key revoked and deleted
// leaves its messages, unnamed.
import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('messages', (t) => {
    t.uuid('api_key_id').references('id').inTable('api_keys').onDelete('SET NULL');
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('messages', (t) => t.dropColumn('api_key_id'));
}
