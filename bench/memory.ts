// `npm run bench -- --memory [--quick]`: the whole production stack's resident memory at 100 msg/s.
// The compiled server (npm run build:server) runs as separate api and worker processes under plain
// node, beside durable PostgreSQL, Redis with AOF and an S3-protocol server in its own process;
// the fake Graph API and the load generator run in this process and are not counted.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildServer } from '../scripts/build-server';
import { freePort } from '../server/src/stack/free-port';
import { ensureDatabase, startLocalPostgres } from '../server/src/stack/local-postgres';
import { ensureRedisServer, startLocalRedis } from '../server/src/stack/local-redis';
import { startFakeWhatsApp } from '../server/test/fakes/fake-whatsapp';
import { openLoop, type StepResult } from './load';
import { commandOf, memoryOf, processTree, type Memory } from './process-memory';
import { setupZyntraTenant } from './zyntra-setup';
import { waitFor } from './http';

const RATE = 100;
const BUDGET_MIB = 1024;
const WA = { accessToken: 'bench-access-token', appSecret: 'bench-app-secret', phoneNumberId: '106540352242922' };
const root = resolve(import.meta.dirname, '..');
const S3_STANDIN = `import S3rver from 's3rver';
const [port, dir] = process.argv.slice(1);
await new S3rver({ port: Number(port), address: '127.0.0.1', directory: dir, silent: true, configureBuckets: [{ name: 'zyntra', configs: [] }] }).run();`;

type Parts = Record<'postgres' | 'redis' | 's3' | 'api' | 'worker', () => number[]>;

function spawnPlain(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, args, { cwd: root, env: { PATH: process.env.PATH ?? '', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
}

function sample(parts: Parts): Record<string, Memory> & { total: Memory } {
  const each = Object.fromEntries(Object.entries(parts).map(([name, pids]) => [name, memoryOf(pids())]));
  const values = Object.values(each);
  const sum = (k: 'rssMiB' | 'rssShmemOnceMiB' | 'pssMiB') => Math.round(values.reduce((a, m) => a + m[k], 0) * 10) / 10;
  return { ...each, total: { rssMiB: sum('rssMiB'), rssShmemOnceMiB: sum('rssShmemOnceMiB'), pssMiB: sum('pssMiB'), processes: values.reduce((a, m) => a + m.processes, 0) } };
}

/** Runs the memory bench; returns the figures it wrote to bench/results/. */
export async function memoryBench(quick: boolean) {
  const seconds = quick ? 20 : 60;
  await buildServer({ quiet: true });
  const dir = mkdtempSync(join(tmpdir(), 'zyntra-mem-'));
  chmodSync(dir, 0o755);
  const [pgPort, redisPort, s3Port, apiPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const pgDir = join(dir, 'pg');
  const children: ChildProcess[] = [];
  const db = await startLocalPostgres({ dataDir: pgDir, port: pgPort, persistent: true });
  const redis = await startLocalRedis({ binary: ensureRedisServer(console.log), port: redisPort, dataDir: join(dir, 'redis') });
  const wa = await startFakeWhatsApp({ ...WA, autoStatuses: false });
  try {
    await ensureDatabase(db.url('postgres'), 'zyntra');
    mkdirSync(join(dir, 's3'));
    const s3 = spawnPlain(['--input-type=module', '-e', S3_STANDIN, String(s3Port), join(dir, 's3')], {});
    children.push(s3);
    const env = {
      NODE_ENV: 'production', LOG_LEVEL: 'warn', DATABASE_URL: db.url('zyntra'), REDIS_URL: redis.url, QUEUE_PREFIX: 'zm',
      JWT_SECRET: 'm'.repeat(40), ENCRYPTION_KEY: Buffer.alloc(32, 4).toString('base64'), WHATSAPP_GRAPH_BASE_URL: wa.baseUrl,
      S3_ENDPOINT: `http://127.0.0.1:${s3Port}`, S3_BUCKET: 'zyntra', S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER',
    };
    const api = spawnPlain(['server/dist/main.js'], { ...env, ROLE: 'api', PORT: String(apiPort) });
    children.push(api);
    await waitFor(`http://127.0.0.1:${apiPort}/ready`);
    const worker = spawnPlain(['server/dist/main.js'], { ...env, ROLE: 'worker', PORT: '0' });
    children.push(worker);
    const postmaster = () => Number(readFileSync(join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const parts: Parts = {
      postgres: () => processTree(postmaster()), redis: () => processTree(redis.process.pid!), s3: () => processTree(s3.pid!),
      api: () => processTree(api.pid!), worker: () => processTree(worker.pid!),
    };
    const channelId = await setupZyntraTenant(`http://127.0.0.1:${apiPort}`, WA);
    const target = { url: `http://127.0.0.1:${apiPort}/v1/webhooks/whatsapp/${channelId}`, appSecret: WA.appSecret, phoneNumberId: WA.phoneNumberId };
    await openLoop('warm-up', target, wa, 20, 2);
    const idle = sample(parts);
    const samples: Array<ReturnType<typeof sample>> = [];
    const timer = setInterval(() => samples.push(sample(parts)), 1_000);
    const load: StepResult = await openLoop(`${RATE} msg/s`, target, wa, RATE, seconds);
    clearInterval(timer);
    const peak = samples.reduce((a, b) => (b.total.rssShmemOnceMiB > a.total.rssShmemOnceMiB ? b : a), samples[0]!);
    const loaders = [api.pid!, worker.pid!].flatMap((p) => processTree(p)).map(commandOf).filter((c) => /tsx|esbuild/.test(c));
    return report({ quick, seconds, idle, peak, last: samples.at(-1)!, load, loaders });
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1_500));
    await wa.close();
    await redis.stop();
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(r: { quick: boolean; seconds: number; idle: ReturnType<typeof sample>; peak: ReturnType<typeof sample>; last: ReturnType<typeof sample>; load: StepResult; loaders: string[] }) {
  console.log(`\nmemory at ${RATE} msg/s for ${r.seconds} s: ${r.load.sent} sent, ${r.load.replies} replies, ${r.load.lost} lost, ${r.load.doubled} doubled; e2e p50/p99 ${r.load.e2e.p50}/${r.load.e2e.p99} ms`);
  console.log('MiB           idle RSS   peak RSS   peak RSS, shared once   peak PSS   processes');
  for (const name of ['postgres', 'redis', 's3', 'api', 'worker', 'total'] as const) {
    const [i, p] = [r.idle[name]!, r.peak[name]!];
    console.log(`${name.padEnd(12)} ${String(i.rssMiB).padStart(9)} ${String(p.rssMiB).padStart(10)} ${String(p.rssShmemOnceMiB).padStart(23)} ${String(p.pssMiB).padStart(10)} ${String(p.processes).padStart(11)}`);
  }
  // The budget is judged on RSS with PostgreSQL's shared buffers counted once (see process-memory.ts).
  const within = r.peak.total.rssShmemOnceMiB <= BUDGET_MIB;
  console.log(`\nwhole stack peak: ${r.peak.total.rssShmemOnceMiB} MiB resident with shared memory counted once (budget ${BUDGET_MIB} MiB: ${within ? 'within' : 'OVER'}); plain RSS sum ${r.peak.total.rssMiB} MiB; PSS ${r.peak.total.pssMiB} MiB`);
  console.log(`TypeScript loader processes under api/worker: ${r.loaders.length === 0 ? 'none' : r.loaders.join('; ')}`);
  mkdirSync(resolve(root, 'bench', 'results'), { recursive: true });
  const file = resolve(root, 'bench', 'results', r.quick ? 'memory-quick.json' : 'memory.json');
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), rate: RATE, budgetMiB: BUDGET_MIB, within, ...r }, null, 2));
  console.log(`written: ${file}`);
  return { within, file };
}
