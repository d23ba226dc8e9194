// Workspaces for teams and integrators: the marketer role, invitations by link, password resets and
// API keys. Every secret (invitation token, reset token, API key) is stored only as its SHA-256.
import type { Knex } from 'knex';

const ROLES = ['owner', 'admin', 'marketer', 'agent'];
const id = (t: Knex.CreateTableBuilder, db: Knex) => t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
const createdAt = (t: Knex.CreateTableBuilder, db: Knex) =>
  t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());

async function setRoleCheck(db: Knex, roles: string[]): Promise<void> {
  const { rows } = await db.raw(
    `SELECT conname FROM pg_constraint WHERE conrelid = 'memberships'::regclass AND contype = 'c'
       AND pg_get_constraintdef(oid) LIKE '%role%'`,
  );
  for (const r of rows as Array<{ conname: string }>) await db.raw('ALTER TABLE memberships DROP CONSTRAINT ??', [r.conname]);
  // DDL takes no bind parameters; the roles are this file's own constants.
  await db.raw(`ALTER TABLE memberships ADD CONSTRAINT memberships_role_check CHECK (role IN (${roles.map((r) => `'${r}'`).join(', ')}))`);
}

export async function up(db: Knex): Promise<void> {
  await setRoleCheck(db, ROLES);
  await db.schema.createTable('invitations', (t) => {
    id(t, db);
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE');
    t.text('email').notNullable();
    t.text('role').notNullable().checkIn(ROLES);
    t.text('token_hash').notNullable().unique();
    t.uuid('invited_by').references('id').inTable('users').onDelete('SET NULL');
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('accepted_at', { useTz: true });
    t.timestamp('revoked_at', { useTz: true });
    createdAt(t, db);
    t.index(['tenant_id', 'created_at']);
  });
  // Users are global (one person, several workspaces), so a reset belongs to the user, not a tenant.
  await db.schema.createTable('password_resets', (t) => {
    id(t, db);
    t.uuid('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE');
    t.text('token_hash').notNullable().unique();
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('used_at', { useTz: true });
    createdAt(t, db);
    t.index(['user_id']);
  });
  await db.schema.createTable('api_keys', (t) => {
    id(t, db);
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE');
    t.text('name').notNullable();
    t.text('role').notNullable().checkIn(ROLES);
    t.text('key_hash').notNullable().unique();
    t.text('key_hint').notNullable(); // the last characters, so a key can be recognised in the list
    t.uuid('created_by').references('id').inTable('users').onDelete('SET NULL');
    t.timestamp('last_used_at', { useTz: true });
    t.timestamp('revoked_at', { useTz: true });
    createdAt(t, db);
    t.index(['tenant_id', 'created_at']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTableIfExists('api_keys');
  await db.schema.dropTableIfExists('password_resets');
  await db.schema.dropTableIfExists('invitations');
  await db.raw("DELETE FROM memberships WHERE role = 'marketer'");
  await setRoleCheck(db, ['owner', 'admin', 'agent']);
}
