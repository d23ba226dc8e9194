// The OpenAPI document: valid OpenAPI 3.1, served at /v1/openapi.json, and complete — every route
// under /v1 registered on the real app (http/route-table.ts), and every provider webhook, appears in it
// with its method, so a new route cannot be left out. What it says about bodies, headers and answers
// holds: every route says what it answers (no untyped object), and the real answers of the running app
// (their media type, headers and body) are checked against it, route by route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020';
import { api, type TestApp } from '../../test/harness';
import * as E from '../../test/fakes/evolution-payloads';
import { phoneNumberIdFor } from '../../test/fakes/fake-whatsapp';
import { envelope, imageMessage, messageValue, metaJson, signMeta, textMessage } from '../../test/fakes/whatsapp-payloads';
import { edge, flow, keywordTrigger, node } from '../../test/flow-docs';
import { APP_SECRET, eventually, startPipeline, type Pipeline } from '../../test/pipeline';
import { startReceiver } from '../../test/webhook-receiver';
import { providerWebhooks } from '../channels';
import { ACCESS_LEVELS } from '../http/access';
import { listRoutes } from '../http/route-table';
import { WEBHOOK_EVENT_TYPES } from '../webhooks/webhook-events';
import { openApiPath } from './describe';

/** The address this server is reached at, behind its proxy (a trailing slash as operators often write it). */
const PUBLIC_URL = 'https://zyntra.doceria.example';

let p: Pipeline;
let app: TestApp;
let db: pg.Client;
let hooks: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  // Outbound webhooks are delivered to a receiver on the loopback, which an endpoint may name only when allow-listed.
  p = await startPipeline({ OUTBOUND_ALLOW_HOSTS: '127.0.0.1', PUBLIC_URL: `${PUBLIC_URL}/` });
  app = p.app;
  db = new pg.Client({ connectionString: app.config.DATABASE_URL });
  await db.connect();
  // Hears every event the calls below cause, each held to what the document's `webhooks` says of it.
  hooks = await startReceiver();
  const endpoint = await api(app, 'POST', '/v1/webhook-endpoints', { url: hooks.url('/all'), events: WEBHOOK_EVENT_TYPES }, p.token);
  expect(endpoint.status).toBe(201);
  doc = (await api(app, 'GET', '/v1/openapi.json')).body;
});
afterAll(async () => {
  await db?.end();
  await p?.close();
  await hooks?.close();
});

/** The generated document and the answers, read as JSON. */
type Json = any;
// As served: the roles each route admits are read from the running app's routers.
let doc: Json;
const operation = (method: string, path: string) => doc.paths[path]?.[method];

const ajv = new Ajv2020({ strict: false, allErrors: true })
  .addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i)
  .addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);

type Answer = { status: number; body: unknown; headers?: Headers };

/** Every `method path` (as documented) whose real answer was held to the document in this file. */
const checked = new Set<string>();

/**
 * A real answer against what the document says of it: its media type (JSON when no headers are given),
 * the headers it requires, and the body against its schema. The errors, or [].
 */
function mismatches(method: string, path: string, res: Answer) {
  checked.add(`${method} ${path}`);
  const documented = operation(method, path)?.responses[res.status];
  if (!documented) return [`no documented ${res.status} answer for ${method} ${path}: ${JSON.stringify(res.body).slice(0, 300)}`];
  const type = res.headers?.get('content-type')?.split(';')[0]!.trim() ?? 'application/json';
  const schema = documented.content?.[type]?.schema;
  if (!schema) return [`${method} ${path} answered ${type}; documented: ${Object.keys(documented.content ?? {}).join(', ') || 'no content'}`];
  const missing = Object.entries<Json>(documented.headers ?? {}).filter(([name, h]) => h.required && !res.headers?.has(name)).map(([name]) => `no ${name} header`);
  const validate = ajv.compile({ ...schema, components: doc.components });
  return [...missing, ...(validate(res.body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`))];
}

/**
 * A real call read as a client reads it: JSON when the answer says it is, else its text exactly as
 * sent (a byte order mark kept). A string body is sent as it is (a provider's signed bytes).
 */
async function call(method: string, path: string, body?: unknown, token: string | null = p.token, headers: Record<string, string> = {}) {
  const res = await fetch(app.url + path, {
    method: method.toUpperCase(),
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
  const json = (res.headers.get('content-type') ?? '').startsWith('application/json');
  return { status: res.status, headers: res.headers, body: (json && text ? JSON.parse(text) : text) as Json };
}

/** A real call whose answer must match what the document says of it; `route` is the path as documented. */
async function check(method: string, path: string, body?: unknown, route = path, token: string | null = p.token) {
  const res = await call(method, path, body, token);
  expect(mismatches(method, route, res), `${method} ${route} answered ${res.status}`).toEqual([]);
  return res.body;
}

/** A success answer that says nothing: any object (describe.ts's fallback when a route gives no response schema). */
const untyped = (schema: Json) =>
  schema?.type === 'object' && !Object.keys(schema.properties ?? {}).length && schema.additionalProperties !== false
  && !schema.anyOf && !schema.oneOf && !schema.allOf && !schema.$ref;

/**
 * Routes allowed to answer an untyped object. None: every answer, downloads and provider webhooks
 * included, can be described, and a new route must say what it answers.
 */
const UNTYPED: string[] = [];

/**
 * Routes with a documented answer that this file does not call for real. None: a route that answers
 * something has that answer checked against its schema below (204 routes answer no content to check).
 */
const NOT_CALLED: string[] = [];

describe('OpenAPI document', () => {
  it('when validated against the OpenAPI 3.1 schema, then it has no errors', async () => {
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('when the express routers are walked, then every /v1 route is in the document and the document names no route that does not exist', async () => {
    const served = new Set(listRoutes(app.app!).filter((r) => r.path.startsWith('/v1/')).map((r) => `${r.method} ${openApiPath(r.path)}`));
    // Provider webhooks are answered before express, by the handlers providerWebhooks() mounts.
    for (const [provider, handler] of Object.entries(providerWebhooks({} as never))) {
      for (const method of handler.get ? ['GET', 'POST'] : ['POST']) served.add(`${method} /v1/webhooks/${provider}/{channelId}`);
    }
    const documented = new Set(Object.entries(doc.paths ?? {}).flatMap(([path, item]) => Object.keys(item as object).map((m) => `${m.toUpperCase()} ${path}`)));
    expect(served.size).toBeGreaterThan(60);
    expect([...served].filter((r) => !documented.has(r)), 'routes missing from the OpenAPI document').toEqual([]);
    expect([...documented].filter((r) => !served.has(r)), 'documented routes that do not exist').toEqual([]);
  });

  it('when fetched without signing in, then GET /v1/openapi.json answers the document with the webhook endpoints and their zod-derived bodies', async () => {
    const res = await api(app, 'GET', '/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const create = res.body.paths['/v1/webhook-endpoints'].post;
    const schema = create.requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(['url', 'events']);
    expect(schema.properties.events.items.enum).toContain('conversation.transferred');
    expect(res.body.paths['/v1/webhook-endpoints/{id}/deliveries'].get.parameters[0]).toMatchObject({ name: 'id', in: 'path', required: true });
    expect(res.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    // The web-chat visitor's routes take the visitor's own token, named apart from members' tokens and API keys.
    expect(res.body.components.securitySchemes.visitor).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const [method, path] of [['post', '/v1/webchat/{channelId}/messages'], ['post', '/v1/webchat/{channelId}/typing'], ['get', '/v1/webchat/{channelId}/messages']] as const) {
      expect(res.body.paths[path][method].security, `${method} ${path}`).toEqual([{ visitor: [] }]);
    }
    expect(res.body.paths['/v1/webchat/{channelId}/sessions'].post.security).toEqual([]);
    expect(res.body.paths['/v1/conversations'].get.security).toEqual([{ bearer: [] }]);
  });

  it("when a client reads where to send its calls, then `servers` is the configured PUBLIC_URL, the base of a channel's webhookUrl", async () => {
    expect(doc.servers).toEqual([{ url: PUBLIC_URL, description: expect.stringContaining('PUBLIC_URL') }]);
    const channel = (await call('GET', '/v1/channels')).body.items[0];
    expect(channel.webhookUrl).toBe(`${PUBLIC_URL}/v1/webhooks/whatsapp/${channel.id}`);
  });

  it('when an integrator picks an API key\'s role, then each signed-in operation of the served document lists the roles its route admits, and the 401, 403 and 429 it can answer', async () => {
    const served = (await api(app, 'GET', '/v1/openapi.json')).body;
    const declared = new Map(listRoutes(app.app!).map((r) => [`${r.method.toLowerCase()} ${openApiPath(r.path)}`, r.access]));
    const wrong: string[] = [];
    for (const [path, item] of Object.entries<Json>(served.paths)) {
      for (const [method, op] of Object.entries<Json>(item)) {
        const signedIn = op.security.length > 0 && op.security[0].bearer !== undefined;
        const access = declared.get(`${method} ${path}`);
        const roles = signedIn && access ? ACCESS_LEVELS[access] : undefined;
        if (JSON.stringify(op['x-roles']) !== JSON.stringify(roles ?? undefined)) wrong.push(`${method} ${path}: ${JSON.stringify(op['x-roles'])} ≠ ${access}`);
        if (!signedIn) continue;
        if (!op.description?.startsWith(`Roles: ${roles!.join(', ')} `)) wrong.push(`${method} ${path}: description ${op.description}`);
        if (!op.responses['401'] || !op.responses['429'] || Boolean(op.responses['403']) !== roles!.length < 4) wrong.push(`${method} ${path}: refusals ${Object.keys(op.responses)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(served.paths['/v1/webhook-endpoints'].post['x-roles']).toEqual(['owner', 'admin']);
    expect(served.paths['/v1/audit-log'].get['x-roles']).toEqual(['owner']);
    expect(served.paths['/v1/conversations/{id}/messages'].post['x-roles']).toEqual(['owner', 'admin', 'agent']);
    expect(served.paths['/v1/me'].get.responses['403']).toBeUndefined();
    expect(served.paths['/v1/webchat/{channelId}/sessions'].post['x-roles']).toBeUndefined();
    expect(served.info.description).toMatch(/Content-Type: application\/json/);
    expect(served.info.description).toMatch(/429 `rate_limited`, with a `Retry-After` header/);
    // What the document says holds: an agent's key is refused where agent is not listed, in the documented shape.
    const key = await api(app, 'POST', '/v1/api-keys', { name: 'Helpdesk', role: 'agent' }, p.token);
    const refused = await call('get', '/v1/webhook-endpoints', undefined, key.body.key);
    expect(refused.status).toBe(403);
    expect(mismatches('get', '/v1/webhook-endpoints', refused)).toEqual([]);
    const unknown = await call('get', '/v1/conversations', undefined, 'zk_not-a-key');
    expect(unknown.status).toBe(401);
    expect(mismatches('get', '/v1/conversations', unknown)).toEqual([]);
  });

  it('when a route refuses a missing body, then its body is required; when it reads a missing body as empty, it is not', () => {
    expect(operation('post', '/v1/api-keys').requestBody).toMatchObject({ required: true, content: { 'application/json': { schema: { required: ['name', 'role'] } } } });
    expect(operation('post', '/v1/contacts').requestBody).toMatchObject({ required: true, content: { 'application/json': { schema: { required: ['phone'] } } } });
    expect(operation('post', '/v1/auth/login').requestBody.required).toBe(true);
    for (const [method, path] of [['post', '/v1/flows/{id}/publish'], ['post', '/v1/conversations/{id}/handback'], ['post', '/v1/webhook-endpoints/{id}/rotate-secret']]) {
      expect(operation(method!, path!).requestBody.required, `${method} ${path}`).toBe(false);
    }
  });

  it('when the contacts import is read, then it takes a required text/csv body with its rules and an optional channelId', () => {
    const op = operation('post', '/v1/contacts/import');
    expect(op.requestBody.required).toBe(true);
    expect(Object.keys(op.requestBody.content)).toEqual(['text/csv']);
    const csv = op.requestBody.content['text/csv'].schema;
    expect(csv.type).toBe('string');
    expect(csv.description).toMatch(/`phone` is required/);
    expect(csv.description).toMatch(/10 MB/);
    expect(op.parameters).toContainEqual(expect.objectContaining({ name: 'channelId', in: 'query', required: false }));
    expect(operation('post', '/v1/media').requestBody.content['multipart/form-data'].schema.required).toEqual(['file']);
  });

  it('when a reply is read, then it has the optional Idempotency-Key header with its rule; assign says one of its two fields is needed; a note names whom it mentions', () => {
    const header = operation('post', '/v1/conversations/{id}/messages').parameters.find((x: Json) => x.in === 'header');
    expect(header).toMatchObject({ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,200}$' } });
    const assign = operation('post', '/v1/conversations/{id}/assign').requestBody.content['application/json'].schema;
    expect(assign.anyOf).toEqual([{ required: ['assigneeId'] }, { required: ['teamId'] }]);
    expect(ajv.validate(assign, {})).toBe(false);
    expect(ajv.validate(assign, { teamId: '6f1c9c4e-8a39-4d0b-9a59-0b7e3c2f1a10' })).toBe(true);
    const note = operation('post', '/v1/conversations/{id}/notes').requestBody.content['application/json'].schema;
    expect(note.required).toEqual(['text']);
    expect(note.properties.mentions).toMatchObject({ type: 'array', maxItems: 20, items: { format: 'uuid' } });
    expect(ajv.validate(note, { text: '@Bruno', mentions: ['6f1c9c4e-8a39-4d0b-9a59-0b7e3c2f1a10'] })).toBe(true);
    expect(ajv.validate(note, { text: '@Bruno', mentions: ['bruno'] })).toBe(false);
  });

  it('when every route is read, then each says what it answers: no success answer is an untyped object', () => {
    const routes = Object.entries<Json>(doc.paths).flatMap(([path, item]) => Object.entries<Json>(item).map(([method, op]) => ({ route: `${method} ${path}`, op })));
    const described = routes.filter(({ op }) => {
      const [status, success] = Object.entries<Json>(op.responses).find(([s]) => s.startsWith('2'))!;
      if (status === '204') return success.content === undefined;
      const contents = Object.values<Json>(success.content ?? {});
      return contents.length > 0 && contents.every((c) => !untyped(c.schema));
    });
    expect(routes.length).toBeGreaterThan(130);
    expect(routes.filter((r) => !described.includes(r)).map((r) => r.route)).toEqual(UNTYPED);
    // The check bites: describe.ts's fallback for a route without a response schema is untyped; an exact `{}` is not.
    expect(untyped({ type: 'object', properties: {}, additionalProperties: {} })).toBe(true);
    expect(untyped({ type: 'object', properties: {}, additionalProperties: false })).toBe(false);
  });

  it('when the most used routes answer for real, then each answer matches its documented response schema', async () => {
    const token = p.token;
    const email = `openapi${Date.now()}@example.com`;
    const signup = await api(app, 'POST', '/v1/auth/signup', { workspaceName: 'Doc', name: 'Bia', email, password: 'senha-forte-123' });
    expect(mismatches('post', '/v1/auth/signup', signup)).toEqual([]);
    expect(mismatches('post', '/v1/auth/login', await api(app, 'POST', '/v1/auth/login', { email, password: 'senha-forte-123' }))).toEqual([]);
    const me = await check('get', '/v1/me');
    // The check bites: a role the document does not list, or a missing field, is caught.
    expect(mismatches('get', '/v1/me', { status: 200, body: { ...me, role: 'boss' } })).not.toEqual([]);
    expect(mismatches('get', '/v1/me', { status: 200, body: { ...me, workspaces: undefined } })).not.toEqual([]);
    await check('post', '/v1/api-keys', { name: 'ERP', role: 'agent' });
    await check('get', '/v1/api-keys');
    await check('get', '/v1/channels');

    const { flowId } = await p.publish(flow([keywordTrigger('oi'), node('hi', 'message', { text: 'Olá!' })], [edge('start', 'next', 'hi')]), 'Oi');
    await check('get', `/v1/flows/${flowId}`, undefined, '/v1/flows/{id}');
    expect((await check('post', `/v1/flows/${flowId}/publish`, {}, '/v1/flows/{id}/publish')).unchanged).toBe(true);

    await p.wa.inbound({ waId: '5511977776666', name: 'Rita' }, textMessage('oi'));
    const list = await eventually(async () => {
      const res = await api(app, 'GET', '/v1/conversations', undefined, token);
      return res.body.items?.[0]?.lastMessage?.author === 'bot' ? res : undefined;
    });
    expect(mismatches('get', '/v1/conversations', list)).toEqual([]);
    const conversation = list.body.items[0];
    await check('get', `/v1/conversations/${conversation.id}`, undefined, '/v1/conversations/{id}');
    await check('get', `/v1/conversations/${conversation.id}/messages`, undefined, '/v1/conversations/{id}/messages');
    const reply = await fetch(`${app.url}/v1/conversations/${conversation.id}/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': 'doc-key-1' }, body: JSON.stringify({ text: 'Oi, Rita' }),
    });
    expect(mismatches('post', '/v1/conversations/{id}/messages', { status: reply.status, body: await reply.json() })).toEqual([]);
    await check('get', '/v1/events?after=0', undefined, '/v1/events');

    const contacts = await check('get', '/v1/contacts');
    await check('get', '/v1/contacts/tags');
    await check('get', '/v1/contacts/attributes');
    await check('get', `/v1/contacts/${conversation.contact.id}`, undefined, '/v1/contacts/{id}');
    expect(contacts.items.length).toBeGreaterThan(0);
    const added = await check('post', '/v1/contacts', { phone: '(11) 95555-3333', name: 'Dora', tags: ['site'], attributes: { origem: 'formulario' } });
    expect(added).toMatchObject({ phone: '+5511955553333', channelId: p.channelId });
    const upload = await fetch(`${app.url}/v1/contacts/import`, {
      method: 'POST', headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` }, body: 'phone,name,tags,cidade\n+5511955554444,Caio,vip;novo,Recife\nnot a phone,,,\n',
    });
    const imported = { status: upload.status, body: (await upload.json()) as Json };
    expect(mismatches('post', '/v1/contacts/import', imported)).toEqual([]);
    const report = await eventually(async () => {
      const res = await api(app, 'GET', `/v1/contacts/imports/${imported.body.id}`, undefined, token);
      return res.body.status === 'completed' ? res : undefined;
    });
    expect(report.body.errors).toHaveLength(1);
    expect(mismatches('get', '/v1/contacts/imports/{importId}', report)).toEqual([]);
    await check('get', '/v1/contacts/attributes/usage');
    expect(await check('post', '/v1/contacts/attributes/rename', { from: 'cidade', to: 'Cidade' })).toMatchObject({ to: 'Cidade', contacts: 1 });
    expect(await check('delete', '/v1/contacts/attributes/origem', undefined, '/v1/contacts/attributes/{name}')).toEqual({ name: 'origem', contacts: 1 });

    const campaign = await check('post', '/v1/campaigns', {
      name: 'Doc', channelId: p.channelId, audience: { tags: ['vip'] }, window: { start: '00:00', end: '24:00' },
      template: { name: 'promo', language: 'pt_BR', parameters: { body: ['{{contact.name}}'] } },
    });
    expect((await api(app, 'POST', `/v1/campaigns/${campaign.id}/start`, undefined, token)).status).toBe(200);
    await check('get', `/v1/campaigns/${campaign.id}`, undefined, '/v1/campaigns/{id}');
    expect((await check('get', `/v1/campaigns/${campaign.id}/recipients`, undefined, '/v1/campaigns/{id}/recipients')).items).toHaveLength(1);
  });

  it('when channels and their templates are managed for real, then each answer matches its documented response schema', async () => {
    const web = await check('post', '/v1/channels', { type: 'webchat', name: 'Site', config: {} });
    expect(web.connection).toBeDefined();
    // A rename asks the provider nothing (no `connection`); a settings change does.
    expect((await check('patch', `/v1/channels/${web.id}`, { name: 'Site da loja' }, '/v1/channels/{id}')).connection).toBeUndefined();
    expect((await check('patch', `/v1/channels/${web.id}`, { config: { title: 'Fale conosco' } }, '/v1/channels/{id}')).connection).toBeDefined();
    expect((await check('post', `/v1/channels/${web.id}/disable`, undefined, '/v1/channels/{id}/disable')).status).toBe('disabled');
    await check('post', `/v1/channels/${web.id}/enable`, undefined, '/v1/channels/{id}/enable');
    expect((await check('post', `/v1/channels/${p.channelId}/test`, undefined, '/v1/channels/{id}/test')).connection.ok).toBe(true);
    // A number Graph does not know: created all the same, pending, with the provider's refusal.
    const refused = await check('post', '/v1/channels', {
      type: 'whatsapp_cloud', name: 'Outro', config: { phoneNumberId: 'PN-unknown', businessAccountId: 'WABA-9', accessToken: 'x', appSecret: 'y', verifyToken: 'z' },
    });
    expect(refused).toMatchObject({ status: 'pending', connection: { ok: false } });

    await p.wa.inbound({ waId: '5511944443333' }, { type: 'text', text: {} });
    const rejected = await eventually(async () => {
      const res = await api(app, 'GET', `/v1/channels/${p.channelId}/rejected-events?limit=1`, undefined, p.token);
      return res.body.items?.length ? res : undefined;
    });
    expect(mismatches('get', '/v1/channels/{id}/rejected-events', rejected)).toEqual([]);

    const templates = `/v1/channels/${p.channelId}/templates`;
    await check('post', templates, {
      name: 'doc_pedido', language: 'pt_BR', category: 'UTILITY',
      components: [{ type: 'BODY', text: 'Olá {{1}}, seu pedido saiu.', example: { body_text: [['Ana']] } }, { type: 'FOOTER', text: 'Loja' }],
    }, '/v1/channels/{id}/templates');
    expect(await p.wa.templateApi.review('doc_pedido', 'pt_BR', 'APPROVED')).toBe(200);
    expect((await check('get', templates, undefined, '/v1/channels/{id}/templates')).items.length).toBeGreaterThan(0);
    expect((await check('post', `${templates}/sync`, undefined, '/v1/channels/{id}/templates/sync')).items.length).toBeGreaterThan(0);
    const approved = await check('get', `/v1/channels/${p.channelId}/approved-templates`, undefined, '/v1/channels/{id}/approved-templates');
    expect(approved.items.map((t: Json) => t.name)).toContain('doc_pedido');
    // Rejected by Meta, it is corrected: back in review with the new text.
    expect(await p.wa.templateApi.review('doc_pedido', 'pt_BR', 'REJECTED', 'INVALID_FORMAT')).toBe(200);
    const turnedDown = (await api(app, 'GET', templates, undefined, p.token)).body.items.find((t: Json) => t.name === 'doc_pedido');
    const edited = await check('patch', `${templates}/${turnedDown.id}`, {
      components: [{ type: 'BODY', text: 'Olá {{1}}, seu pedido já saiu.', example: { body_text: [['Ana']] } }],
    }, '/v1/channels/{id}/templates/{templateId}');
    expect(edited.status).toBe('PENDING');
  });

  it('when flows are built and a conversation is handled for real, then each answer matches its documented response schema', async () => {
    const named = { ...node('hi', 'message', { text: 'Oi, aqui é a loja' }), name: 'Saudação' };
    const doc1 = flow([keywordTrigger('docs'), named], [edge('start', 'next', 'hi')]);
    const draft = await check('post', '/v1/flows', { name: 'Docs' });
    await check('put', `/v1/flows/${draft.id}`, { document: doc1 }, '/v1/flows/{id}');
    await check('patch', `/v1/flows/${draft.id}`, { name: 'Docs de boas-vindas' }, '/v1/flows/{id}');
    await check('post', `/v1/flows/${draft.id}/duplicate`, undefined, '/v1/flows/{id}/duplicate');
    await check('post', '/v1/flows/import', { name: 'Importado', document: doc1 });
    const withTemplate = flow([keywordTrigger('docs'), node('tpl', 'send_template', { name: 'doc_sumido', language: 'pt_BR' })], [edge('start', 'next', 'tpl')]);
    const asked = await check('post', `/v1/flows/${draft.id}/template-problems`, { document: withTemplate }, '/v1/flows/{id}/template-problems');
    expect(asked.problems.map((x: Json) => x.code)).toEqual(['template_missing']);
    const { version } = await check('post', `/v1/flows/${draft.id}/publish`, {}, '/v1/flows/{id}/publish');
    const versions = await check('get', `/v1/flows/${draft.id}/versions`, undefined, '/v1/flows/{id}/versions');
    expect(versions.items[0].id).toBe(version.id);
    await check('get', `/v1/flows/${draft.id}/versions/${version.id}`, undefined, '/v1/flows/{id}/versions/{versionId}');
    await check('post', `/v1/flows/${draft.id}/versions/${version.id}/restore`, {}, '/v1/flows/{id}/versions/{versionId}/restore');
    expect((await check('get', '/v1/flows')).items.length).toBeGreaterThan(2);

    await p.wa.inbound({ waId: '5511933332222', name: 'Davi' }, textMessage('docs'));
    const runlog = await eventually(async () => {
      const list = await api(app, 'GET', '/v1/conversations?limit=50', undefined, p.token);
      const mine = list.body.items?.find((c: Json) => c.contact.phone?.endsWith('5511933332222'));
      if (!mine) return undefined;
      const res = await api(app, 'GET', `/v1/conversations/${mine.id}/runlog`, undefined, p.token);
      return res.body.items?.some((i: Json) => i.nodeId === 'hi') ? { ...res, id: mine.id as string } : undefined;
    });
    expect(mismatches('get', '/v1/conversations/{id}/runlog', runlog)).toEqual([]);
    expect(runlog.body.items.find((i: Json) => i.nodeId === 'hi').nodeName).toBe('Saudação');
    const analytics = await check('get', `/v1/flows/${draft.id}/analytics?days=1`, undefined, '/v1/flows/{id}/analytics');
    expect(analytics.nodes.hi.reached).toBe(1);

    const id = runlog.id;
    const c = (action: string, body?: unknown) => check('post', `/v1/conversations/${id}/${action}`, body, `/v1/conversations/{id}/${action}`);
    await check('get', `/v1/conversations/${id}/session`, undefined, '/v1/conversations/{id}/session');
    await check('get', '/v1/conversations/counts');
    expect((await check('get', `/v1/conversations/${id}/handback-flows`, undefined, '/v1/conversations/{id}/handback-flows')).items.length).toBeGreaterThan(0);
    await check('get', `/v1/conversations/${id}/templates`, undefined, '/v1/conversations/{id}/templates');
    const me = await check('get', '/v1/me');
    expect(await c('assign', { assigneeId: me.user.id })).toMatchObject({ status: 'human', assigneeId: me.user.id });
    expect(await c('handback', {})).toMatchObject({ status: 'bot', assigneeId: null, flowId: null });
    expect(await c('close')).toMatchObject({ status: 'closed' });
    expect(await c('reopen')).toMatchObject({ status: 'human', assigneeId: me.user.id });
    const until = new Date(Date.now() + 3_600_000).toISOString();
    expect(await c('snooze', { until })).toMatchObject({ status: 'human', snoozedUntil: until });
    expect(await c('unsnooze')).toMatchObject({ status: 'human', snoozedUntil: null });
    const activity = await check('get', `/v1/conversations/${id}/activity`, undefined, '/v1/conversations/{id}/activity');
    expect(activity.items.map((i: Json) => i.type)).toEqual(['assigned', 'handed_back', 'closed', 'reopened', 'snoozed', 'unsnoozed']);
  });

  it('when the workspace is organised and campaigns are moved for real, then each answer matches its documented response schema', async () => {
    const me = await check('get', '/v1/me');
    const team = await check('post', '/v1/teams', { name: 'Docs', memberIds: [me.user.id] });
    await check('get', '/v1/teams');
    await check('get', `/v1/teams/${team.id}`, undefined, '/v1/teams/{id}');
    await check('patch', `/v1/teams/${team.id}`, { name: 'Docs e suporte' }, '/v1/teams/{id}');
    const canned = await check('post', '/v1/canned-responses', { shortcut: 'docs', text: 'Olá {{contact.name}}!' });
    expect((await check('get', '/v1/canned-responses?q=docs', undefined, '/v1/canned-responses')).items).toHaveLength(1);
    await check('get', `/v1/canned-responses/${canned.id}`, undefined, '/v1/canned-responses/{id}');
    await check('patch', `/v1/canned-responses/${canned.id}`, { text: 'Oi!' }, '/v1/canned-responses/{id}');
    const filter = await check('post', '/v1/contact-filters', { name: 'VIP', tags: ['vip'] });
    await check('get', '/v1/contact-filters');

    await check('get', '/v1/members');
    await check('patch', `/v1/members/${me.user.id}`, { role: 'owner' }, '/v1/members/{userId}');
    await check('put', '/v1/me/presence', { status: 'away' });
    await check('get', '/v1/me/presence');
    await check('post', '/v1/invitations', { email: `convite${Date.now()}@example.com`, role: 'agent' });
    expect((await check('get', '/v1/invitations')).items.length).toBeGreaterThan(0);

    const draft = {
      name: 'Docs', channelId: p.channelId, audience: { filterId: filter.id }, window: { start: '00:00', end: '24:00' },
      template: { name: 'promo', language: 'pt_BR', parameters: { body: ['{{contact.name}}'] } },
    };
    await check('post', '/v1/campaigns/audience', { channelId: p.channelId, audience: draft.audience, template: draft.template });
    const started = await check('post', '/v1/campaigns', draft);
    await check('get', `/v1/campaigns/${started.id}/audience`, undefined, '/v1/campaigns/{id}/audience');
    await check('post', `/v1/campaigns/${started.id}/start`, undefined, '/v1/campaigns/{id}/start');
    // A scheduled campaign waits: pausing and resuming it answer without a race with the sender.
    const later = await check('post', '/v1/campaigns', { ...draft, scheduledAt: new Date(Date.now() + 86_400_000).toISOString() });
    expect(later.status).toBe('scheduled');
    expect(await check('post', `/v1/campaigns/${later.id}/pause`, undefined, '/v1/campaigns/{id}/pause')).toEqual({ id: later.id, status: 'paused' });
    await check('post', `/v1/campaigns/${later.id}/resume`, undefined, '/v1/campaigns/{id}/resume');
    const dropped = await check('post', '/v1/campaigns', draft);
    expect(await check('post', `/v1/campaigns/${dropped.id}/cancel`, undefined, '/v1/campaigns/{id}/cancel')).toEqual({ id: dropped.id, status: 'cancelled' });
    expect((await check('get', '/v1/campaigns')).items.length).toBeGreaterThanOrEqual(3);

    await check('get', '/v1/notices');
    expect((await check('get', '/v1/audit-log?limit=5', undefined, '/v1/audit-log')).items).toHaveLength(5);
  });

  it('when a person signs up, refreshes, asks for a password reset, joins a second workspace and switches back for real, then each answer matches its documented response schema', async () => {
    const email = `convidada${Date.now()}@example.com`;
    const password = 'senha-forte-123';
    const own = await check('post', '/v1/auth/signup', { workspaceName: 'Ateliê', name: 'Bia', email, password }, undefined, null);
    const refreshed = await check('post', '/v1/auth/refresh', { refreshToken: own.refreshToken }, undefined, null);
    expect(refreshed.refreshToken).not.toBe(own.refreshToken);
    expect(await check('post', '/v1/auth/password-reset', { email }, undefined, null)).toEqual({ sendsEmail: false });
    // The check bites: the reset answers nothing else, whatever the email.
    expect(mismatches('post', '/v1/auth/password-reset', { status: 202, body: { sent: true } })).not.toEqual([]);

    const invitation = await check('post', '/v1/invitations', { email, role: 'agent' });
    const token = new URL(invitation.url).searchParams.get('token');
    const preview = await check('post', '/v1/auth/invitation-preview', { token }, undefined, null);
    expect(preview).toMatchObject({ email, role: 'agent', invitedBy: { name: expect.any(String) } });
    const joined = await check('post', '/v1/auth/accept-invitation', { token, name: 'Bia', password }, undefined, null);
    expect(joined).toMatchObject({ workspace: { id: p.tenantId }, role: 'agent' });
    const back = await check('post', '/v1/auth/switch', { workspaceId: own.workspace.id }, undefined, joined.token);
    expect(back).toMatchObject({ workspace: { id: own.workspace.id, name: 'Ateliê' }, role: 'owner' });
    expect(await check('patch', '/v1/settings/workspace', { name: 'Ateliê da Bia' }, undefined, back.token)).toEqual({ id: own.workspace.id, name: 'Ateliê da Bia' });
    expect(await check('patch', '/v1/me', { name: 'Bia Souza' }, undefined, back.token)).toEqual({ user: { id: own.user.id, email, name: 'Bia Souza' } });
  });

  it('when the inbox and AI settings, first steps, failures and report are read and changed for real, then each answer matches its documented response schema', async () => {
    const inbox = await check('get', '/v1/settings/inbox');
    expect(await check('put', '/v1/settings/inbox', { maxOpenPerAgent: 7 })).toEqual({ ...inbox, maxOpenPerAgent: 7 });
    expect((await check('get', '/v1/settings/ai')).source).toBe('server');
    expect(await check('get', '/v1/settings/ai/status')).toEqual({ hasAiProvider: true });
    expect(await check('put', '/v1/settings/ai', { baseUrl: 'https://llm.example.com/v1', model: 'docs-1', apiKey: 'sk-docs' }))
      .toEqual({ source: 'workspace', baseUrl: 'https://llm.example.com/v1', model: 'docs-1', hasApiKey: true });
    expect((await check('put', '/v1/settings/ai', { baseUrl: null })).source).toBe('server');
    expect((await check('get', '/v1/getting-started')).steps).toMatchObject({ channel: true, flow: true });

    // A bot reply the provider refuses for good, and an inbound event already handled, set aside: each listed, each retried.
    await p.publish(flow([keywordTrigger('falha'), node('hi', 'message', { text: 'Não chega' })], [edge('start', 'next', 'hi')]), 'Falha');
    p.wa.failFor('5511922221111', 131026);
    await p.wa.inbound({ waId: '5511922221111', name: 'Gil' }, textMessage('falha'));
    await eventually(async () => (await call('get', '/v1/operations/failures')).body.messages?.length > 0);
    const { rows: [event] } = await db.query(
      `UPDATE inbound_events SET status = 'failed', error = 'handler_failed: docs'
       WHERE id = (SELECT max(id) FROM inbound_events WHERE tenant_id = $1 AND status = 'processed') RETURNING id`, [p.tenantId]);
    const failures = await check('get', '/v1/operations/failures');
    expect(failures.events.map((e: Json) => e.id)).toEqual([String(event.id)]);
    expect(await check('post', `/v1/operations/failures/events/${event.id}/retry`, undefined, '/v1/operations/failures/events/{id}/retry')).toEqual({ retried: true });
    await check('post', `/v1/operations/failures/messages/${failures.messages[0].id}/retry`, undefined, '/v1/operations/failures/messages/{id}/retry');
    // Both already retried: "retry all" finds no event (the reply may have failed again by now: the number still refuses).
    expect(await check('post', '/v1/operations/failures/retry-all', {})).toMatchObject({ events: 0 });

    // That chat handed to a team and answered: the report has a row for the agent and one for the team.
    const me = await check('get', '/v1/me');
    const team = await check('post', '/v1/teams', { name: 'Relatório', memberIds: [me.user.id] });
    const { rows: [chat] } = await db.query(
      `SELECT c.id FROM conversations c JOIN contacts ct ON ct.id = c.contact_id WHERE c.tenant_id = $1 AND ct.external_id = '5511922221111'`, [p.tenantId]);
    await check('post', `/v1/conversations/${chat.id}/assign`, { assigneeId: me.user.id, teamId: team.id }, '/v1/conversations/{id}/assign');
    expect((await call('post', `/v1/conversations/${chat.id}/messages`, { text: 'Oi, Gil' })).status).toBe(201);
    const report = await check('get', '/v1/reports/response-times');
    // The campaigns this file sent earlier are the last 30 days' report, each counted.
    const sent = await check('get', '/v1/reports/campaigns');
    expect(sent.truncated).toBe(false);
    expect(sent.items.length).toBeGreaterThan(0);
    for (const c of sent.items) expect(c.counts.total).toBeGreaterThan(0);
    expect(report.agents.map((a: Json) => a.userId)).toContain(me.user.id);
    expect(report.teams.map((t: Json) => t.teamId)).toContain(team.id);
    // The chats this file ran through the published flow are the bots report's, its own figures adding up.
    const bots = await check('get', '/v1/reports/bots');
    expect(bots.totals.conversations).toBeGreaterThan(0);
    for (const f of bots.flows) expect(f.botOnly + f.handedToPerson).toBe(f.conversations);
    // The same transfers per day, in a zone's days: each day's parts add up to its total.
    const daily = await check('get', '/v1/reports/transfers/daily?tz=America/Sao_Paulo', undefined, '/v1/reports/transfers/daily');
    expect(daily.days.reduce((n: number, d: Json) => n + d.total, 0)).toBe(report.handoffs.total);
    for (const d of daily.days) expect(d.answered + d.unanswered + d.open).toBe(d.total);
    const csat = await check('get', '/v1/reports/csat');
    expect(csat.totals.great + csat.totals.ok + csat.totals.poor).toBe(csat.totals.answers);
    const csatDaily = await check('get', '/v1/reports/csat/daily?tz=America/Sao_Paulo', undefined, '/v1/reports/csat/daily');
    expect(csatDaily.days.reduce((n: number, d: Json) => n + d.answers, 0)).toBe(csat.totals.answers);
  });

  it('when contacts, flows, a received file and this document are read, downloaded and tried for real, then each answer has its documented media type, headers and shape', async () => {
    expect(await check('get', '/v1/settings/contacts')).toEqual({ defaultCountry: 'BR' });
    await check('put', '/v1/settings/contacts', { defaultCountry: 'PT' });
    await check('put', '/v1/settings/contacts', { defaultCountry: 'BR' });

    p.wa.addMedia('MID-DOCS', Buffer.from('not really a photo'), 'image/jpeg');
    const sent = await p.wa.inbound({ waId: '5511922223333', name: 'Rui' }, imageMessage('MID-DOCS', 'foto'));
    const stored = await eventually(async () => (await db.query(
      `SELECT id, conversation_id FROM messages WHERE provider_message_id = $1 AND payload->'media'->>'status' = 'stored'`, [sent.id])).rows[0]);
    const link = await check('get', `/v1/conversations/${stored.conversation_id}/messages/${stored.id}/media`, undefined, '/v1/conversations/{id}/messages/{messageId}/media');
    expect(link.mimeType).toBe('image/jpeg');

    const { contact } = await check('get', `/v1/conversations/${stored.conversation_id}`, undefined, '/v1/conversations/{id}');
    const data = await check('get', `/v1/contacts/${contact.id}/data`, undefined, '/v1/contacts/{id}/data');
    expect(data.conversations[0].messages.map((m: Json) => m.id)).toContain(stored.id);
    const csv = await check('get', '/v1/contacts/export');
    expect(csv.split('\r\n')[0]).toMatch(/^\uFEFFphone,name,tags,.*opted_out,created_at$/);
    // The checks bite: the same CSV said to be JSON, the file without its byte order mark, a download without its name.
    const exported = await call('get', '/v1/contacts/export');
    const as = (type: string, drop?: string) => {
      const headers = new Headers(exported.headers);
      headers.set('content-type', type);
      if (drop) headers.delete(drop);
      return headers;
    };
    expect(mismatches('get', '/v1/contacts/export', { ...exported, headers: as('application/json') })).not.toEqual([]);
    expect(mismatches('get', '/v1/contacts/export', { ...exported, body: exported.body.slice(1) })).not.toEqual([]);
    expect(mismatches('get', '/v1/contacts/export', { ...exported, headers: as('text/csv', 'content-disposition') })).toEqual(['no Content-Disposition header']);

    expect((await check('get', '/v1/flows/schema.json', undefined, undefined, null)).required).toContain('nodes');
    const { flowId } = await p.publish(flow([keywordTrigger('exporta'), node('hi', 'message', { text: 'Oi' })], [edge('start', 'next', 'hi')]), 'Exporta');
    expect((await check('get', `/v1/flows/${flowId}/export`, undefined, '/v1/flows/{id}/export')).schemaVersion).toBe(1);
    const unfinished = await check('post', '/v1/flows', { name: 'Rascunho', document: { nodes: [{ id: 'x' }] } });
    expect(await check('get', `/v1/flows/${unfinished.id}/export`, undefined, '/v1/flows/{id}/export')).toEqual({ nodes: [{ id: 'x' }] });
    expect((await check('post', `/v1/flows/${flowId}/test`, undefined, '/v1/flows/{id}/test')).visitorToken).toEqual(expect.any(String));
    expect((await check('get', '/v1/openapi.json', undefined, undefined, null)).paths['/v1/openapi.json']).toBeDefined();
  });

  it('when a visitor and a flow tester use the web chat for real, then each answer matches its documented response schema', async () => {
    const web = await check('post', '/v1/channels', { type: 'webchat', name: 'Site', config: { title: 'Fale conosco' } });
    const path = `/v1/webchat/${web.id}`;
    expect(await check('get', `${path}/appearance`, undefined, '/v1/webchat/{channelId}/appearance', null)).toEqual({ language: 'pt-BR', color: '#12b886', title: 'Fale conosco' });
    const visitor = await check('post', `${path}/sessions`, undefined, '/v1/webchat/{channelId}/sessions', null);
    expect(visitor.resumed).toBe(false);
    const resumed = await check('post', `${path}/sessions`, { visitorId: visitor.visitorId, resumeSecret: visitor.resumeSecret }, '/v1/webchat/{channelId}/sessions', null);
    expect(resumed).toMatchObject({ visitorId: visitor.visitorId, resumed: true });
    await p.publish(flow([keywordTrigger('site'), node('hi', 'message', { text: 'Olá, visitante' })], [edge('start', 'next', 'hi')]), 'Site');
    const posted = await check('post', `${path}/messages`, { text: 'site', clientMessageId: 'docs-msg-1' }, '/v1/webchat/{channelId}/messages', visitor.token);
    expect(await check('post', `${path}/messages`, { text: 'site', clientMessageId: 'docs-msg-1' }, '/v1/webchat/{channelId}/messages', visitor.token))
      .toEqual({ id: posted.id, duplicate: true });
    const history = await eventually(async () => {
      const res = await call('get', `${path}/messages`, undefined, visitor.token);
      return res.body.items?.some((m: Json) => m.author === 'bot') ? res : undefined;
    });
    expect(mismatches('get', '/v1/webchat/{channelId}/messages', history)).toEqual([]);

    const draft = await check('post', '/v1/flows', { name: 'Teste', document: flow([keywordTrigger('teste'), node('hi', 'message', { text: 'Oi!' })], [edge('start', 'next', 'hi')]) });
    const run = await check('post', `/v1/flows/${draft.id}/test`, undefined, '/v1/flows/{id}/test');
    await check('post', `/v1/webchat/${run.channelId}/messages`, { text: 'qualquer coisa' }, '/v1/webchat/{channelId}/messages', run.visitorToken);
    const testChat = `/v1/flows/${draft.id}/test/${run.conversationId}`;
    await eventually(async () => (await call('get', `${testChat}/session`)).body.status === 'ended');
    expect((await check('get', `${testChat}/session`, undefined, '/v1/flows/{id}/test/{conversationId}/session')).vars).toEqual({});
    expect((await check('get', `${testChat}/runlog`, undefined, '/v1/flows/{id}/test/{conversationId}/runlog')).items.length).toBeGreaterThan(0);
  });

  it('when the providers call their webhooks for real, then the handshake answers its challenge as text and each payload its counts', async () => {
    const hook = `/v1/webhooks/whatsapp/${p.channelId}`;
    const handshake = await call('get', `${hook}?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444`, undefined, null);
    expect(handshake.body).toBe('1158201444');
    expect(mismatches('get', '/v1/webhooks/whatsapp/{channelId}', handshake)).toEqual([]);
    // The check bites: the challenge answered as JSON is not what Meta is told it gets.
    expect(mismatches('get', '/v1/webhooks/whatsapp/{channelId}', { ...handshake, headers: new Headers({ 'content-type': 'application/json' }) })).not.toEqual([]);

    const raw = metaJson(envelope(phoneNumberIdFor, messageValue({ waId: '5511922224444', name: 'Lia' }, textMessage('olá'))));
    const meta = await call('post', hook, raw, null, { 'x-hub-signature-256': signMeta(raw, APP_SECRET) });
    expect(meta.body).toEqual({ received: 1, stored: 1, rejected: 0 });
    expect(mismatches('post', '/v1/webhooks/whatsapp/{channelId}', meta)).toEqual([]);

    const token = 'zyntra-docs-webhook-token';
    const evolution = await check('post', '/v1/channels', { type: 'evolution', name: 'Evo', config: { baseUrl: 'http://127.0.0.1:1', instance: 'docs', apiKey: 'k', webhookToken: token } });
    const upsert = E.envelope('messages.upsert', 'docs', E.messageRecord({ remoteJid: E.jidOf('5511922225555'), fromMe: false, message: E.text('oi') }));
    const evo = await call('post', `/v1/webhooks/evolution/${evolution.id}`, upsert, null, { 'x-zyntra-token': token });
    expect(evo.body).toEqual({ received: 1, stored: 1, rejected: 0 });
    expect(mismatches('post', '/v1/webhooks/evolution/{channelId}', evo)).toEqual([]);
  });

  it('when a conversation is started, noted, opted out and its contact edited, a file uploaded, a campaign tested and outbound webhooks managed for real, then each answer matches its documented response schema', async () => {
    await p.wa.inbound({ waId: '5511922226666', name: 'Téo' }, textMessage('bom dia'));
    const contact = await eventually(async () => (await call('get', '/v1/contacts?q=5511922226666')).body.items?.[0]);
    await check('get', `/v1/channels/${p.channelId}`, undefined, '/v1/channels/{id}');
    const started = await check('post', '/v1/conversations', { channelId: p.channelId, contactId: contact.id, text: 'Oi, Téo' });
    const id = started.conversationId;
    await check('get', `/v1/conversations/${id}/messages/${started.message.id}`, undefined, '/v1/conversations/{id}/messages/{messageId}');
    const me = await check('get', '/v1/me');
    const note = await check('post', `/v1/conversations/${id}/notes`, { text: '@Ana cliente antigo', mentions: [me.user.id] }, '/v1/conversations/{id}/notes');
    expect(note.mentions).toEqual([me.user.id]);
    await check('post', `/v1/conversations/${id}/opt-out`, undefined, '/v1/conversations/{id}/opt-out');
    await check('patch', `/v1/contacts/${contact.id}`, { tags: ['docs'], optedOut: false }, '/v1/contacts/{id}');
    const form = new FormData();
    form.append('file', new Blob(['nota fiscal'], { type: 'text/plain' }), 'nota.txt');
    const upload = await fetch(`${app.url}/v1/media`, { method: 'POST', headers: { authorization: `Bearer ${p.token}` }, body: form });
    expect(mismatches('post', '/v1/media', { status: upload.status, headers: upload.headers, body: await upload.json() })).toEqual([]);

    p.wa.addTemplate({ name: 'doc_aviso', language: 'pt_BR', status: 'APPROVED', bodyParams: 0, category: 'UTILITY', components: [{ type: 'BODY', text: 'Novidades na loja' }] });
    await check('post', `/v1/channels/${p.channelId}/templates/sync`, undefined, '/v1/channels/{id}/templates/sync');
    const campaign = await check('post', '/v1/campaigns', {
      name: 'Aviso', channelId: p.channelId, audience: { tags: ['docs'] }, template: { name: 'doc_aviso', language: 'pt_BR', parameters: {} },
    });
    const sent = await check('post', `/v1/campaigns/${campaign.id}/test`, { phone: '+5511922226666' }, '/v1/campaigns/{id}/test');
    await check('get', `/v1/campaigns/${campaign.id}/test/${sent.messageId}`, undefined, '/v1/campaigns/{id}/test/{messageId}');

    const receiver = await startReceiver();
    try {
      const base = '/v1/webhook-endpoints';
      const endpoint = await check('post', base, { url: receiver.url(), events: ['message.received'] });
      await check('get', base);
      await check('get', `${base}/${endpoint.id}`, undefined, `${base}/{id}`);
      await check('patch', `${base}/${endpoint.id}`, { description: 'ERP' }, `${base}/{id}`);
      await check('post', `${base}/${endpoint.id}/rotate-secret`, undefined, `${base}/{id}/rotate-secret`);
      await check('post', `${base}/${endpoint.id}/test`, undefined, `${base}/{id}/test`);
      const deliveries = await eventually(async () => {
        const res = await call('get', `${base}/${endpoint.id}/deliveries`);
        return res.body.items?.length ? res : undefined;
      });
      expect(mismatches('get', `${base}/{id}/deliveries`, deliveries)).toEqual([]);
      await check('post', `${base}/${endpoint.id}/deliveries/${deliveries.body.items[0].id}/resend`, undefined, `${base}/{id}/deliveries/{deliveryId}/resend`);
    } finally {
      await receiver.close();
    }
  });

  it("when the calls above caused events, then each delivery is what the document's webhooks say of its type, headers included", async () => {
    expect(Object.keys(doc.webhooks).sort()).toEqual([...WEBHOOK_EVENT_TYPES, 'webhook.test'].sort());
    const expected = ['message.received', 'message.sent', 'message.status', 'conversation.created', 'conversation.assigned', 'conversation.closed', 'contact.created'];
    await eventually(() => expected.every((t) => hooks.received.some((r) => JSON.parse(r.body).type === t)));
    const seen = new Set<string>();
    for (const r of hooks.received.filter((x) => x.path === '/all')) {
      const body = JSON.parse(r.body);
      seen.add(body.type);
      const documented = doc.webhooks[body.type]?.post;
      const validate = ajv.compile({ ...documented.requestBody.content['application/json'].schema, components: doc.components });
      expect(validate(body) ? [] : validate.errors, `${body.type}: ${r.body.slice(0, 300)}`).toEqual([]);
      const headers = documented.parameters.filter((x: Json) => x.in === 'header').map((x: Json) => x.name);
      expect(headers.filter((h: string) => !r.headers[h])).toEqual([]);
    }
    expect([...seen]).toEqual(expect.arrayContaining(expected));
  });

  it('when the calls above are added up, then every route that answers something had its real answer checked against its schema', () => {
    const answering = Object.entries<Json>(doc.paths).flatMap(([path, item]) => Object.entries<Json>(item)
      .filter(([, op]) => Object.entries<Json>(op.responses).some(([status, r]) => status.startsWith('2') && r.content))
      .map(([method]) => `${method} ${path}`));
    expect(answering.filter((r) => !checked.has(r))).toEqual(NOT_CALLED);
  });
});
