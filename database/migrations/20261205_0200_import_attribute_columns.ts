// An import tells which column filled which attribute: a spreadsheet's "Data de nascimento" fills
// "Data_de_nascimento", and the person needs that name for the drawer, filters and {{placeholders}}.
// Kept beside the import because the file itself is dropped once it is applied. Expand-only.
import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('contact_imports', (t) => {
    t.jsonb('attribute_columns').notNullable().defaultTo(db.raw("'[]'::jsonb"));
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('contact_imports', (t) => t.dropColumn('attribute_columns'));
}
