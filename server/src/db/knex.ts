import knexFactory, { type Knex } from 'knex';
import pg from 'pg';
import type { Config } from '../config/env';

// BIGINT ids (inbound_events, domain_events) fit in a JS number for this product's lifetime;
// parse them as numbers so ids compare and serialise naturally.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export type Db = Knex;
export type Tx = Knex.Transaction;

export function createDb(config: Pick<Config, 'DATABASE_URL' | 'DATABASE_POOL_MAX'>): Knex {
  return knexFactory({
    client: 'pg',
    connection: config.DATABASE_URL,
    pool: { min: 0, max: config.DATABASE_POOL_MAX },
  });
}
