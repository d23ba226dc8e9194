// A worker role in its own process beside a test app, so a test can SIGKILL it mid-work and start another.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { Config } from '../src/config/env';
import type { RuntimeOptions } from '../src/runtime';
import type { SendTiming } from '../src/outbox/send-timing';
import type { Cleanups } from './cleanups';

const MAIN = resolve(import.meta.dirname, '..', 'src', 'main.ts');
const WITH_OPTIONS = resolve(import.meta.dirname, 'worker-entry.ts');

/** What a test may set on the worker's runtime beyond its environment (as on an in-process test app). */
export type WorkerOptions = Pick<RuntimeOptions, 'campaignTiming' | 'sendTiming'>;

/**
 * Reply sends for workers a test SIGKILLs: a 5 s provider deadline and a 1 s typing cap (the fake
 * Graph API answers within a fraction of a second and these replies have no typing delay), and 14 s
 * for a lost answer's "sent" status, so a reply the killed worker had claimed is claimed again 20 s
 * after its claim instead of 50 s. The status of a reply it sent before dying is drained by the
 * restarted worker (up within about 5 s, its stalled jobs taken over within 10 s) well before then,
 * so it is not sent twice.
 */
export const KILLED_WORKER_SENDS: SendTiming = { maxTypingMs: 1_000, deadlineMs: 5_000, statusWaitMs: 14_000 };

/**
 * Starts a worker process on the app's database, Redis and queues; it is killed when the test's
 * cleanups run. With `options`, it starts through worker-entry.ts, which hands them to the runtime.
 */
export function spawnWorker(app: { config: Config }, cleanups: Cleanups, options?: WorkerOptions): ChildProcess {
  const c = app.config;
  const env = {
    ...process.env, ROLE: 'worker', LOG_LEVEL: 'warn', DATABASE_URL: c.DATABASE_URL, REDIS_URL: c.REDIS_URL, QUEUE_PREFIX: c.QUEUE_PREFIX,
    JWT_SECRET: c.JWT_SECRET, ENCRYPTION_KEY: c.ENCRYPTION_KEY, WHATSAPP_GRAPH_BASE_URL: c.WHATSAPP_GRAPH_BASE_URL, PORT: '0',
    // The queue starts a killed worker's jobs again within ~10 s, inside the test, not after 30–60 s
    // as with the default 30 s locks, when the test would be over: a test sees those second starts.
    JOB_LOCK_SECONDS: '5',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...(options ? { ZYNTRA_TEST_RUNTIME_OPTIONS: JSON.stringify(options) } : {}),
  };
  const child = spawn(process.execPath, ['--import', 'tsx', options ? WITH_OPTIONS : MAIN], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  cleanups.push(async () => child.kill('SIGKILL'));
  return child;
}
