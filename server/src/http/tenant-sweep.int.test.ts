// Cross-tenant sweep, generated from the route table: workspace B — with a session and with an API
// key, both owner, the widest role — calls every route that takes an id with workspace A's ids.
// Every answer is 404 or 403, and A's things read the same afterwards. A new route with a parameter
// needs an id of A below (the test names it when missing), so it cannot skip the sweep.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { edge, flow, keywordTrigger, node } from '../../test/flow-docs';
import { api, signupWorkspace } from '../../test/harness';
import { addAgent } from '../../test/agents';
import { textMessage } from '../../test/fakes/whatsapp-payloads';
import { eventually, startPipeline, type Pipeline } from '../../test/pipeline';
import { concretePath, listRoutes } from './route-table';

let a: Pipeline;
let b: Awaited<ReturnType<typeof signupWorkspace>>;
let bKey: string;
const ids: Record<string, string> = {};
const doc = flow([keywordTrigger('ajuda'), node('human', 'transfer', { message: 'um momento' })], [edge('start', 'next', 'human')]);

/** Which of A's ids a route parameter takes: by its name, or for `:id` by the path's first segment. */
const ID_FOR: Record<string, string> = {
  messageId: 'message', versionId: 'version', userId: 'member', channelId: 'channel',
  'id@flows': 'flow', 'id@conversations': 'conversation', 'id@teams': 'team', 'id@canned-responses': 'canned',
  'id@contacts': 'contact', 'id@channels': 'channel', 'id@invitations': 'invitation', 'id@api-keys': 'apiKey',
  'id@webhook-endpoints': 'webhookEndpoint', 'id@operations': 'message', deliveryId: 'delivery', 'id@notices': 'notice',
  importId: 'contactImport', 'id@campaigns': 'campaign', 'id@contact-filters': 'contactFilter',
};

/** A valid body per route, so the answer is about the id and not about a missing field. */
const BODY: Record<string, unknown | (() => unknown)> = {
  'POST /v1/conversations/:id/assign': () => ({ assigneeId: b.user.id }),
  'PUT /v1/flows/:id': { document: doc }, 'PATCH /v1/flows/:id': { name: 'x' },
  'POST /v1/conversations/:id/messages': { text: 'x' }, 'POST /v1/conversations/:id/notes': { text: 'x' },
  'POST /v1/conversations/:id/typing': { on: true }, 'PATCH /v1/teams/:id': { name: 'x' },
  'PATCH /v1/webhook-endpoints/:id': { description: 'x' },
  'POST /v1/channels/:id/templates': { name: 'roubado', language: 'pt_BR', category: 'UTILITY', components: [{ type: 'BODY', text: 'Oi' }] },
  'PATCH /v1/canned-responses/:id': { text: 'x' }, 'PATCH /v1/channels/:id': { name: 'x' }, 'PATCH /v1/contacts/:id': { name: 'x' }, 'PATCH /v1/members/:userId': { role: 'agent' },
};

beforeAll(async () => {
  a = await startPipeline();
  b = await signupWorkspace(a.app, 'Outra loja');
  bKey = (await api(a.app, 'POST', '/v1/api-keys', { name: 'B', role: 'owner' }, b.token)).body.key;
  const call = (method: string, path: string, body?: unknown) => api(a.app, method, path, body, a.token);
  ids.channel = a.channelId;
  ids.member = (await addAgent(a.app, a.tenantId, 'Bruno')).id;
  ids.team = (await call('POST', '/v1/teams', { name: 'Vendas', memberIds: [ids.member] })).body.id;
  ids.canned = (await call('POST', '/v1/canned-responses', { shortcut: 'oi', text: 'Olá!' })).body.id;
  ids.invitation = (await call('POST', '/v1/invitations', { email: 'convite@example.com', role: 'agent' })).body.id;
  ids.apiKey = (await call('POST', '/v1/api-keys', { name: 'A', role: 'agent' })).body.id;
  ids.webhookEndpoint = (await call('POST', '/v1/webhook-endpoints', { url: 'https://example.com/hooks', events: ['message.sent'] })).body.id;
  await call('POST', `/v1/webhook-endpoints/${ids.webhookEndpoint}/test`);
  ids.delivery = (await eventually(async () => (await call('GET', `/v1/webhook-endpoints/${ids.webhookEndpoint}/deliveries`)).body.items[0])).id;
  ids.notice = '1'; // A notice of A's would need a day of failures; B's answer must not depend on it existing.
  const published = await a.publish(doc, 'Ajuda');
  ids.flow = published.flowId;
  ids.version = published.versionId;
  await a.wa.inbound({ waId: '5511950000001', name: 'Cliente A' }, textMessage('ajuda'));
  const conv = await eventually(async () => (await call('GET', '/v1/conversations?status=waiting')).body.items[0]);
  ids.conversation = conv.id;
  ids.contact = conv.contact.id;
  ids.message = (await call('GET', `/v1/conversations/${conv.id}/messages`)).body.items[0].id;
  const imported = await fetch(`${a.app.url}/v1/contacts/import`, { method: 'POST', headers: { authorization: `Bearer ${a.token}`, 'content-type': 'text/csv' }, body: 'phone,name\n+5511950000002,Importada' });
  ids.contactImport = ((await imported.json()) as { id: string }).id;
  const campaign = await call('POST', '/v1/campaigns', { name: 'A', channelId: a.channelId, template: { name: 'promo', language: 'pt_BR', parameters: {} }, audience: { tags: ['ninguem'] } });
  ids.campaign = campaign.body.id;
  ids.contactFilter = (await call('POST', '/v1/contact-filters', { name: 'VIP', tags: ['vip'] })).body.id;
  if (!ids.campaign) throw new Error(`campaign: ${campaign.status} ${JSON.stringify(campaign.body)}`);
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
      const first = r.path.split('/')[2]!;
      const path = concretePath(r.path, (param) => {
        const id = ids[ID_FOR[param] ?? ID_FOR[`${param}@${first}`] ?? ''];
        if (!id) throw new Error(`no id of workspace A for :${param} in ${r.path}: add it to ID_FOR`);
        return id;
      });
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
