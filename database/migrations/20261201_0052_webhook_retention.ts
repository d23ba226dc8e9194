// Retention of outbound-webhook logs: finished messages (and, by cascade, their attempt rows) are
// purged by age like other operational rows; this index finds them without scanning the table.
import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.raw("CREATE INDEX webhook_messages_retention_idx ON webhook_messages (created_at) WHERE status <> 'pending'");
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP INDEX IF EXISTS webhook_messages_retention_idx');
}
