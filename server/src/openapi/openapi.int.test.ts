// The OpenAPI document: valid OpenAPI 3.1, served at /v1/openapi.json, and complete — every express
// route under /v1 appears in it with its method, so a new route cannot be left out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Router } from 'express';
import { Validator } from '@seriousme/openapi-schema-validator';
import { api, startTestApp, testConfig, type TestApp } from '../../test/harness';
import { apiRouters } from '../app/api-server';
import { createPlumbing } from '../app/plumbing';
import { buildOpenApiDocument } from './document';
import { openApiPath } from './describe';

type Layer = { route?: { path: string | string[]; methods: Record<string, boolean> }; handle?: { stack?: Layer[] } };

/** `METHOD /path` of every route the routers answer, nested routers included. */
function routesOf(stack: Layer[]): string[] {
  return stack.flatMap((layer) => {
    if (layer.route) {
      const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
      return paths.flatMap((p) => Object.keys(layer.route!.methods).filter((m) => m !== '_all').map((m) => `${m.toUpperCase()} ${p}`));
    }
    return layer.handle?.stack ? routesOf(layer.handle.stack) : [];
  });
}

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
    const p = createPlumbing(await testConfig({ DATABASE_URL: app.config.DATABASE_URL }));
    try {
      const routers: Router[] = apiRouters(p, { migrated: true }, () => 'http://127.0.0.1');
      const served = new Set(routesOf(routers.flatMap((r) => (r as unknown as { stack: Layer[] }).stack)).filter((r) => r.split(' ')[1]!.startsWith('/v1/')).map((r) => {
        const [method, path] = r.split(' ');
        return `${method} ${openApiPath(path!)}`;
      }));
      const doc = buildOpenApiDocument();
      const documented = new Set(Object.entries(doc.paths ?? {}).flatMap(([path, item]) => Object.keys(item as object).map((m) => `${m.toUpperCase()} ${path}`)));
      expect(served.size).toBeGreaterThan(60);
      expect([...served].filter((r) => !documented.has(r)), 'routes missing from the OpenAPI document').toEqual([]);
      expect([...documented].filter((r) => !served.has(r)), 'documented routes that do not exist').toEqual([]);
    } finally {
      await p.close();
    }
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
