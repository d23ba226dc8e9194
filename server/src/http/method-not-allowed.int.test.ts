// A wrong method on a path the API knows answers 405 with the methods it takes (Allow), in the API's
// error shape; an unknown path is still 404, and OPTIONS, HEAD, the web chat's CORS preflight and the
// provider webhooks answered before express behave as they did.
import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signupWorkspace, startTestApp, type TestApp } from '../../test/harness';
import { concretePath, listRoutes } from './route-table';

let app: TestApp;
let token: string;
beforeAll(async () => {
  app = await startTestApp();
  token = (await signupWorkspace(app)).token;
});
afterAll(async () => {
  await app?.close();
});

const send = (method: string, path: string, headers: Record<string, string> = {}) =>
  fetch(app.url + path, { method, headers: { authorization: `Bearer ${token}`, ...headers } });

/** The request line as written, past what fetch would refuse to send; the status line of the answer. */
function rawStatus(requestLine: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(new URL(app.url).port), '127.0.0.1', () => socket.write(`${requestLine}\r\nHost: x\r\nConnection: close\r\n\r\n`));
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString('latin1')));
    socket.on('end', () => resolve(text.split('\r\n')[0]!));
    socket.on('error', reject);
  });
}

describe('a method a route does not take', () => {
  it('when PUT /v1/flows, DELETE /v1/auth/login or POST /v1/flows/{id} is sent, then 405 names the methods the path takes in Allow', async () => {
    for (const [method, path, allow] of [
      ['PUT', '/v1/flows', 'GET, HEAD, POST'],
      ['DELETE', '/v1/auth/login', 'POST'],
      ['HEAD', '/v1/auth/login', 'POST'],
      ['POST', `/v1/flows/${randomUUID()}`, 'DELETE, GET, HEAD, PATCH, PUT'],
      ['PROPFIND', '/v1/flows/', 'GET, HEAD, POST'],
    ] as const) {
      const res = await send(method, path);
      expect([res.status, res.headers.get('allow')], `${method} ${path}`).toEqual([405, allow]);
      if (method === 'HEAD') continue;
      expect(await res.json()).toEqual({ error: { code: 'method_not_allowed', message: `${method} is not allowed on ${path}; it takes ${allow}` } });
    }
  });

  it("when every route is asked with a method its path does not take, then each answers 405 and its Allow lists the route's (or a route of the same shape takes it)", async () => {
    const routes = listRoutes(app.app!).filter((r) => r.path.startsWith('/v1/') && !r.path.includes('*'));
    const byPath = new Map<string, Set<string>>();
    for (const r of routes) byPath.set(r.path, (byPath.get(r.path) ?? new Set()).add(r.method));
    const wrong: string[] = [];
    let tried = 0;
    for (const [path, methods] of byPath) {
      const method = ['PATCH', 'PUT', 'DELETE', 'POST'].find((m) => !methods.has(m));
      if (!method) continue;
      const res = await send(method, concretePath(path));
      const allow = res.headers.get('allow')?.split(', ') ?? [];
      // /v1/flows/import is also /v1/flows/:id, which takes PATCH: that route answers, not "No route".
      if (res.status !== 405) {
        const body = (await res.json()) as { error?: { message?: string } };
        if (body.error?.message?.startsWith('No route')) wrong.push(`${method} ${path}: ${res.status} ${body.error.message}`);
      } else if (![...methods].every((m) => allow.includes(m))) wrong.push(`${method} ${path}: 405 ${allow.join(', ')}`);
      else tried++;
    }
    expect(wrong).toEqual([]);
    expect(tried).toBeGreaterThan(60);
  });

  it('when a path no route has is asked, then it is still 404 not_found, whatever the method', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const res = await send(method, '/v1/flowz');
      expect(res.status).toBe(404);
      expect(res.headers.get('allow')).toBeNull();
      expect(await res.json()).toEqual({ error: { code: 'not_found', message: `No route for ${method} /v1/flowz` } });
    }
  });

  it('when OPTIONS or HEAD is asked of a route, then express answers them as before, and the web chat preflight keeps its CORS answer', async () => {
    const options = await send('OPTIONS', '/v1/flows');
    expect([options.status, options.headers.get('allow'), await options.text()]).toEqual([200, 'GET, HEAD, POST', 'GET, HEAD, POST']);
    const head = await fetch(`${app.url}/v1/openapi.json`, { method: 'HEAD' });
    expect([head.status, head.headers.get('content-type'), await head.text()]).toEqual([200, 'application/json; charset=utf-8', '']);
    expect((await send('OPTIONS', '/v1/flowz')).status).toBe(404);
    const preflight = await fetch(`${app.url}/v1/webchat/${randomUUID()}/sessions`, { method: 'OPTIONS', headers: { origin: 'https://loja.example.com' } });
    expect([preflight.status, preflight.headers.get('access-control-allow-origin')]).toEqual([204, '*']);
  });

  it('when a provider webhook, answered before express, is sent a method it does not take, then 405 names its methods too', async () => {
    const res = await send('PUT', `/v1/webhooks/whatsapp/${randomUUID()}`);
    expect([res.status, res.headers.get('allow')]).toEqual([405, 'GET, POST']);
    expect(await res.json()).toMatchObject({ error: { code: 'method_not_allowed' } });
    const evolution = await send('GET', `/v1/webhooks/evolution/${randomUUID()}`);
    expect([evolution.status, evolution.headers.get('allow')]).toEqual([405, 'POST']);
  });

  it('when the method is hostile (not a method, control characters, lower case, overlong), then the answer is a 4xx, never a 500', async () => {
    for (const line of ['FOO /v1/flows HTTP/1.1', 'P\u0001T /v1/flows HTTP/1.1', 'put /v1/flows HTTP/1.1', `${'X'.repeat(5000)} /v1/flows HTTP/1.1`, 'PUT /v1/flows/%E0%A4%A HTTP/1.1', 'PURGE /v1/flows HTTP/1.1']) {
      expect(await rawStatus(line), line.slice(0, 40)).toMatch(/^HTTP\/1\.1 4\d\d /);
    }
    expect((await send('GET', '/health')).status).toBe(200);
  });
});
