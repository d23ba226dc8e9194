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

export async function migrateLatest(db: Knex): Promise<string[]> {
  return db.transaction(async (trx) => {
    await trx.raw('SELECT pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
    const [, applied] = (await db.migrate.latest({ migrationSource, tableName: MIGRATIONS_TABLE })) as [number, string[]];
    return applied;
  });
}

export async function rollbackLast(db: Knex): Promise<string[]> {
  const [, undone] = (await db.migrate.rollback({ migrationSource, tableName: MIGRATIONS_TABLE })) as [number, string[]];
  return undone;
}

/** True when every migration known to this build has been applied. */
export async function migrationsUpToDate(db: Knex): Promise<boolean> {
  const [, pending] = (await db.migrate.list({ migrationSource, tableName: MIGRATIONS_TABLE })) as [unknown[], unknown[]];
  return pending.length === 0;
}
