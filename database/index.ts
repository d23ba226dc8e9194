// The database package: migrations and seeds as plain modules listed in code, so the same
// migrator runs under tsx (npm start), vitest and the CLI without a TS loader for knex.
import type { Knex } from 'knex';
import { migrationSource } from './migrations/index';

export { migrationSource };
export { seedDemoWorkspace } from './seeds/demo';

export const MIGRATIONS_TABLE = 'knex_migrations';

// Fixed advisory lock id: API and worker processes starting together on a fresh database would
// otherwise race to create knex's own lock table (knex's lock only works once that table exists).
const MIGRATION_LOCK = 7_261_002;

type Listed = { name: string };
type SourceItem = Parameters<typeof migrationSource.getMigrationName>[0];

/**
 * What this build's migrations say about the database: `pending` are ours not yet applied, `newer`
 * are applied ones this build does not know: the database was migrated by a later release. That
 * is the one-release overlap of expand/contract (docs/upgrades.md): the previous release keeps
 * running against an expanded schema, during a rolling update or after a rollback of the code.
 */
export async function migrationState(db: Knex): Promise<{ pending: string[]; newer: string[] }> {
  const [completed, pending] = (await db.migrate.list({
    migrationSource,
    tableName: MIGRATIONS_TABLE,
    disableMigrationsListValidation: true,
  })) as [Listed[], SourceItem[]];
  const known = new Set((await migrationSource.getMigrations([])).map((m) => migrationSource.getMigrationName(m)));
  return { pending: pending.map((m) => migrationSource.getMigrationName(m)), newer: completed.map((c) => c.name).filter((n) => !known.has(n)) };
}

/** Applies pending migrations; safe to run any number of times and from processes starting together. */
export async function migrateLatest(db: Knex): Promise<string[]> {
  return withMigrationLock(db, async () => {
    const state = await migrationState(db);
    if (state.newer.length > 0) {
      // A later release migrated this database. Ours must all be applied already (they are its
      // predecessors); otherwise the two histories disagree and nothing should run.
      if (state.pending.length === 0) return [];
      throw new Error(`The database has migrations this build does not know (${state.newer.join(', ')}) while ${state.pending.join(', ')} of ours are not applied: run a release that knows both`);
    }
    const [, applied] = (await db.migrate.latest({ migrationSource, tableName: MIGRATIONS_TABLE })) as [number, string[]];
    return applied;
  });
}

type LockConnection = { query(sql: string, params: unknown[]): Promise<{ rows: Array<{ ok: boolean }> }> };

/**
 * Runs `fn` holding the migration lock: a session lock on a connection of its own, outside any
 * transaction, taken by polling. `CREATE INDEX CONCURRENTLY` waits for every transaction open when
 * it starts, so neither the holder nor a process waiting for the lock may keep one open meanwhile
 * (a holder in a transaction, or a waiter blocked in `pg_advisory_lock`, would wait for it forever).
 */
async function withMigrationLock<T>(db: Knex, fn: () => Promise<T>): Promise<T> {
  const conn = (await db.client.acquireConnection()) as LockConnection;
  try {
    while (!(await conn.query('SELECT pg_try_advisory_lock($1) AS ok', [MIGRATION_LOCK])).rows[0]?.ok) {
      await new Promise((r) => setTimeout(r, 200));
    }
    try {
      return await fn();
    } finally {
      await conn.query('SELECT pg_advisory_unlock($1) AS ok', [MIGRATION_LOCK]);
    }
  } finally {
    await db.client.releaseConnection(conn);
  }
}

export async function rollbackLast(db: Knex): Promise<string[]> {
  const [, undone] = (await db.migrate.rollback({ migrationSource, tableName: MIGRATIONS_TABLE })) as [number, string[]];
  return undone;
}

/** True when every migration known to this build has been applied (a later release's may be too). */
export async function migrationsUpToDate(db: Knex): Promise<boolean> {
  return (await migrationState(db)).pending.length === 0;
}
