// Team inbox, part 1: teams (a transfer node's config.team holds a team id), the conversation's
// team and handoff time, and the indexes the inbox list needs to stay fast at 100k conversations:
// one keyset index per filter, trigram indexes for search, and the events catch-up by tenant and id.
import type { Knex } from 'knex';

const LIST = 'last_message_at DESC, id DESC';
const CUSTOMER = 'test_flow_version_id IS NULL'; // simulator runs never show in the inbox

export async function up(db: Knex): Promise<void> {
  await db.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  await db.schema.createTable('teams', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE');
    t.text('name').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.index(['tenant_id']);
  });
  await db.raw('CREATE UNIQUE INDEX teams_name_uq ON teams (tenant_id, lower(name))');
  await db.schema.createTable('team_members', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE');
    t.uuid('team_id').notNullable().references('id').inTable('teams').onDelete('CASCADE');
    t.uuid('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE');
    t.primary(['team_id', 'user_id']);
    t.index(['tenant_id', 'user_id']);
  });
  await db.schema.alterTable('conversations', (t) => {
    t.uuid('team_id').references('id').inTable('teams').onDelete('SET NULL');
    t.timestamp('transferred_at', { useTz: true });
  });
  // Every writer sets it; NOT NULL keeps the keyset order total (a NULL would sort outside it).
  await db.raw('UPDATE conversations SET last_message_at = created_at WHERE last_message_at IS NULL');
  await db.raw('ALTER TABLE conversations ALTER COLUMN last_message_at SET DEFAULT now(), ALTER COLUMN last_message_at SET NOT NULL');
  // Replaced by the same columns plus id, so the keyset order (last_message_at, id) is one index walk.
  await db.raw('DROP INDEX IF EXISTS conversations_tenant_id_status_last_message_at_index');
  await db.raw(`CREATE INDEX conversations_list_idx ON conversations (tenant_id, ${LIST}) WHERE ${CUSTOMER}`);
  await db.raw(`CREATE INDEX conversations_status_list_idx ON conversations (tenant_id, status, ${LIST}) WHERE ${CUSTOMER}`);
  await db.raw(`CREATE INDEX conversations_assignee_list_idx ON conversations (tenant_id, assignee_id, ${LIST}) WHERE assignee_id IS NOT NULL AND ${CUSTOMER}`);
  await db.raw(`CREATE INDEX conversations_team_list_idx ON conversations (tenant_id, team_id, ${LIST}) WHERE team_id IS NOT NULL AND ${CUSTOMER}`);
  // "Mine" counts the caller's open conversations without visiting the closed ones they once held.
  await db.raw(`CREATE INDEX conversations_open_assignee_idx ON conversations (tenant_id, assignee_id)
    WHERE assignee_id IS NOT NULL AND status <> 'closed' AND ${CUSTOMER}`);
  await db.raw(`CREATE INDEX conversations_unassigned_list_idx ON conversations (tenant_id, ${LIST})
    WHERE assignee_id IS NULL AND status IN ('waiting', 'human') AND ${CUSTOMER}`);
  // Search: contact name and phone, and what customers and agents wrote (bot texts repeat in
  // every conversation and would only blur the results).
  await db.raw('CREATE INDEX contacts_name_trgm_idx ON contacts USING gin (name gin_trgm_ops)');
  await db.raw('CREATE INDEX contacts_phone_trgm_idx ON contacts USING gin (phone gin_trgm_ops)');
  await db.raw('CREATE INDEX contacts_tags_idx ON contacts USING gin (tags)');
  await db.raw(`CREATE INDEX messages_text_trgm_idx ON messages USING gin (text gin_trgm_ops) WHERE author IN ('contact', 'agent') AND text <> ''`);
  await db.raw('CREATE INDEX domain_events_tenant_id_idx ON domain_events (tenant_id, id)');
}

export async function down(db: Knex): Promise<void> {
  for (const index of [
    'domain_events_tenant_id_idx', 'messages_text_trgm_idx', 'contacts_tags_idx', 'contacts_phone_trgm_idx', 'contacts_name_trgm_idx',
    'conversations_unassigned_list_idx', 'conversations_open_assignee_idx', 'conversations_team_list_idx', 'conversations_assignee_list_idx', 'conversations_status_list_idx',
    'conversations_list_idx',
  ]) {
    await db.raw(`DROP INDEX IF EXISTS ${index}`);
  }
  await db.raw('CREATE INDEX conversations_tenant_id_status_last_message_at_index ON conversations (tenant_id, status, last_message_at)');
  await db.raw('ALTER TABLE conversations ALTER COLUMN last_message_at DROP NOT NULL, ALTER COLUMN last_message_at DROP DEFAULT');
  await db.schema.alterTable('conversations', (t) => {
    t.dropColumn('team_id');
    t.dropColumn('transferred_at');
  });
  await db.schema.dropTableIfExists('team_members');
  await db.schema.dropTableIfExists('teams');
}
