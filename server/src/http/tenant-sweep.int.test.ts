// Cross-tenant sweep, generated from the route table: workspace B — with a session and with an API
// key, both owner, the widest role — calls every route that takes an id with workspace A's ids.
// Every answer is 404 or 403, and A's things read the same afterwards. A new route with a parameter
// needs an id of A (server/test/workspace-things.ts; the test names it when missing), so it cannot skip the sweep.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, signupWorkspace } from '../../test/harness';
import { startPipeline, type Pipeline } from '../../test/pipeline';
import { createThings, sweepFlow as doc, thingFor, type Things } from '../../test/workspace-things';
import { concretePath, listRoutes } from './route-table';

let a: Pipeline;
let b: Awaited<ReturnType<typeof signupWorkspace>>;
let bKey: string;
let ids: Things;

/** A valid body per route, so the answer is about the id and not about a missing field. */
const BODY: Record<string, unknown | (() => unknown)> = {
  'POST /v1/conversations/:id/assign': () => ({ assigneeId: b.user.id }),
  'PUT /v1/flows/:id': { document: doc }, 'PATCH /v1/flows/:id': { name: 'x' },
  'POST /v1/conversations/:id/messages': { text: 'x' }, 'POST /v1/conversations/:id/notes': { text: 'x' },
  'POST /v1/conversations/:id/typing': { on: true },
  'POST /v1/conversations/:id/snooze': () => ({ until: new Date(Date.now() + 3_600_000).toISOString() }), 'PATCH /v1/teams/:id': { name: 'x' },
  'PATCH /v1/webhook-endpoints/:id': { description: 'x' },
  'POST /v1/channels/:id/templates': { name: 'roubado', language: 'pt_BR', category: 'UTILITY', components: [{ type: 'BODY', text: 'Oi' }] },
  'PATCH /v1/channels/:id/templates/:templateId': { components: [{ type: 'BODY', text: 'Oi' }] },
  'PATCH /v1/canned-responses/:id': { text: 'x' }, 'PATCH /v1/channels/:id': { name: 'x' }, 'PATCH /v1/contacts/:id': { name: 'x' }, 'PATCH /v1/members/:userId': { role: 'agent' },
};

beforeAll(async () => {
  a = await startPipeline();
  b = await signupWorkspace(a.app, 'Outra loja');
  bKey = (await api(a.app, 'POST', '/v1/api-keys', { name: 'B', role: 'owner' }, b.token)).body.key;
  ids = await createThings(a);
});
afterAll(async () => {
  await a?.close();
});

/** What A sees of its own things; compared before and after B's sweep. */
async function snapshotOfA() {
  const get = async (path: string) => (await api(a.app, 'GET', path, undefined, a.token)).body;
  return {
    flow: await get(`/v1/flows/${ids.flow}`), versions: await get(`/v1/flows/${ids.flow}/versions`),
    conversation: await get(`/v1/conversations/${ids.conversation}`), messages: await get(`/v1/conversations/${ids.conversation}/messages`),
    team: await get(`/v1/teams/${ids.team}`), canned: await get(`/v1/canned-responses/${ids.canned}`), contact: await get(`/v1/contacts/${ids.contact}`),
    channel: await get(`/v1/channels/${ids.channel}`), members: (await get('/v1/members')).items.map((m: { userId: string; role: string }) => [m.userId, m.role]),
    invitations: await get('/v1/invitations'), apiKeys: await get('/v1/api-keys'),
    webhook: (({ url, events, description }) => ({ url, events, description }))(await get(`/v1/webhook-endpoints/${ids.webhookEndpoint}`)),
    campaign: await get(`/v1/campaigns/${ids.campaign}`), templates: await get(`/v1/channels/${ids.channel}/templates`),
    contactFilters: await get('/v1/contact-filters'),
  };
}

describe('cross-tenant sweep', () => {
  it('when B calls every route with A\'s ids, with a session and with an API key, then each answer is 404 or 403 and A is unchanged', async () => {
    const routes = listRoutes(a.app.app!).filter((r) => r.access !== 'public' && r.path.includes(':'));
    expect(routes.length).toBeGreaterThan(30);
    const before = await snapshotOfA();
    const wrong: string[] = [];
    for (const r of routes) {
      const path = concretePath(r.path, thingFor(ids, r.path));
      const sample = BODY[`${r.method} ${r.path}`];
      const body = r.method === 'GET' ? undefined : typeof sample === 'function' ? sample() : sample ?? {};
      for (const [who, credential] of [['session', b.token], ['key', bKey]] as const) {
        const res = await api(a.app, r.method, path, body, credential);
        if (res.status !== 404 && res.status !== 403) wrong.push(`${who} ${r.method} ${r.path} → ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(await snapshotOfA()).toEqual(before);
  }, 120_000);
});
