// The Docker files cannot be built here, so their security-relevant promises are read as text:
// the image runs as an unprivileged numeric user, never bakes local secrets in, and compose passes
// only variables that .env.example documents.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..', '..');
const read = (name: string) => readFileSync(resolve(root, name), 'utf8');
const instructions = (dockerfile: string) =>
  dockerfile
    .split('\n')
    .filter((l) => /^[A-Z]+\s/.test(l))
    .map((l) => ({ op: l.split(/\s+/)[0]!, args: l.slice(l.indexOf(' ') + 1).trim() }));

describe('docker image', () => {
  it('when the image starts, then it runs as a numeric non-root user set after every build step', () => {
    const steps = instructions(read('Dockerfile'));
    const lastUser = steps.map((s) => s.op).lastIndexOf('USER');
    expect(lastUser, 'the Dockerfile sets no USER').toBeGreaterThan(-1);
    const uid = steps[lastUser]!.args.split(':')[0]!;
    expect(uid).toMatch(/^\d+$/);
    expect(Number(uid)).toBeGreaterThan(0);
    expect(steps.slice(lastUser).filter((s) => s.op === 'RUN')).toEqual([]);
    expect(steps.at(-1)!.op).toBe('CMD');
  });

  it('when the build context is sent, then local data, secrets and host modules stay out', () => {
    const ignored = read('.dockerignore').split('\n').map((l) => l.trim());
    for (const entry of ['.env', '.data', 'node_modules', '.git']) expect(ignored).toContain(entry);
  });

  it('when compose starts the app, then it keeps the image user and passes only documented variables', () => {
    const compose = read('docker-compose.yml');
    expect(compose).not.toMatch(/^\s*user:/m);
    const documented = new Set([...read('.env.example').matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));
    const appEnv = compose.slice(compose.indexOf('environment: &appenv'), compose.indexOf('ports:', compose.indexOf('environment: &appenv')));
    const passed = [...appEnv.matchAll(/^\s+([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1]);
    expect(passed.length).toBeGreaterThan(5);
    expect(passed.filter((name) => !documented.has(name))).toEqual([]);
  });
});
