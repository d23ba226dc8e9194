import { Router } from 'express';
import type { Knex } from 'knex';
import type { Redis } from 'ioredis';
import { allow } from '../http/access';

export type Readiness = { migrated: boolean };

async function probe(check: () => Promise<unknown>, ms = 1_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([check(), new Promise((_, reject) => (timer = setTimeout(reject, ms)))]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** /health answers as soon as the process listens; /ready only when its dependencies answer too. */
export function healthRoutes(deps: { db: Knex; redis: Redis; readiness: Readiness }): Router {
  const r = Router();
  r.get('/health', allow('public'), (_req, res) => {
    res.json({ status: 'ok' });
  });
  r.get('/ready', allow('public'), async (_req, res) => {
    const [database, redis] = await Promise.all([probe(() => deps.db.raw('select 1')), probe(() => deps.redis.ping())]);
    const checks = { database, redis, migrations: deps.readiness.migrated };
    const missing = Object.entries(checks).filter(([, ok]) => !ok).map(([name]) => name);
    res.status(missing.length ? 503 : 200).json({ status: missing.length ? 'unavailable' : 'ready', checks, missing });
  });
  return r;
}
