// The compiled production build: `npm run build:server` output runs under plain node (no tsx or
// esbuild process), migrates with the compiled CLI (twice is a no-op), serves /ready, the client
// and a login against real PostgreSQL, Redis and S3-protocol storage.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { createTestDatabase, services } from '../server/test/harness';
import { buildServer } from './build-server';

const root = resolve(import.meta.dirname, '..');
let server: ChildProcess | undefined;

beforeAll(async () => {
  await buildServer({ quiet: true });
}, 60_000);

afterAll(() => {
  server?.kill('SIGKILL');
});

function baseEnv(databaseUrl: string): Record<string, string> {
  const s = services();
  return {
    PATH: process.env.PATH ?? '',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl,
    REDIS_URL: s.redisUrl,
    QUEUE_PREFIX: `c${randomUUID().slice(0, 8)}`,
    JWT_SECRET: 'compiled-build-secret-compiled-build-secret',
    ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64'),
    S3_ENDPOINT: s.s3Endpoint,
    S3_BUCKET: 'zyntra-test',
    S3_ACCESS_KEY_ID: s.s3AccessKeyId,
    S3_SECRET_ACCESS_KEY: s.s3SecretAccessKey,
  };
}

async function emptyDatabase(): Promise<string> {
  const s = services();
  const name = `b_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: s.postgresAdminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return s.postgresUrlFor.replace('__DB__', name);
}

/** The process ids whose parent is `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]!.split(' ')[1] === String(pid);
      } catch {
        return false;
      }
    })
    .map(Number);
}

function startCompiled(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(root, 'server/dist/main.js')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`compiled server did not start: ${out}`)), 30_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolvePromise({ url: match[1]!, child });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`compiled server exited with ${code}: ${out}`)));
  });
}

describe('compiled production build', () => {
  it('when the compiled migration CLI runs twice on an empty database, then the second run applies nothing', async () => {
    const env = baseEnv(await emptyDatabase());
    const cli = join(root, 'database/dist/cli.js');
    const first = spawnSync(process.execPath, [cli, 'migrate'], { env, encoding: 'utf8' });
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^applied: 20261124_0001_core, /);
    const second = spawnSync(process.execPath, [cli, 'migrate'], { env, encoding: 'utf8' });
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout.trim()).toBe('applied: nothing to do');
  });

  it('when node runs server/dist/main.js, then it is ready, serves the client and a login, with no TypeScript loader process', async () => {
    const clientDir = mkdtempSync(join(tmpdir(), 'zyntra-client-'));
    writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>compiled-build-check</title>');
    const env = { ...baseEnv(await createTestDatabase()), ROLE: 'all', PORT: '0', HOST: '127.0.0.1', MIGRATE_ON_START: 'false', CLIENT_DIST_DIR: clientDir };
    const started = await startCompiled(env);
    server = started.child;
    const { url } = started;

    const ready = await fetch(`${url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { database: true, redis: true, migrations: true } });
    expect(await (await fetch(`${url}/inbox`)).text()).toContain('compiled-build-check');

    const account = { workspaceName: 'Compiled', name: 'Ana', email: `ana-${randomUUID().slice(0, 6)}@example.com`, password: 'correct horse battery' };
    const post = (path: string, body: unknown) => fetch(url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post('/v1/auth/signup', account)).status).toBe(201);
    const login = await post('/v1/auth/login', { email: account.email, password: account.password });
    expect(login.status).toBe(200);
    expect(typeof ((await login.json()) as { token: unknown }).token).toBe('string');
    // The operator's password-reset command is compiled too.
    const link = spawnSync(process.execPath, [join(root, 'server/dist/reset-link.js'), account.email], { env: { ...env, PUBLIC_URL: url }, encoding: 'utf8' });
    expect(link.status, link.stderr).toBe(0);
    expect(link.stdout).toMatch(new RegExp(`^${url}/reset-password\\?token=`));

    const pid = server.pid!;
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    expect(cmdline).toEqual([process.execPath, join(root, 'server/dist/main.js')]);
    expect(childrenOf(pid)).toEqual([]);

    const exited = new Promise<number | null>((r) => server!.once('exit', (code) => r(code)));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    server = undefined;
  });
});
