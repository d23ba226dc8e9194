// Core domain. Every business table carries tenant_id, and its indexes are led by it, because
// every query is tenant-scoped (see server/src/db/tenant-db.ts).
import type { Knex } from 'knex';

const id = (t: Knex.CreateTableBuilder, db: Knex) => t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
const tenantRef = (t: Knex.CreateTableBuilder) =>
  t.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE');
const createdAt = (t: Knex.CreateTableBuilder, db: Knex) =>
  t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());

export async function up(db: Knex): Promise<void> {
  await db.raw('CREATE EXTENSION IF NOT EXISTS pgcrypto');
  await db.schema.createTable('tenants', (t) => {
    id(t, db);
    t.text('name').notNullable();
    t.jsonb('settings').notNullable().defaultTo('{}');
    createdAt(t, db);
  });
  await db.schema.createTable('users', (t) => {
    id(t, db);
    t.text('email').notNullable();
    t.text('name').notNullable();
    t.text('password_hash').notNullable();
    createdAt(t, db);
  });
  await db.raw('CREATE UNIQUE INDEX users_email_lower_uq ON users (lower(email))');
  await db.schema.createTable('memberships', (t) => {
    tenantRef(t);
    t.uuid('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE');
    t.text('role').notNullable().checkIn(['owner', 'admin', 'agent']);
    createdAt(t, db);
    t.primary(['tenant_id', 'user_id']);
    t.index(['user_id']);
  });
  await db.schema.createTable('refresh_tokens', (t) => {
    id(t, db);
    tenantRef(t);
    t.uuid('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE');
    t.uuid('family_id').notNullable();
    t.text('token_hash').notNullable().unique();
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('used_at', { useTz: true });
    t.timestamp('revoked_at', { useTz: true });
    createdAt(t, db);
    t.index(['tenant_id', 'family_id']);
  });
  await createMessagingTables(db);
  await createFlowTables(db);
  await createIntegrationTables(db);
}

async function createMessagingTables(db: Knex): Promise<void> {
  await db.schema.createTable('channels', (t) => {
    id(t, db);
    tenantRef(t);
    t.text('type').notNullable().checkIn(['whatsapp_cloud', 'evolution', 'webchat', 'telegram']);
    t.text('name').notNullable();
    t.jsonb('config').notNullable().defaultTo('{}'); // non-secret settings only
    t.text('secrets_enc'); // AES-256-GCM sealed JSON of tokens and app secrets
    t.text('status').notNullable().defaultTo('active');
    createdAt(t, db);
    t.index(['tenant_id', 'type']);
  });
  await db.schema.createTable('contacts', (t) => {
    id(t, db);
    tenantRef(t);
    t.uuid('channel_id').notNullable().references('id').inTable('channels').onDelete('CASCADE');
    // Provider identity: wa_id, a business-scoped user id, a web-chat visitor id…; never assumed a phone.
    t.text('external_id').notNullable();
    t.text('phone');
    t.text('name');
    t.specificType('tags', 'text[]').notNullable().defaultTo('{}');
    t.jsonb('attributes').notNullable().defaultTo('{}');
    t.timestamp('opted_out_at', { useTz: true });
    createdAt(t, db);
    t.unique(['tenant_id', 'channel_id', 'external_id']);
  });
  await db.schema.createTable('conversations', (t) => {
    id(t, db);
    tenantRef(t);
    t.uuid('channel_id').notNullable().references('id').inTable('channels').onDelete('CASCADE');
    t.uuid('contact_id').notNullable().references('id').inTable('contacts').onDelete('CASCADE');
    t.text('status').notNullable().defaultTo('bot').checkIn(['bot', 'waiting', 'human', 'closed']);
    t.uuid('assignee_id').references('id').inTable('users').onDelete('SET NULL');
    t.text('team');
    t.timestamp('last_message_at', { useTz: true });
    t.integer('unread_count').notNullable().defaultTo(0);
    createdAt(t, db);
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.index(['tenant_id', 'status', 'last_message_at']);
    t.index(['tenant_id', 'contact_id']);
  });
  await db.raw(
    "CREATE UNIQUE INDEX conversations_open_per_contact_uq ON conversations (tenant_id, channel_id, contact_id) WHERE status <> 'closed'",
  );
  await db.schema.createTable('messages', (t) => {
    id(t, db);
    tenantRef(t);
    t.uuid('conversation_id').notNullable().references('id').inTable('conversations').onDelete('CASCADE');
    t.uuid('channel_id').notNullable().references('id').inTable('channels').onDelete('CASCADE');
    t.text('direction').notNullable().checkIn(['in', 'out']);
    t.text('author').notNullable().checkIn(['contact', 'bot', 'agent', 'system']);
    t.text('type').notNullable().defaultTo('text');
    t.text('text');
    t.jsonb('payload').notNullable().defaultTo('{}');
    t.text('provider_message_id');
    t.text('status').notNullable().defaultTo('pending');
    t.text('error');
    t.uuid('author_user_id').references('id').inTable('users').onDelete('SET NULL');
    createdAt(t, db);
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.unique(['channel_id', 'provider_message_id']);
    t.index(['tenant_id', 'conversation_id', 'created_at']);
  });
  await db.schema.createTable('inbound_events', (t) => {
    t.bigIncrements('id').primary();
    tenantRef(t);
    t.uuid('channel_id').notNullable().references('id').inTable('channels').onDelete('CASCADE');
    t.text('provider_event_id').notNullable(); // provider message id or status id: the dedupe key
    t.text('kind').notNullable(); // message | status | echo
    t.text('conversation_key').notNullable(); // orders processing per conversation
    t.jsonb('payload').notNullable();
    t.text('status').notNullable().defaultTo('received').checkIn(['received', 'queued', 'processed', 'failed']);
    t.text('error');
    t.timestamp('received_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.timestamp('processed_at', { useTz: true });
    t.unique(['channel_id', 'provider_event_id']);
    t.index(['tenant_id', 'conversation_key', 'id']);
  });
  await db.raw("CREATE INDEX inbound_events_pending_idx ON inbound_events (received_at) WHERE status IN ('received','queued')");
}

async function createFlowTables(db: Knex): Promise<void> {
  await db.schema.createTable('flows', (t) => {
    id(t, db);
    tenantRef(t);
    t.text('name').notNullable();
    t.jsonb('draft').notNullable();
    t.integer('revision').notNullable().defaultTo(1);
    t.uuid('published_version_id');
    t.uuid('created_by').references('id').inTable('users').onDelete('SET NULL');
    t.uuid('updated_by').references('id').inTable('users').onDelete('SET NULL');
    createdAt(t, db);
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.timestamp('deleted_at', { useTz: true });
    t.index(['tenant_id', 'updated_at']);
  });
  await db.schema.createTable('flow_versions', (t) => {
    id(t, db);
    tenantRef(t);
    t.uuid('flow_id').notNullable().references('id').inTable('flows').onDelete('CASCADE');
    t.integer('version').notNullable();
    t.jsonb('document').notNullable(); // immutable once written
    t.uuid('published_by').references('id').inTable('users').onDelete('SET NULL');
    createdAt(t, db);
    t.unique(['flow_id', 'version']);
    t.index(['tenant_id', 'flow_id']);
  });
  await db.schema.createTable('flow_sessions', (t) => {
    id(t, db);
    tenantRef(t);
    t.uuid('conversation_id').notNullable().references('id').inTable('conversations').onDelete('CASCADE');
    t.uuid('flow_id').notNullable().references('id').inTable('flows').onDelete('CASCADE');
    t.uuid('flow_version_id').notNullable().references('id').inTable('flow_versions').onDelete('CASCADE');
    t.text('status').notNullable().defaultTo('active').checkIn(['active', 'ended']);
    t.jsonb('state').notNullable().defaultTo('{}');
    t.timestamp('expires_at', { useTz: true });
    createdAt(t, db);
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.index(['tenant_id', 'conversation_id']);
  });
  await db.raw(
    "CREATE UNIQUE INDEX flow_sessions_active_uq ON flow_sessions (tenant_id, conversation_id) WHERE status = 'active'",
  );
}

async function createIntegrationTables(db: Knex): Promise<void> {
  await db.schema.createTable('webhooks', (t) => {
    id(t, db);
    tenantRef(t);
    t.text('url').notNullable();
    t.specificType('events', 'text[]').notNullable();
    t.text('secret_enc').notNullable();
    t.boolean('active').notNullable().defaultTo(true);
    createdAt(t, db);
    t.index(['tenant_id']);
  });
  await db.schema.createTable('webhook_deliveries', (t) => {
    id(t, db);
    tenantRef(t);
    t.uuid('webhook_id').notNullable().references('id').inTable('webhooks').onDelete('CASCADE');
    t.text('event_id').notNullable();
    t.text('event_type').notNullable();
    t.integer('attempt').notNullable().defaultTo(1);
    t.text('status').notNullable();
    t.integer('response_code');
    t.integer('duration_ms');
    createdAt(t, db);
    t.index(['tenant_id', 'webhook_id', 'created_at']);
  });
  await db.schema.createTable('domain_events', (t) => {
    t.bigIncrements('id').primary();
    tenantRef(t);
    t.text('type').notNullable(); // dotted name, e.g. conversation.transferred
    t.jsonb('payload').notNullable();
    createdAt(t, db);
    t.timestamp('dispatched_at', { useTz: true });
    t.index(['tenant_id', 'created_at']);
  });
  await db.raw('CREATE INDEX domain_events_undispatched_idx ON domain_events (id) WHERE dispatched_at IS NULL');
  await db.schema.createTable('audit_logs', (t) => {
    t.bigIncrements('id').primary();
    tenantRef(t);
    t.uuid('actor_user_id').references('id').inTable('users').onDelete('SET NULL');
    t.text('action').notNullable();
    t.text('target_type');
    t.text('target_id');
    t.jsonb('data').notNullable().defaultTo('{}');
    createdAt(t, db);
    t.index(['tenant_id', 'created_at']);
  });
}

export async function down(db: Knex): Promise<void> {
  for (const table of [
    'audit_logs', 'domain_events', 'webhook_deliveries', 'webhooks', 'flow_sessions', 'flow_versions', 'flows',
    'inbound_events', 'messages', 'conversations', 'contacts', 'channels', 'refresh_tokens', 'memberships', 'users', 'tenants',
  ]) {
    await db.schema.dropTableIfExists(table);
  }
}
