// `npm run password:reset-link`: whoever runs a server that sends no email makes a one-time link for a
// person who forgot their password. The link sets the password once; an unknown email makes none.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, signupWorkspace, startTestApp, type TestApp } from '../../test/harness';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

/** The command as an operator runs it, with the servers' environment. */
const resetLink = (email: string) =>
  promisify(execFile)('npm', ['run', '--silent', 'password:reset-link', '--', email], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: app.config.DATABASE_URL, REDIS_URL: app.config.REDIS_URL, JWT_SECRET: app.config.JWT_SECRET, ENCRYPTION_KEY: app.config.ENCRYPTION_KEY, PUBLIC_URL: app.url },
  }).then((r) => ({ code: 0, ...r }), (e: { code: number; stdout: string; stderr: string }) => e);

describe('password reset link from the command line', () => {
  it('when the operator makes a link for an email, then it sets that person’s password once and ends their logins', async () => {
    const owner = await signupWorkspace(app);
    const made = await resetLink(owner.email.toUpperCase());
    expect(made.code, made.stderr).toBe(0);
    const link = made.stdout.split('\n')[0]!;
    expect(link).toMatch(new RegExp(`^${app.url}/reset-password\\?token=[\\w-]{43}$`));
    const token = new URL(link).searchParams.get('token');
    expect((await api(app, 'POST', '/v1/auth/password-reset/confirm', { token, password: 'senha-do-terminal-1' })).status).toBe(204);
    expect((await api(app, 'POST', '/v1/auth/password-reset/confirm', { token, password: 'outra-vez-senha-2' })).status).toBe(404);
    expect((await api(app, 'POST', '/v1/auth/login', { email: owner.email, password: 'senha-do-terminal-1' })).status).toBe(200);
    expect((await api(app, 'GET', '/v1/me', undefined, owner.token)).status).toBe(401);
  });

  it('when the email has no account or none is given, then it says so and exits with an error', async () => {
    const none = await resetLink('ninguem@example.com');
    expect([none.code, none.stdout, none.stderr]).toEqual([1, '', 'No account has the email ninguem@example.com\n']);
    const usage = await resetLink('');
    expect([usage.code, usage.stderr]).toEqual([2, 'usage: npm run password:reset-link -- <email>\n']);
  });
});
