// Composition root: builds the plumbing once and starts the parts a role needs.
// `api` serves HTTP + realtime, `worker` runs the queue workers, `all` does both.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startApiServer, type ApiServer } from './app/api-server';
import { createPlumbing } from './app/plumbing';
import type { Config } from './config/env';
import { ensureSchema } from './db/schema-ready';
import { createMigrationDb } from './db/knex';
import type { Readiness } from './health/health.routes';
import type { Logger } from './log/logger';
import { withTimeout } from './queues/queues';
import { createRedis } from './queues/redis';
import { ensureBucket } from './storage/s3';
import { startWorkers } from './runner/workers';
import { startDispatcher } from './events/dispatcher';
import { createListeners } from './events/listeners';
import { startCampaignWorkers } from './campaigns/campaigns.workers';
import { CAMPAIGN_TIMING, type CampaignTiming } from './campaigns/send-timing';
import { SEND_TIMING, type SendTiming } from './outbox/send-timing';
import { createTemplatesClient } from './channels/whatsapp/whatsapp.templates.client';
import { startWorkerMetricsServer } from './metrics/worker-metrics-server';
import { setQueueDepthSource } from './metrics/metrics';
import { QUEUES } from './queues/queue-names';

export type Runtime = { url?: string; log: Logger; app?: ApiServer['app']; close(): Promise<void> };
export type RuntimeOptions = {
  clientDistDir?: string;
  logDestination?: NodeJS.WritableStream;
  workerConcurrency?: number;
  sweepIntervalMs?: number;
  /** How long a contacts import job runs before it takes its turn again. */
  importSliceMs?: number;
  /** The clock outbound webhooks read (failure duration, signatures); tests move it forward. */
  now?: () => Date;
  /** Campaign sends' provider deadline and lock life (what their leases derive from); tests shorten them. */
  campaignTiming?: Partial<CampaignTiming>;
  /** Replies' typing wait, provider deadline and status wait (what their claims' lease derives from); tests shorten them. */
  sendTiming?: Partial<SendTiming>;
};

const MAX_STEPS_PER_EVENT = 100;
const MAX_DEFERRED_PER_SESSION = 20;

export async function startRuntime(config: Config, opts: RuntimeOptions = {}): Promise<Runtime> {
  const p = createPlumbing(config, opts.logDestination, opts.now);
  const readiness: Readiness = { migrated: false };
  const closers: Array<[string, () => Promise<unknown>]> = [];
  let http: Server | undefined;
  let app: ApiServer['app'] | undefined;
  if (config.ROLE !== 'worker') {
    const api = await startApiServer(p, readiness, opts.clientDistDir ?? config.CLIENT_DIST_DIR);
    http = api.http;
    app = api.app;
    closers.push(['http server', () => closeHttp(api.http)], ['realtime', () => api.realtime.close()]);
  }
  // Migrating runs without the statement timeout (knex.ts), on a connection of its own.
  const schemaDb = config.MIGRATE_ON_START ? createMigrationDb(config) : p.db;
  try {
    await ensureSchema(schemaDb, p.log, { migrate: config.MIGRATE_ON_START });
  } finally {
    if (schemaDb !== p.db) await schemaDb.destroy();
  }
  readiness.migrated = true;
  if (config.S3_ENDPOINT) await ensureBucket(p.storage).catch((err) => p.log.warn({ err: err.message }, 'bucket check failed'));
  if (config.ROLE !== 'api') {
    const connection = createRedis(config, 'worker');
    connection.on('error', (err) => p.log.warn({ err: err.message }, 'worker redis error'));
    const outbox = { db: p.db, log: p.log, channels: p.channels, adapters: p.adapters, objects: p.objects, throttle: p.throttle, timing: { ...SEND_TIMING, ...opts.sendTiming } };
    const workers = startWorkers({
      db: p.db, log: p.log, queues: p.queues, versions: p.versions, outbox, maxSteps: MAX_STEPS_PER_EVENT, maxDeferred: MAX_DEFERRED_PER_SESSION,
      ai: { db: p.db, sealer: p.sealer, config, http: { workspace: p.outbound.workspace, server: p.outbound.serverLlm } }, connection, prefix: config.QUEUE_PREFIX, retentionDays: config.RETENTION_DAYS,
      concurrency: opts.workerConcurrency ?? config.WORKER_CONCURRENCY, sweepIntervalMs: opts.sweepIntervalMs, lockMs: config.JOB_LOCK_SECONDS * 1000, importSliceMs: opts.importSliceMs,
      inbox: { db: p.db, queues: p.queues, log: p.log, presence: p.presence }, webhooks: p.webhooks,
    });
    const campaigns = startCampaignWorkers(
      {
        db: p.db, log: p.log, adapters: p.adapters, throttle: p.throttle, channels: p.channels, queues: p.queues, redis: connection, prefix: config.QUEUE_PREFIX,
        templates: createTemplatesClient(config), timing: { ...CAMPAIGN_TIMING, ...opts.campaignTiming },
      },
      { sweepIntervalMs: opts.sweepIntervalMs, lockMs: config.JOB_LOCK_SECONDS * 1000 },
    );
    // Workers finish their active jobs on close; with Redis gone, close's per-step bound ends the wait.
    closers.push(['workers', () => Promise.all([workers.close(), campaigns.close()])], ['worker redis', async () => connection.disconnect()]);
    const dispatcher = startDispatcher(p.db, createListeners({ emitter: p.emitter, queues: p.queues, db: p.db }), p.log);
    closers.unshift(['event dispatcher', () => dispatcher.stop()]);
  }
  // A worker-only process serves its own metrics (the API serves them for ROLE=api and all).
  let workerMetricsUrl: string | undefined;
  if (config.ROLE === 'worker') {
    setQueueDepthSource(() =>
      Promise.all(Object.values(QUEUES).map(async (queue) => ({ queue, counts: await p.queues[queue].getJobCounts('waiting', 'active', 'delayed', 'failed') }))),
    );
    const metrics = await startWorkerMetricsServer({ host: config.HOST, port: config.PORT, token: config.METRICS_TOKEN, log: p.log });
    if (metrics) {
      workerMetricsUrl = metrics.url;
      closers.unshift(['metrics server', () => metrics.close()]);
    }
  }
  const address = http?.address() as AddressInfo | undefined;
  const url = address ? `http://${config.HOST}:${address.port}` : workerMetricsUrl;
  p.log.info({ role: config.ROLE, url }, 'zyntra started');
  return {
    url,
    app,
    log: p.log,
    async close() {
      // Each step is bounded: shutdown always finishes, and a step that hung is named in the log.
      for (const [step, close] of closers) {
        const started = Date.now();
        await withTimeout(close(), 20_000, step).catch((err) => p.log.warn({ step, err: (err as Error).message }, 'shutdown step failed'));
        if (Date.now() - started > 5_000) p.log.warn({ step, ms: Date.now() - started }, 'shutdown step slow');
      }
      await p.close();
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
