// A process started with MIGRATE_ON_START=false waits for the migrations step instead of racing it.
import { describe, expect, it } from 'vitest';
import knexFactory from 'knex';
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { migrateLatest, migrationsUpToDate } from '@zyntra/database';
import { services } from '../../test/harness';
import { createLogger } from '../log/logger';
import { ensureSchema } from './schema-ready';

async function emptyDatabaseUrl(): Promise<string> {
  const s = services();
  const name = `w_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: s.postgresAdminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return s.postgresUrlFor.replace('__DB__', name);
}

describe('ensureSchema', () => {
  it('when migrating on start is off, then the process waits until the migrations step has run, without migrating itself', async () => {
    const url = await emptyDatabaseUrl();
    const app = knexFactory({ client: 'pg', connection: url, pool: { min: 0, max: 2 } });
    const step = knexFactory({ client: 'pg', connection: url, pool: { min: 0, max: 2 } });
    try {
      let ready = false;
      const waiting = ensureSchema(app, createLogger({ LOG_LEVEL: 'silent' }), { migrate: false, pollMs: 50 }).then(() => (ready = true));
      await new Promise((r) => setTimeout(r, 400));
      expect(ready).toBe(false);
      expect(await migrationsUpToDate(app)).toBe(false);
      await migrateLatest(step);
      await waiting;
      expect(ready).toBe(true);
    } finally {
      await Promise.all([app.destroy(), step.destroy()]);
    }
  });

  it('when migrating on start is on, then it migrates an empty database', async () => {
    const db = knexFactory({ client: 'pg', connection: await emptyDatabaseUrl(), pool: { min: 0, max: 2 } });
    try {
      await ensureSchema(db, createLogger({ LOG_LEVEL: 'silent' }), { migrate: true });
      expect(await migrationsUpToDate(db)).toBe(true);
    } finally {
      await db.destroy();
    }
  });
});
