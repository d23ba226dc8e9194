// Hostile input sweep, generated from the route table: a workspace's owner sends every route ids
// that are not ids, bodies that are not JSON or not the right shape, query strings of the wrong
// types and bodies of the wrong media type. Every answer is a 4xx (or a 2xx where the input is in
// fact acceptable), never a 5xx and never a hang, and the server still answers afterwards. The ids
// in the path are the workspace's own, so each body reaches the route's own checks; the web chat's
// routes are called as a visitor of the workspace's web chat, as the internet calls them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../test/harness';
import { startPipeline, type Pipeline } from '../../test/pipeline';
import { createThings, thingFor, type Things } from '../../test/workspace-things';
import { concretePath, listRoutes, type RouteEntry } from './route-table';

let a: Pipeline;
let ids: Things;
let webchat: { channelId: string; token: string };

const MANY = '1000000';

beforeAll(async () => {
  // The sweep sends a few thousand requests in a minute: past the budgets, every answer would be 429.
  a = await startPipeline({ RATE_LIMIT_API_PER_WORKSPACE: MANY, RATE_LIMIT_WEBCHAT_SESSIONS_PER_IP: MANY, RATE_LIMIT_WEBCHAT_MESSAGES_PER_IP: MANY });
  ids = await createThings(a);
  const site = await api(a.app, 'POST', '/v1/channels', { type: 'webchat', name: 'Site' }, a.token);
  const visitor = await api(a.app, 'POST', `/v1/webchat/${site.body.id}/sessions`, { name: 'Visitante' });
  webchat = { channelId: site.body.id, token: visitor.body.token };
  if (!webchat.token) throw new Error(`web chat session: ${visitor.status} ${JSON.stringify(visitor.body)}`);
});
afterAll(async () => {
  await a?.close();
});

/** Path parameters that are not ids: malformed, injected, encoded NUL, overlong, an emoji, out of range. */
const NOT_IDS = ['not-a-uuid', "1' OR '1'='1", '%00', 'x'.repeat(3000), '%F0%9F%99%82', '-1', '99999999999999999999999', '00000000-0000-0000-0000-000000000000', '%2E%2E'];

/** Bodies sent as application/json that are not JSON, or not an object. */
const NOT_OBJECTS = ['{"a":', '[]', '"texto"', '123', 'null', 'true', '{"__proto__":{"role":"owner"}}', '\u0000'];

/** Every field name the API takes somewhere, each with a value of the wrong type. */
const WRONG_TYPES = JSON.stringify({
  name: {}, text: [1], document: 'x', email: 5, password: [], role: 'root', url: 'javascript:alert(1)', events: 'x', tags: 'x',
  audience: [], template: 1, channelId: 'x', assigneeId: 5, teamId: [], status: {}, limit: 'x', config: [], memberIds: 'x',
  keywords: null, scheduledAt: 'amanhã', type: 5, phone: {}, cursor: 1, on: 'yes', contactIds: 'x', filterId: 3, language: [],
  category: {}, components: 'x', parameters: [], description: 9, caption: [], mediaId: {}, ids: 'x', value: {},
  workspaceName: [], refreshToken: 1, token: {}, workspaceId: [], baseUrl: 7, model: [], apiKey: {}, shortcut: 1, days: 'x',
  messagesPerSecond: 'rápido', flowId: {}, baseRevision: 'x', note: [], reason: {}, attributes: 'x', fields: 5,
});

/** Query strings of the wrong types on every filter and page parameter the API reads. */
const WRONG_QUERIES = [
  '?limit=-5&cursor=%25%25%25&status=zzz&assigneeId=x&channelId=x&teamId=x&tag=%00&q=%00',
  '?limit=1e309&cursor=eyJub3QiOiJhIGN1cnNvciJ9&from=ontem&to=amanh%C3%A3&after=x&before=x&event=x&role=x',
  '?status[]=a&status[]=b&q[a]=1&limit[]=2&cursor[]=x',
  `?q=${'a'.repeat(5000)}&tag=${'%F0%9F%99%82'.repeat(200)}`,
];

type Probe = { method: string; path: string; body?: string; type?: string; token?: string };

const statuses = new Map<number, number>();

async function send(p: Probe): Promise<string | null> {
  try {
    const res = await fetch(a.app.url + p.path, {
      method: p.method,
      headers: { authorization: `Bearer ${p.token ?? a.token}`, ...(p.body !== undefined ? { 'content-type': p.type ?? 'application/json' } : {}) },
      body: p.body,
      signal: AbortSignal.timeout(15_000),
    });
    const text = await res.text();
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    return res.status >= 500 ? `${res.status} ${text.slice(0, 160)}` : null;
  } catch (err) {
    return `no answer: ${(err as Error).message}`;
  }
}

const writes = (r: RouteEntry) => ['POST', 'PUT', 'PATCH'].includes(r.method);
// Signing out ends the session the sweep runs on; its body is one refresh token, checked in auth's tests.
const endsTheSession = (r: RouteEntry) => r.path === '/v1/auth/logout';

function probesOf(r: RouteEntry): Probe[] {
  const visitor = r.path.startsWith('/v1/webchat/');
  const own = visitor ? concretePath(r.path, () => webchat.channelId) : concretePath(r.path, thingFor(ids, r.path));
  const token = visitor ? webchat.token : undefined;
  const probes: Probe[] = [];
  if (r.path.includes(':')) {
    const okBody = writes(r) ? '{}' : undefined;
    for (const bad of NOT_IDS) probes.push({ method: r.method, path: concretePath(r.path, () => bad), body: okBody, token });
  }
  if (writes(r) && !endsTheSession(r)) {
    for (const body of [...NOT_OBJECTS, WRONG_TYPES]) probes.push({ method: r.method, path: own, body, token });
    probes.push({ method: r.method, path: own, body: 'olá', type: 'text/plain', token });
    probes.push({ method: r.method, path: own, body: 'a=1&b[c]=2', type: 'application/x-www-form-urlencoded', token });
  }
  if (r.method === 'GET') for (const query of WRONG_QUERIES) probes.push({ method: 'GET', path: own + query, token });
  return probes;
}

describe('hostile input sweep', () => {
  it('when every route gets ids that are not ids, bodies that are not JSON or of the wrong types and wrong query strings, then no answer is a 5xx or a hang', async () => {
    const routes = listRoutes(a.app.app!).filter((r) => r.path.startsWith('/v1/') && !r.path.includes('{*'));
    expect(routes.length).toBeGreaterThan(100);
    const failures: string[] = [];
    let sent = 0;
    for (const r of routes) {
      for (const probe of probesOf(r)) {
        sent++;
        const failure = await send(probe);
        if (failure) failures.push(`${r.method} ${r.path} ← ${probe.path.slice(0, 90)} ${probe.type ?? ''} ${(probe.body ?? '').slice(0, 40)} → ${failure}`);
      }
    }
    expect(sent).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
    // Signed in throughout (no probe stopped at authentication), and most probes were refused by a
    // route's own checks: 400 for a bad body or query, 404 for a path id that cannot exist.
    expect(statuses.get(401)).toBeUndefined();
    expect((statuses.get(400) ?? 0) + (statuses.get(404) ?? 0)).toBeGreaterThan(sent / 2);
    expect(statuses.get(400)).toBeGreaterThan(sent / 4);
    const health = await fetch(`${a.app.url}/health`);
    expect(health.status).toBe(200);
    const me = await fetch(`${a.app.url}/v1/me`, { headers: { authorization: `Bearer ${a.token}` } });
    expect(me.status).toBe(200);
  }, 300_000);
});
