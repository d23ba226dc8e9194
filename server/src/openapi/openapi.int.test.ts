// The OpenAPI document: valid OpenAPI 3.1, served at /v1/openapi.json, and complete — every route
// under /v1 registered on the real app (http/route-table.ts), and every provider webhook, appears in it
// with its method, so a new route cannot be left out. What it says about bodies, headers and answers
// holds: real answers of the running app are checked against the documented response schemas.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020';
import { api, type TestApp } from '../../test/harness';
import { textMessage } from '../../test/fakes/whatsapp-payloads';
import { edge, flow, keywordTrigger, node } from '../../test/flow-docs';
import { eventually, startPipeline, type Pipeline } from '../../test/pipeline';
import { providerWebhooks } from '../channels';
import { listRoutes } from '../http/route-table';
import { buildOpenApiDocument } from './document';
import { openApiPath } from './describe';

let p: Pipeline;
let app: TestApp;
beforeAll(async () => {
  p = await startPipeline();
  app = p.app;
});
afterAll(async () => {
  await p?.close();
});

/** The generated document and the answers, read as JSON. */
type Json = any;
const doc: Json = buildOpenApiDocument();
const operation = (method: string, path: string) => doc.paths[path]?.[method];

const ajv = new Ajv2020({ strict: false, allErrors: true })
  .addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i)
  .addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);

/** A real answer against the response schema the document gives for it; the errors, or []. */
function mismatches(method: string, path: string, res: { status: number; body: unknown }) {
  const schema = operation(method, path)?.responses[res.status]?.content?.['application/json']?.schema;
  if (!schema) return [`no documented ${res.status} answer for ${method} ${path}: ${JSON.stringify(res.body).slice(0, 300)}`];
  const validate = ajv.compile({ ...schema, components: doc.components });
  return validate(res.body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
}

describe('OpenAPI document', () => {
  it('when validated against the OpenAPI 3.1 schema, then it has no errors', async () => {
    const result = await new Validator().validate(buildOpenApiDocument() as never);
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
  });

  it('when a route refuses a missing body, then its body is required; when it reads a missing body as empty, it is not', () => {
    expect(operation('post', '/v1/api-keys').requestBody).toMatchObject({ required: true, content: { 'application/json': { schema: { required: ['name', 'role'] } } } });
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

  it('when a reply is read, then it has the optional Idempotency-Key header with its rule; assign says one of its two fields is needed', () => {
    const header = operation('post', '/v1/conversations/{id}/messages').parameters.find((x: Json) => x.in === 'header');
    expect(header).toMatchObject({ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,200}$' } });
    const assign = operation('post', '/v1/conversations/{id}/assign').requestBody.content['application/json'].schema;
    expect(assign.anyOf).toEqual([{ required: ['assigneeId'] }, { required: ['teamId'] }]);
    expect(ajv.validate(assign, {})).toBe(false);
    expect(ajv.validate(assign, { teamId: '6f1c9c4e-8a39-4d0b-9a59-0b7e3c2f1a10' })).toBe(true);
  });

  it('when the routes integrators use most are read, then each documents the fields of its answer', () => {
    const routes = [
      'get /v1/me', 'post /v1/auth/signup', 'post /v1/auth/login', 'get /v1/conversations', 'get /v1/conversations/{id}', 'get /v1/conversations/{id}/messages',
      'post /v1/conversations/{id}/messages', 'get /v1/contacts', 'get /v1/contacts/{id}', 'get /v1/contacts/imports/{importId}', 'post /v1/api-keys',
      'get /v1/api-keys', 'get /v1/events', 'post /v1/campaigns', 'get /v1/campaigns/{id}', 'get /v1/campaigns/{id}/recipients', 'get /v1/flows/{id}',
      'post /v1/flows/{id}/publish', 'get /v1/channels',
    ];
    const undocumented = routes.filter((r) => {
      const [method, path] = r.split(' ');
      const success = Object.entries(operation(method!, path!).responses).find(([status]) => status.startsWith('2'))![1] as Json;
      return Object.keys(success.content['application/json'].schema.properties ?? {}).length === 0;
    });
    expect(undocumented).toEqual([]);
  });

  it('when the most used routes answer for real, then each answer matches its documented response schema', async () => {
    const token = p.token;
    const check = async (method: string, path: string, body?: unknown, route = path) => {
      const res = await api(app, method.toUpperCase(), path, body, token);
      expect(mismatches(method, route, res), `${method} ${route} answered ${res.status}`).toEqual([]);
      return res.body;
    };
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
    await check('get', `/v1/contacts/${conversation.contact.id}`, undefined, '/v1/contacts/{id}');
    expect(contacts.items.length).toBeGreaterThan(0);
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

    const campaign = await check('post', '/v1/campaigns', {
      name: 'Doc', channelId: p.channelId, audience: { tags: ['vip'] }, window: { start: '00:00', end: '24:00' },
      template: { name: 'promo', language: 'pt_BR', parameters: { body: ['{{contact.name}}'] } },
    });
    expect((await api(app, 'POST', `/v1/campaigns/${campaign.id}/start`, undefined, token)).status).toBe(200);
    await check('get', `/v1/campaigns/${campaign.id}`, undefined, '/v1/campaigns/{id}');
    expect((await check('get', `/v1/campaigns/${campaign.id}/recipients`, undefined, '/v1/campaigns/{id}/recipients')).items).toHaveLength(1);
  });
});
