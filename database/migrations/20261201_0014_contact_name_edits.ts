// Team inbox, part 5: a contact name an agent typed is kept. Until now each inbound message put the
// customer's WhatsApp profile name back over it.
import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('contacts', (t) => {
    t.timestamp('name_edited_at', { useTz: true });
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('contacts', (t) => t.dropColumn('name_edited_at'));
}
