import { describe, expect, it } from 'vitest';
import knexFactory, { type Knex } from 'knex';
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { services } from '../../test/harness';
import { migrateLatest, migrationState, migrationsUpToDate, rollbackLast } from '@zyntra/database';
import * as sendTemplateButtons from '../../../database/migrations/20261205_0150_send_template_buttons';

async function emptyDatabase(): Promise<string> {
  const s = services();
  const name = `m_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: s.postgresAdminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return s.postgresUrlFor.replace('__DB__', name);
}

/** Tables, columns, indexes and constraints of the public schema, as one comparable text. */
async function schemaFingerprint(db: Knex): Promise<string> {
  const columns = await db.raw(`SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2`);
  const indexes = await db.raw(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1`);
  const constraints = await db.raw(`SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2`);
  return JSON.stringify([columns.rows, indexes.rows, constraints.rows]);
}

const withDb = async (fn: (db: Knex) => Promise<void>) => {
  const db = knexFactory({ client: 'pg', connection: await emptyDatabase(), pool: { min: 0, max: 3 } });
  try {
    await fn(db);
  } finally {
    await db.destroy();
  }
};

describe('migrations', () => {
  it('when migrations run a second time, then nothing is applied and the schema is unchanged', () =>
    withDb(async (db) => {
      expect((await migrateLatest(db)).length).toBeGreaterThan(0);
      const before = await schemaFingerprint(db);
      expect(await migrateLatest(db)).toEqual([]);
      expect(await schemaFingerprint(db)).toBe(before);
      expect(before).toContain('inbound_events');
    }));

  it('when a later release has migrated the database, then this build applies nothing, starts, and counts itself current', () =>
    withDb(async (db) => {
      await migrateLatest(db);
      await db('knex_migrations').insert({ name: '20991231_0001_from_next_release', batch: 99, migration_time: new Date() });
      expect(await migrateLatest(db)).toEqual([]);
      expect(await migrationsUpToDate(db)).toBe(true);
      expect(await migrationState(db)).toEqual({ pending: [], newer: ['20991231_0001_from_next_release'] });
    }));

  it('when the database has a later release\'s migrations but lacks one of ours, then migrating refuses and names both', () =>
    withDb(async (db) => {
      await migrateLatest(db);
      const [last] = await db('knex_migrations').orderBy('id', 'desc').limit(1);
      await rollbackLast(db);
      await db('knex_migrations').insert({ name: '20991231_0001_from_next_release', batch: 99, migration_time: new Date() });
      await expect(migrateLatest(db)).rejects.toThrow(new RegExp(`20991231_0001_from_next_release.*${last.name}`));
      expect(await migrationsUpToDate(db)).toBe(false);
    }));

  it('when an API and a worker process migrate a fresh database at the same time, then both succeed and it ends up current', async () => {
    const url = await emptyDatabase();
    const dbs = [0, 1, 2].map(() => knexFactory({ client: 'pg', connection: url, pool: { min: 0, max: 3 } }));
    try {
      const applied = await Promise.all(dbs.map((db) => migrateLatest(db)));
      expect(applied.flat().length).toBeGreaterThan(0);
      expect(applied.filter((a) => a.length > 0)).toHaveLength(1);
      expect(await migrationsUpToDate(dbs[0]!)).toBe(true);
    } finally {
      await Promise.all(dbs.map((db) => db.destroy()));
    }
  });

  it('when the last batch is rolled back and re-applied, then the schema is current again', async () => {
    const url = await emptyDatabase();
    const db = knexFactory({ client: 'pg', connection: url, pool: { min: 0, max: 3 } });
    try {
      await migrateLatest(db);
      expect((await rollbackLast(db)).length).toBeGreaterThan(0);
      expect(await migrationsUpToDate(db)).toBe(false);
      await migrateLatest(db);
      expect(await migrationsUpToDate(db)).toBe(true);
    } finally {
      await db.destroy();
    }
  });

  it('when send_template steps were stored before they took button values, then drafts and versions gain the default alike, and the flow is not "changed"', () =>
    withDb(async (db) => {
      await migrateLatest(db);
      const step = (id: string) => ({ id, type: 'send_template', position: { x: 0, y: 0 }, config: { name: 'pedido', language: 'pt_BR', body: [], headerType: 'none', header: '', text: '' } });
      const doc = { schemaVersion: 1, nodes: [{ id: 'start', type: 'trigger', config: {} }, step('a'), step('b')], edges: [] };
      const withButtons = { ...doc, nodes: [doc.nodes[0], step('c'), { ...step('d'), config: { ...step('d').config, buttons: [{ index: 1, subType: 'url', value: '{{pedido}}' }] } }] };
      const [tenant] = await db('tenants').insert({ name: 'Loja' }).returning('id');
      const flows = await db('flows').insert([{ tenant_id: tenant.id, name: 'Antigo', draft: doc }, { tenant_id: tenant.id, name: 'Novo', draft: withButtons }]).returning('id');
      await db('flow_versions').insert(flows.map((f: { id: string }, i: number) => ({ tenant_id: tenant.id, flow_id: f.id, version: 1, document: i === 0 ? doc : withButtons })));
      const stored = async () => (await db.raw(
        `SELECT f.name, f.draft, v.document, f.draft IS DISTINCT FROM v.document AS changed FROM flows f JOIN flow_versions v ON v.flow_id = f.id ORDER BY f.name`,
      )).rows as Array<{ name: string; draft: typeof doc; document: typeof doc; changed: boolean }>;
      // As it was: the builder's next save of the old draft would add `buttons: []` and differ from the live version.
      await sendTemplateButtons.up(db);
      const [old, newer] = await stored();
      for (const d of [old!.draft, old!.document]) expect(d.nodes.map((n) => (n.config as { buttons?: unknown }).buttons)).toEqual([undefined, [], []]);
      expect(old!.changed).toBe(false);
      // A step that had values keeps them; other steps and keys are untouched.
      expect(newer!.draft.nodes.map((n) => (n.config as { buttons?: unknown }).buttons)).toEqual([undefined, [], [{ index: 1, subType: 'url', value: '{{pedido}}' }]]);
      expect({ ...newer!.draft, nodes: [] }).toEqual({ ...withButtons, nodes: [] });
      expect(newer!.changed).toBe(false);
      await sendTemplateButtons.up(db);
      expect((await stored())[0]!.draft.nodes[1]!.config).toEqual({ ...step('a').config, buttons: [] });
      await sendTemplateButtons.down(db);
      expect((await stored()).map((r) => r.draft)).toEqual([doc, withButtons]);
    }));
});
