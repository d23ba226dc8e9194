// A draft is tenant input: a 1.4 MB draft with 20,000 edges made PUT and GET take ~5 s each and
// blocked /health for every workspace. Every route that takes a document refuses one over the
// limits at once: 413 over the byte cap, 422 flow_too_large over the node or edge cap.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import knex from 'knex';
import { emptyFlow, FLOW_LIMITS, nodeRegistry, type FlowDocument } from '@zyntra/flows-schema';
import { api, signupWorkspace, startTestApp, type TestApp } from '../../test/harness';

let app: TestApp;
let owner: Awaited<ReturnType<typeof signupWorkspace>>;
beforeAll(async () => {
  app = await startTestApp();
  owner = await signupWorkspace(app, 'Loja Grande');
});
afterAll(() => app?.close());

/** A trigger and a message joined by `edgeCount` edges (duplicates of one handle: a broken but storable draft). */
function draft(opts: { edges?: number; nodes?: number; filler?: number } = {}): FlowDocument {
  const doc = emptyFlow();
  const message = { ...nodeRegistry.message.defaults(), text: 'x'.repeat(opts.filler ?? 1) };
  doc.nodes.push({ id: 'm', type: 'message', position: { x: 0, y: 0 }, config: message });
  for (let i = 2; i < (opts.nodes ?? 2); i++) {
    doc.nodes.push({
      id: `n${i}`,
      type: 'transfer',
      position: { x: i, y: 0 },
      config: nodeRegistry.transfer.defaults(),
    });
  }
  for (let i = 0; i < (opts.edges ?? 1); i++)
    doc.edges.push({ id: `e${i}`, source: 'trigger', sourceHandle: 'next', target: 'm' });
  return doc;
}

const create = (document?: unknown) =>
  api(app, 'POST', '/v1/flows', { name: 'Grande', document }, owner.token);

/** Pings /health until `request` settles; returns the request's result and the slowest ping. */
async function whileHealthPinged<T>(
  request: Promise<T>,
): Promise<{ result: T; slowestPingMs: number; ms: number }> {
  const started = performance.now();
  let done = false;
  let slowestPingMs = 0;
  const pinging = (async () => {
    while (!done) {
      const sent = performance.now();
      const health = await fetch(`${app.url}/health`);
      expect(health.status).toBe(200);
      slowestPingMs = Math.max(slowestPingMs, performance.now() - sent);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  const result = await request.finally(() => {
    done = true;
  });
  await pinging;
  return { result, slowestPingMs, ms: performance.now() - started };
}

describe('flow documents over the limits', () => {
  it('when a 20,000-edge draft is saved, then it is refused with 413 at once and /health keeps answering', async () => {
    const { body: flow } = await create();
    const huge = draft({ edges: 20_000 });
    expect(JSON.stringify(huge).length).toBeGreaterThan(FLOW_LIMITS.maxDocumentBytes);
    const { result, slowestPingMs, ms } = await whileHealthPinged(
      api(app, 'PUT', `/v1/flows/${flow.id}`, { document: huge }, owner.token),
    );
    expect(result.status).toBe(413);
    expect(result.body.error).toMatchObject({
      code: 'payload_too_large',
      maxBytes: FLOW_LIMITS.maxDocumentBytes,
    });
    expect(result.body.error.message).toMatch(/1 MiB/);
    expect(ms).toBeLessThan(2_000);
    expect(slowestPingMs).toBeLessThan(1_000);
    const stored = await api(app, 'GET', `/v1/flows/${flow.id}`, undefined, owner.token);
    expect(stored.body).toMatchObject({ revision: 1, document: emptyFlow() });
  });

  it('when a draft under the byte cap has too many edges or nodes, then PUT answers 422 flow_too_large and keeps the old draft', async () => {
    const { body: flow } = await create();
    const edges = await api(
      app,
      'PUT',
      `/v1/flows/${flow.id}`,
      { document: draft({ edges: FLOW_LIMITS.maxEdges + 1 }) },
      owner.token,
    );
    expect(edges.status).toBe(422);
    expect(edges.body.error).toMatchObject({ code: 'flow_too_large' });
    expect(edges.body.problems.map((p: { code: string }) => p.code)).toEqual(['too_many_edges']);
    expect(edges.body.problems[0].message.en).toBe(
      `This flow has ${FLOW_LIMITS.maxEdges + 1} connections; the limit is ${FLOW_LIMITS.maxEdges}. Split it into smaller flows.`,
    );
    const nodes = await api(
      app,
      'PUT',
      `/v1/flows/${flow.id}`,
      { document: draft({ nodes: FLOW_LIMITS.maxNodes + 1 }) },
      owner.token,
    );
    expect(nodes.status).toBe(422);
    expect(nodes.body.problems.map((p: { code: string }) => p.code)).toEqual(['too_many_nodes']);
    expect((await api(app, 'GET', `/v1/flows/${flow.id}`, undefined, owner.token)).body.revision).toBe(1);
  });

  it('when a flow is created or imported over the limits, then 413 or 422 and nothing is stored', async () => {
    const before = (await api(app, 'GET', '/v1/flows', undefined, owner.token)).body.items.length;
    expect((await create(draft({ edges: FLOW_LIMITS.maxEdges + 1 }))).status).toBe(422);
    expect((await create(draft({ filler: FLOW_LIMITS.maxDocumentBytes }))).status).toBe(413);
    const imported = await api(
      app,
      'POST',
      '/v1/flows/import',
      { name: 'Importado', document: draft({ nodes: FLOW_LIMITS.maxNodes + 1 }) },
      owner.token,
    );
    expect(imported.status).toBe(422);
    expect(imported.body.error.code).toBe('flow_too_large');
    const bigImport = await api(
      app,
      'POST',
      '/v1/flows/import',
      { name: 'Importado', document: draft({ filler: FLOW_LIMITS.maxDocumentBytes }) },
      owner.token,
    );
    expect(bigImport.status).toBe(413);
    expect((await api(app, 'GET', '/v1/flows', undefined, owner.token)).body.items).toHaveLength(before);
  });

  it('when a body is larger than the server reads at all, then 413 too', async () => {
    const { body: flow } = await create();
    const res = await api(
      app,
      'PUT',
      `/v1/flows/${flow.id}`,
      { document: draft({ filler: 3 * FLOW_LIMITS.maxDocumentBytes }) },
      owner.token,
    );
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('when a draft stored before the limits is read or published, then reading is fast and publishing answers 422', async () => {
    const { body: flow } = await create();
    const db = knex({ client: 'pg', connection: app.config.DATABASE_URL });
    try {
      await db('flows')
        .where({ id: flow.id })
        .update({ draft: draft({ edges: 20_000 }) });
    } finally {
      await db.destroy();
    }
    const { result: read, ms } = await whileHealthPinged(
      api(app, 'GET', `/v1/flows/${flow.id}`, undefined, owner.token),
    );
    expect(read.status).toBe(200);
    expect(read.body.problems.map((p: { code: string }) => p.code)).toEqual(['too_many_edges']);
    expect(ms).toBeLessThan(2_000);
    const published = await api(app, 'POST', `/v1/flows/${flow.id}/publish`, undefined, owner.token);
    expect(published.status).toBe(422);
    expect(published.body.error.code).toBe('flow_too_large');
  });
});

describe('test runs of drafts over the limits', () => {
  it('when a draft with more regexes than the limit is test-run, then 422 flow_too_large and nothing runs', async () => {
    const doc = draft();
    const branches = Array.from({ length: FLOW_LIMITS.maxRegexes + 10 }, (_, i) => ({
      id: `b${i}`,
      label: '',
      combinator: 'all' as const,
      rules: [{ left: 'last_reply', op: 'regex' as const, right: `^pedido ${i}$` }],
    }));
    doc.nodes.push({ id: 'check', type: 'condition', position: { x: 0, y: 0 }, config: { branches } });
    const { body: flow } = await create(doc);
    expect(flow.problems.filter((p: { code: string }) => p.code === 'too_many_regexes')).toHaveLength(10);
    const run = await api(app, 'POST', `/v1/flows/${flow.id}/test`, undefined, owner.token);
    expect(run.status).toBe(422);
    expect(run.body.error.code).toBe('flow_too_large');
    expect(run.body.problems.map((p: { code: string }) => p.code)).toEqual(
      Array(10).fill('too_many_regexes'),
    );
  });
});
