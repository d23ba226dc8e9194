// Bad configuration stops the process at once with one line naming the variable.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..', '..');

function run(script: string, env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, script)], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: mkdtempSync(join(tmpdir(), 'zyntra-start-')), ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stderr: result.stderr.trim(), lines: result.stderr.trim().split('\n') };
}

// Each case starts a TypeScript process; on a busy 2-core machine that alone can take several seconds.
describe('startup with a malformed environment', { timeout: 60_000 }, () => {
  it('when npm start gets a malformed DATABASE_URL, then it exits non-zero with one line naming it', () => {
    const r = run('scripts/start.ts', { DATABASE_URL: 'not a url' });
    expect(r.status).toBe(1);
    expect(r.lines).toHaveLength(1);
    expect(r.stderr).toMatch(/^Invalid configuration: DATABASE_URL /);
  });

  it('when the server entry gets a non-PostgreSQL DATABASE_URL, then it exits non-zero with one line naming it', () => {
    const r = run('server/src/main.ts', {
      DATABASE_URL: 'mysql://x@127.0.0.1/db', REDIS_URL: 'redis://127.0.0.1:6379', JWT_SECRET: 'x'.repeat(40), ENCRYPTION_KEY: Buffer.alloc(32).toString('base64'),
    });
    expect(r.status).toBe(1);
    expect(r.lines).toEqual(['Invalid configuration: DATABASE_URL must start with postgres:// or postgresql://']);
  });

  it('when a required secret is missing for the server entry, then it says which', () => {
    const r = run('server/src/main.ts', { DATABASE_URL: 'postgres://x@127.0.0.1/db', REDIS_URL: 'redis://127.0.0.1:6379' });
    expect(r.status).toBe(1);
    expect(r.lines).toEqual(['Invalid configuration: JWT_SECRET is required']);
  });
});

// PostgreSQL refuses to run as root, so as root it runs as the `postgres` user, which must be able
// to enter every folder above its data. A project under /root (mode 700) is the usual case.
// Each case spawns the launcher (tsx compile + checks): give it room on a busy machine.
describe.skipIf(process.getuid?.() !== 0)('npm start as root in a folder the postgres user cannot enter', { timeout: 30_000 }, () => {
  const closedFolder = () => mkdtempSync(join(tmpdir(), 'zyntra-closed-')); // mkdtemp makes it 0700

  it('when the data folder is new, then it exits with one line saying which folder to open or move', () => {
    const dir = closedFolder();
    const r = run('scripts/start.ts', { DATA_DIR: join(dir, 'data') });
    expect(r.status).toBe(1);
    expect(r.lines).toHaveLength(1);
    expect(r.stderr).toContain(`the "postgres" user cannot enter ${dir}`);
  });

  it('when the data was created while the folder was open, then it still exits with that one line, not a stack trace', () => {
    const dir = closedFolder();
    mkdirSync(join(dir, 'data', 'postgres'), { recursive: true });
    writeFileSync(join(dir, 'data', 'postgres', 'PG_VERSION'), '18\n');
    const r = run('scripts/start.ts', { DATA_DIR: join(dir, 'data') });
    expect(r.status).toBe(1);
    expect(r.lines).toHaveLength(1);
    expect(r.stderr).toContain(`the "postgres" user cannot enter ${dir}`);
  });
});
