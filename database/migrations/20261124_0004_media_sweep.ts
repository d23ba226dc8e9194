// Lets the sweeper find inbound media whose download job was never queued (Redis down at commit).
import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.raw(`CREATE INDEX messages_media_pending_idx ON messages (created_at)
    WHERE direction = 'in' AND jsonb_typeof(payload->'media') = 'object' AND (payload->'media'->>'status') IS NULL`);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP INDEX IF EXISTS messages_media_pending_idx');
}
