// `npm start` stopped the way a terminal (Ctrl-C) or a service manager (SIGTERM) stops it: the app
// closes before its PostgreSQL, so a clean stop prints no error and no stack trace.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../server/src/stack/free-port';

const root = resolve(import.meta.dirname, '..');

async function stopAfterStart(signal: NodeJS.Signals) {
  const port = await freePort();
  // PostgreSQL runs as the postgres user, which must enter the data folder (mkdtemp makes it 0700).
  const dataDir = mkdtempSync(join(tmpdir(), 'zyntra-stop-'));
  chmodSync(dataDir, 0o755);
  // As `npm start` runs it (node with tsx's loader: no tsx process in between to pass signals on).
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'start.ts'), '--no-client-build'], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let running = true;
  const exited = new Promise<number | null>((done) =>
    child.on('exit', (code) => {
      running = false;
      done(code);
    }),
  );
  for (let i = 0; i < 900 && running && !output.includes('press Ctrl-C to stop'); i++) await new Promise((r) => setTimeout(r, 100));
  expect(output).toContain('press Ctrl-C to stop');
  // Requests (and the workers' sweeps) keep the database pool in use while the stop goes on.
  const busy = async () => {
    while (running) await fetch(`http://127.0.0.1:${port}/ready`).catch(() => new Promise((r) => setTimeout(r, 20)));
  };
  const load = Promise.all([busy(), busy(), busy()]);
  await new Promise((r) => setTimeout(r, 500));
  child.kill(signal);
  const code = await exited;
  await load;
  // PostgreSQL was stopped too, not left running without its launcher.
  const postgresLeft = existsSync(join(dataDir, 'postgres', 'postmaster.pid'));
  rmSync(dataDir, { recursive: true, force: true });
  return { code, postgresLeft, after: output.slice(output.indexOf('press Ctrl-C to stop')) };
}

describe('npm start, stopped', { timeout: 120_000 }, () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('when it gets %s, then it stops the app before PostgreSQL and prints no error or stack trace', async (signal) => {
    const { code, postgresLeft, after } = await stopAfterStart(signal);
    expect(postgresLeft).toBe(false);
    expect(after).toContain('stopping…');
    expect(after).not.toMatch(/^\s+at /m);
    expect(after).not.toMatch(/error/i);
    expect(code).toBe(0);
  });
});
