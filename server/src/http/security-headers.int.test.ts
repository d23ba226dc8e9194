// Every answer of a running server carries the security headers; what other sites load (the
// widget script and the visitor API) stays readable cross-origin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, signupWorkspace, startTestApp, type TestApp } from '../../test/harness';

let app: TestApp;
let dist: string;
beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'zyntra-dist-'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(dist, 'widget.js'), 'void 0;');
  app = await startTestApp({}, { clientDistDir: dist });
});
afterAll(async () => {
  await app?.close();
  rmSync(dist, { recursive: true, force: true });
});

const get = (path: string, init?: RequestInit) => fetch(app.url + path, init);

function expectGuarded(res: Response) {
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("script-src 'self'");
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
}

describe('security headers', () => {
  it('when the app, an API answer, an error or a health check is served, then each carries CSP, frame-ancestors and nosniff', async () => {
    const owner = await signupWorkspace(app);
    const answers = [
      await get('/'),
      await get('/flows/some/deep/link'),
      await get('/health'),
      await get('/v1/me', { headers: { authorization: `Bearer ${owner.token}` } }),
      await get('/v1/me'),
      await get('/v1/nothing-here'),
      await get('/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":' }),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 401, 404, 400]);
    for (const res of answers) expectGuarded(res);
    expect((await get('/')).headers.get('cross-origin-resource-policy')).toBe('same-origin');
  });

  it('when an API path is called with a doubled slash (a base URL ending in "/"), then it is the API\'s JSON 404, not the app page', async () => {
    for (const path of ['//v1/conversations', '///v1/me', '//v1']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(await res.json(), path).toMatchObject({ error: { code: 'not_found' } });
    }
    expect((await get('/v1x-not-api')).status).toBe(200); // a client route, whatever it is
  });

  it('when the page is served, then its CSP lets signed media links from the S3 endpoint load', async () => {
    const csp = (await get('/')).headers.get('content-security-policy') ?? '';
    const s3 = new URL(app.config.S3_ENDPOINT!).origin;
    expect(csp).toMatch(new RegExp(`img-src [^;]*${s3.replace(/[.:/]/g, '\\$&')}`));
    expect(csp).toMatch(new RegExp(`media-src [^;]*${s3.replace(/[.:/]/g, '\\$&')}`));
    expect(csp).not.toContain('upgrade-insecure-requests');
  });

  it('when another site loads the widget script or calls the visitor API, then the answers may be read cross-origin', async () => {
    const owner = await signupWorkspace(app);
    const channel = await api(app, 'POST', '/v1/channels', { type: 'webchat', name: 'Site' }, owner.token);
    const widget = await get('/widget.js');
    expect(widget.status).toBe(200);
    expect(widget.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const origin = { origin: 'https://loja.example.com' };
    const preflight = await get(`/v1/webchat/${channel.body.id}/sessions`, { method: 'OPTIONS', headers: origin });
    const session = await get(`/v1/webchat/${channel.body.id}/sessions`, {
      method: 'POST',
      headers: { ...origin, 'content-type': 'application/json' },
      body: '{}',
    });
    expect([preflight.status, session.status]).toEqual([204, 201]);
    for (const res of [preflight, session]) {
      expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('when a provider webhook is answered on the fast path, then it is nosniff too', async () => {
    const res = await get(`/v1/webhooks/whatsapp/${'0'.repeat(8)}-0000-0000-0000-000000000000`, { method: 'PUT' });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
