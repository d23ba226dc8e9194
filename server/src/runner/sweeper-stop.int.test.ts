// A process that stops while its sweeper is mid-sweep lets the sweep end before its pool closes. A
// pool being destroyed hands out no connection: a sweep still running then waited a minute (the
// acquire timeout) for its next query, holding the sweep's lock, so a restarted process on the same
// database could not sweep (no-agent timeouts, stranded sends) in that minute.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { lockTable, query } from '../../test/db';
import { createTestDatabase, services } from '../../test/harness';
import { eventually } from '../../test/pipeline';
import { createDb } from '../db/knex';
import { createLogger } from '../log/logger';
import { createQueues, withTimeout, type Queues } from '../queues/queues';
import { createRedis } from '../queues/redis';
import { startSweeperTimer } from './sweeper';

let url: string;
let redis: ReturnType<typeof createRedis>;
let queues: Queues;
beforeAll(async () => {
  url = await createTestDatabase();
  redis = createRedis({ REDIS_URL: services().redisUrl }, 'worker');
  queues = createQueues(redis, `t${randomUUID().slice(0, 8)}`);
});
afterAll(async () => {
  await queues?.close();
  redis?.disconnect();
});

describe('sweeper stop', () => {
  it('when the process stops mid-sweep, then the sweep ends first and the pool closes at once, holding no lock', async () => {
    const db = createDb({ DATABASE_URL: url, DATABASE_POOL_MAX: 3 });
    // The sweep's read of stored events waits behind this lock, in the middle of a sweep.
    const lock = await lockTable(url, 'inbound_events');
    try {
      const sweeper = startSweeperTimer({ db, queues, log: createLogger({ LOG_LEVEL: 'silent' }) }, 20);
      await eventually(async () => (await query(url, "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%inbound_events%'")).length > 0);
      // As the runtime shuts down: the workers (the sweeper among them), then the pool.
      const stopped = sweeper.stop().then(() => db.destroy());
      await new Promise((r) => setTimeout(r, 200));
      await lock.release();
      await withTimeout(stopped, 10_000, 'stop and pool close');
    } finally {
      await lock.release().catch(() => {});
      await withTimeout(db.destroy(), 1_000).catch(() => {});
    }
    expect(await query(url, "SELECT count(*)::int AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND d.datname = current_database()")).toEqual([{ n: 0 }]);
    expect(await query(url, "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")).toEqual([{ n: 0 }]);
  });
});
