// The OpenAPI document: valid OpenAPI 3.1, served at /v1/openapi.json, and complete — every route
// under /v1 registered on the real app (http/route-table.ts), and every provider webhook, appears in it
// with its method, so a new route cannot be left out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { api, startTestApp, type TestApp } from '../../test/harness';
import { providerWebhooks } from '../channels';
import { listRoutes } from '../http/route-table';
import { buildOpenApiDocument } from './document';
import { openApiPath } from './describe';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

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
    const doc = buildOpenApiDocument();
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
});
