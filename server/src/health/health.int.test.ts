import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestApp, type TestApp } from '../../test/harness';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

describe('health', () => {
  it('when the server runs, then /health is 200 and /ready reports every dependency ok', async () => {
    expect((await api(app, 'GET', '/health')).status).toBe(200);
    const ready = await api(app, 'GET', '/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toEqual({ database: true, redis: true, migrations: true });
  });

  it('when an unknown /v1 route is called, then a JSON 404 answers', async () => {
    const res = await api(app, 'GET', '/v1/nope');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('when an unknown /v1 route is called, then the 404 names the full path, /v1 included, without the query', async () => {
    const res = await api(app, 'GET', '/v1/nope/deeper?secret=1');
    expect(res.body.error.message).toBe('No route for GET /v1/nope/deeper');
  });

  it('when the body is malformed JSON, then 400 and never 500', async () => {
    const res = await fetch(`${app.url}/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{bad' });
    expect(res.status).toBe(400);
  });
});

describe('readiness without redis', () => {
  it('when Redis is unreachable, then /ready is 503 naming redis while /health stays 200', async () => {
    const down = await startTestApp({ REDIS_URL: 'redis://127.0.0.1:1', ROLE: 'api' });
    try {
      expect((await api(down, 'GET', '/health')).status).toBe(200);
      const ready = await api(down, 'GET', '/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.missing).toEqual(['redis']);
    } finally {
      await down.close();
    }
  });
});
