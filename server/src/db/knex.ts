import knexFactory, { type Knex } from 'knex';
import pg from 'pg';
import type { Config } from '../config/env';

// BIGINT ids (inbound_events, domain_events) fit in a JS number for this product's lifetime;
// parse them as numbers so ids compare and serialise naturally.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export type Db = Knex;
export type Tx = Knex.Transaction;

type DbConfig = Pick<Config, 'DATABASE_URL' | 'DATABASE_POOL_MAX'> & Partial<Pick<Config, 'DATABASE_STATEMENT_TIMEOUT_MS'>>;

export function createDb(config: DbConfig): Knex {
  // Set per connection at its start-up (a libpq option), so every statement on every pooled
  // connection is bounded without a SET round trip; 0 leaves PostgreSQL's own setting.
  const timeout = config.DATABASE_STATEMENT_TIMEOUT_MS ?? 0;
  return knexFactory({
    client: 'pg',
    connection: { connectionString: config.DATABASE_URL, ...(timeout > 0 ? { statement_timeout: timeout } : {}) },
    pool: { min: 0, max: config.DATABASE_POOL_MAX },
  });
}

/** Migrations may rewrite large tables: they run on their own connection, without the statement timeout. */
export const createMigrationDb = (config: Pick<Config, 'DATABASE_URL'>): Knex =>
  createDb({ DATABASE_URL: config.DATABASE_URL, DATABASE_POOL_MAX: 2 });

/**
 * For the rare owner action that may rightly run long, such as deleting a channel with years of
 * messages: lifts the statement timeout for the rest of the transaction `tx` (SET LOCAL), no further.
 */
export const withoutStatementTimeout = (tx: { raw(sql: string): PromiseLike<unknown> }) => tx.raw('SET LOCAL statement_timeout = 0');
