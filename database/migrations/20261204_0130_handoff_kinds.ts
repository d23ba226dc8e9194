// What opened each handoff. A transfer is the bot's chat going to people (a flow's transfer step, or
// a member taking, answering or moving a chat the bot had); the reports count and time those. A
// closed chat back with people (the customer wrote again and no flow answered, or a member reopened
// it) and a chat a member started are stretches in human hands too, but no new transfer: counting
// them made every "obrigado" after a close a transfer, often one "closed without a reply".
// Rows from before are all counted as transfers, as they were.
import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('inbox_handoffs', (t) => {
    t.text('kind').notNullable().defaultTo('transfer').checkIn(['transfer', 'reopened', 'started'], 'inbox_handoffs_kind_check');
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('inbox_handoffs', (t) => t.dropColumn('kind'));
}
