// Contacts directory: a normalized E.164 phone per contact (a Brazilian mobile with or without the
// ninth digit is one number), a default country per workspace for numbers written without one,
// where opt-outs and opt-ins came from, LGPD erasure (the row stays, anonymized, so the messages
// keep their conversation), and CSV imports processed in the background.
import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('tenants', (t) => {
    t.text('default_country').notNullable().defaultTo('BR');
  });
  await db.schema.alterTable('contacts', (t) => {
    t.text('phone_e164');
    t.text('opted_out_via');
    t.timestamp('opted_in_at', { useTz: true });
    t.text('opted_in_via');
    t.timestamp('erased_at', { useTz: true });
  });
  // Existing rows hold WhatsApp ids (international digits): the same rule the application applies.
  await db.raw(`UPDATE contacts SET phone_e164 = CASE
      WHEN phone ~ '^55[1-9][0-9][6-9][0-9]{7}$' THEN '+' || substr(phone, 1, 4) || '9' || substr(phone, 5)
      ELSE '+' || phone END
    WHERE phone ~ '^[1-9][0-9]{7,14}$'`);
  await db.raw('CREATE INDEX contacts_phone_e164_idx ON contacts (tenant_id, phone_e164) WHERE phone_e164 IS NOT NULL');
  await db.raw('CREATE INDEX contacts_directory_idx ON contacts (tenant_id, created_at DESC, id DESC) WHERE erased_at IS NULL');
  await db.schema.createTable('contact_imports', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE');
    t.uuid('channel_id').notNullable().references('id').inTable('channels').onDelete('CASCADE');
    t.uuid('created_by').references('id').inTable('users').onDelete('SET NULL');
    t.text('status').notNullable().defaultTo('queued').checkIn(['queued', 'running', 'completed', 'failed']);
    t.text('source').notNullable(); // the CSV text, cleared when the import ends
    t.integer('total').notNullable().defaultTo(0);
    t.integer('processed').notNullable().defaultTo(0);
    t.integer('created').notNullable().defaultTo(0);
    t.integer('updated').notNullable().defaultTo(0);
    t.jsonb('errors').notNullable().defaultTo('[]');
    t.text('failure');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.timestamp('finished_at', { useTz: true });
    t.index(['tenant_id', 'created_at']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTableIfExists('contact_imports');
  await db.raw('DROP INDEX IF EXISTS contacts_directory_idx');
  await db.raw('DROP INDEX IF EXISTS contacts_phone_e164_idx');
  await db.schema.alterTable('contacts', (t) => {
    t.dropColumns('phone_e164', 'opted_out_via', 'opted_in_at', 'opted_in_via', 'erased_at');
  });
  await db.schema.alterTable('tenants', (t) => t.dropColumn('default_country'));
}
