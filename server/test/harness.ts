// Helpers for integration tests: a fresh database cloned from the migrated template, a unique
// queue prefix, and a running server on a free port — all real services, nothing mocked.
import { afterAll, beforeAll, inject } from 'vitest';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import pg from 'pg';
import { parseConfig, type Config } from '../src/config/env';
import { startRuntime, type Runtime, type RuntimeOptions } from '../src/runtime';

export const services = () => inject('services');

export async function createTestDatabase(): Promise<string> {
  const s = services();
  const name = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const client = new pg.Client({ connectionString: s.postgresAdminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name} TEMPLATE ${s.templateDb}`);
  } finally {
    await client.end();
  }
  return s.postgresUrlFor.replace('__DB__', name);
}

const RELAXED_LIMITS = {
  RATE_LIMIT_SIGNUP_PER_IP: '100000',
  RATE_LIMIT_LOGIN_PER_IP: '100000',
  RATE_LIMIT_REFRESH_PER_IP: '100000',
  RATE_LIMIT_WEBCHAT_SESSIONS_PER_IP: '100000',
  RATE_LIMIT_WEBCHAT_MESSAGES_PER_IP: '100000',
};

export async function testConfig(overrides: Record<string, string> = {}): Promise<Config> {
  const s = services();
  return parseConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    DATABASE_URL: overrides.DATABASE_URL ?? (await createTestDatabase()),
    REDIS_URL: s.redisUrl,
    QUEUE_PREFIX: `t${randomUUID().slice(0, 8)}`,
    JWT_SECRET: 'test-secret-test-secret-test-secret-123',
    ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    S3_ENDPOINT: s.s3Endpoint,
    S3_BUCKET: 'zyntra-test',
    S3_ACCESS_KEY_ID: s.s3AccessKeyId,
    S3_SECRET_ACCESS_KEY: s.s3SecretAccessKey,
    // Every test calls from 127.0.0.1: budgets per address are raised so suites that sign up or chat
    // a lot never trip them. rate-limits.int.test.ts sets its own low values.
    ...RELAXED_LIMITS,
    // Nothing in tests talks to Meta: unless a test points it at its fake, the Graph API is a
    // closed local port, so a call fails at once instead of leaving the machine.
    WHATSAPP_GRAPH_BASE_URL: 'http://127.0.0.1:9',
    ...overrides,
  });
}

/** Captures the JSON log lines a runtime writes, so tests can assert on (and grep) them. */
export function logCapture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      cb();
    },
  });
  return { stream, lines, text: () => lines.join('\n') };
}

export type TestApp = Runtime & { url: string; config: Config; logs: ReturnType<typeof logCapture> };

export async function startTestApp(overrides: Record<string, string> = {}, opts: RuntimeOptions = {}): Promise<TestApp> {
  const config = await testConfig(overrides);
  const logs = logCapture();
  const runtime = await startRuntime(config, { logDestination: logs.stream, ...opts });
  return { ...runtime, url: runtime.url!, config, logs };
}

/** JSON fetch against a test app. */
export async function api<T = any>(
  app: { url: string },
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; body: T; headers: Headers }> {
  const res = await fetch(app.url + path, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  // CSV downloads and other non-JSON answers come back as text.
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

let counter = 0;
/** Signs up a fresh workspace and returns its session. */
export async function signupWorkspace(app: { url: string }, name = 'Loja') {
  const email = `owner${Date.now()}${counter++}@example.com`;
  const res = await api(app, 'POST', '/v1/auth/signup', { workspaceName: name, name: 'Ana', email, password: 'senha-forte-123' });
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...res.body, email, password: 'senha-forte-123' } as {
    token: string; refreshToken: string; user: { id: string }; workspace: { id: string }; email: string; password: string;
  };
}

/** The owner's session of a signed-up workspace, with the email and password they signed up with. */
export type WorkspaceOwner = Awaited<ReturnType<typeof signupWorkspace>>;

/** One app with a signed-up workspace, shared by all the tests of a file and stopped after the last. */
export function workspaceForFile(ready: (started: { app: TestApp; owner: WorkspaceOwner }) => unknown): void {
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await startTestApp();
    await ready({ app, owner: await signupWorkspace(app) });
  });
  afterAll(async () => {
    await app?.close();
  });
}
