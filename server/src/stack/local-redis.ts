// A real redis-server child process for `npm start` without REDIS_URL and for tests.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { Redis } from 'ioredis';

export type LocalRedis = { url: string; stop: () => Promise<void>; process: ChildProcess };

const HOW_TO_GET_REDIS =
  'redis-server was not found: install it (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis; or `docker compose up redis`) or set REDIS_URL to a running Redis';

export function findRedisServer(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

/** On Debian/Ubuntu as root, installs redis-server with apt-get; elsewhere explains how to get one. */
export function ensureRedisServer(log: (line: string) => void): string {
  const existing = findRedisServer();
  if (existing) return existing;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get']).status === 0;
  if (!isRoot || !hasApt) throw new Error(HOW_TO_GET_REDIS);
  log('redis-server not found: installing it with apt-get (one time)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
  const install = spawnSync('apt-get', ['install', '-y', '-qq', 'redis-server'], { stdio: 'ignore', env });
  const installed = findRedisServer();
  if (install.status !== 0 || !installed) throw new Error(HOW_TO_GET_REDIS);
  return installed;
}

export async function startLocalRedis(opts: { binary: string; port: number; dataDir?: string }): Promise<LocalRedis> {
  const args = ['--port', String(opts.port), '--bind', '127.0.0.1', '--daemonize', 'no'];
  if (opts.dataDir) {
    mkdirSync(opts.dataDir, { recursive: true });
    args.push('--dir', opts.dataDir, '--appendonly', 'yes', '--save', '60 1');
  } else {
    args.push('--save', '', '--appendonly', 'no');
  }
  // Its own process group: a terminal's Ctrl-C reaches only us, and we stop Redis after the app
  // has finished with it. If we die without stopping it, the exit hook still takes it down.
  const child = spawn(opts.binary, args, { stdio: 'ignore', detached: true });
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  const url = `redis://127.0.0.1:${opts.port}`;
  await waitForRedis(url, child);
  return {
    url,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function waitForRedis(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}`);
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => {}); // refused while starting: retried below
    try {
      await client.connect();
      await client.ping();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      client.disconnect();
    }
  }
  throw new Error('redis-server did not answer within 15 s');
}
