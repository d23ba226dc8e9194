// Poison handling per event: each inbound event counts its own failed attempts, so the drain can
// retry the one that failed, set it aside (dead-letter, with the reason) after a few, and go on with
// the rest of the conversation. Failed events are listed per workspace for an operator to retry.
import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('inbound_events', (t) => {
    t.integer('attempts').notNullable().defaultTo(0);
  });
  await db.raw("CREATE INDEX inbound_events_failed_idx ON inbound_events (tenant_id, id DESC) WHERE status = 'failed'");
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP INDEX IF EXISTS inbound_events_failed_idx');
  await db.schema.alterTable('inbound_events', (t) => {
    t.dropColumn('attempts');
  });
}
