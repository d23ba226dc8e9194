// The database package: migrations and seeds as plain modules listed in code, so the same
// migrator runs under tsx (npm start), vitest and the CLI without a TS loader for knex.
import type { Knex } from 'knex';
import { migrationSource } from './migrations/index';

export { migrationSource };
export { seedDemoWorkspace } from './seeds/demo';

export const MIGRATIONS_TABLE = 'knex_migrations';

export async function migrateLatest(db: Knex): Promise<string[]> {
  const [, applied] = (await db.migrate.latest({ migrationSource, tableName: MIGRATIONS_TABLE })) as [number, string[]];
  return applied;
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
