// Composition root: builds the plumbing once and starts the parts a role needs.
// `api` serves HTTP + realtime, `worker` runs the queue workers, `all` does both.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { migrateLatest } from '@zyntra/database';
import { accountsRoutes } from './accounts/accounts.routes';
import { createLoginLimiter } from './accounts/login-limiter';
import { createTokenService } from './accounts/tokens';
import type { Config } from './config/env';
import { createDb } from './db/knex';
import { healthRoutes, type Readiness } from './health/health.routes';
import { createApp } from './http/app';
import { requireAuth } from './http/auth';
import { createLogger, type Logger } from './log/logger';
import { createRedis } from './queues/redis';
import { createRealtime } from './realtime/gateway';
import { createStorage, ensureBucket } from './storage/s3';

export type Runtime = { url?: string; log: Logger; close(): Promise<void> };
export type RuntimeOptions = { clientDistDir?: string; logDestination?: NodeJS.WritableStream };

export async function startRuntime(config: Config, opts: RuntimeOptions = {}): Promise<Runtime> {
  const log = createLogger(config, opts.logDestination);
  const db = createDb(config);
  const redis = createRedis(config, 'request');
  redis.on('error', (err) => log.warn({ err: err.message }, 'redis connection error'));
  const tokens = createTokenService(config.JWT_SECRET, config.ACCESS_TOKEN_TTL_SECONDS);
  const readiness: Readiness = { migrated: false };
  const closers: Array<() => Promise<unknown>> = [];
  const hasApi = config.ROLE !== 'worker';

  let http: Server | undefined;
  if (hasApi) {
    const limiter = createLoginLimiter(redis, config.QUEUE_PREFIX, config.LOGIN_MAX_ATTEMPTS);
    const accountsDeps = { db, tokens, limiter, refreshTtlDays: config.REFRESH_TOKEN_TTL_DAYS };
    const app = createApp({
      log,
      clientDistDir: opts.clientDistDir ?? config.CLIENT_DIST_DIR,
      routers: [healthRoutes({ db, redis, readiness }), accountsRoutes(accountsDeps, requireAuth(tokens))],
    });
    http = createServer(app);
    const realtime = createRealtime(http, { tokens, log });
    // Listen before migrating so /health answers while the database catches up.
    await new Promise<void>((resolve, reject) => http!.once('error', reject).listen(config.PORT, config.HOST, resolve));
    closers.push(() => closeHttp(http!), () => realtime.close());
  }

  await migrateLatest(db);
  readiness.migrated = true;
  const storage = createStorage(config);
  if (config.S3_ENDPOINT) await ensureBucket(storage).catch((err) => log.warn({ err: err.message }, 'bucket check failed'));

  const address = http?.address() as AddressInfo | undefined;
  const url = address ? `http://${config.HOST}:${address.port}` : undefined;
  log.info({ role: config.ROLE, url }, 'zyntra started');
  return {
    url,
    log,
    async close() {
      for (const close of closers) await close().catch((err) => log.warn({ err }, 'shutdown step failed'));
      redis.disconnect();
      storage.client.destroy();
      await db.destroy();
    },
  };
}

/** Stops accepting, lets in-flight requests finish, then drops idle keep-alive sockets. */
function closeHttp(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 10_000).unref();
  });
}
