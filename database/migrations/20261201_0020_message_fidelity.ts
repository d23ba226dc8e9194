// Every WhatsApp event kept whole. Messages keep the provider's raw item (bounded) beside the
// normalised content, and are edited or marked deleted in place when the customer does so. A
// contact keeps the other ids the same person is known by (their phone beside a business-scoped
// user id, an old number after a number change), so one person stays one contact. A channel keeps
// its latest health notice from the provider (errors on the webhook, account and quality events).
import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('messages', (t) => {
    t.jsonb('raw');
    t.timestamp('edited_at', { useTz: true });
    t.timestamp('deleted_at', { useTz: true });
  });
  await db.schema.alterTable('contacts', (t) => {
    t.specificType('aliases', 'text[]').notNullable().defaultTo('{}');
  });
  await db.raw('CREATE INDEX contacts_aliases_idx ON contacts USING gin (aliases)');
  await db.schema.alterTable('channels', (t) => {
    t.jsonb('health');
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('channels', (t) => t.dropColumn('health'));
  await db.raw('DROP INDEX IF EXISTS contacts_aliases_idx');
  await db.schema.alterTable('contacts', (t) => t.dropColumn('aliases'));
  await db.schema.alterTable('messages', (t) => {
    t.dropColumn('raw');
    t.dropColumn('edited_at');
    t.dropColumn('deleted_at');
  });
}
