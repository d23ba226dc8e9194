import { describe, expect, it } from 'vitest';
import knexFactory from 'knex';
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { services } from '../../test/harness';
import { migrateLatest, migrationsUpToDate, rollbackLast } from '@zyntra/database';

async function emptyDatabase(): Promise<string> {
  const s = services();
  const name = `m_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: s.postgresAdminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return s.postgresUrlFor.replace('__DB__', name);
}

describe('migrations', () => {
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
});
