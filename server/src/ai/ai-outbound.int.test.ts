// Server-side request forgery through a workspace's AI base URL: the workspace's bearer key must
// never reach a service on the platform's own network, whatever spelling the address takes, and
// what such a service answers never shows up in the run log.
import { NO_AI_PROVIDER } from '@zyntra/flows-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import knexFactory from 'knex';
import { createSealer } from '../security/seal';
import { writeLlmSettings } from './ai-settings.queries';
import { edge, flow, keywordTrigger, node } from '../../test/flow-docs';
import { api } from '../../test/harness';
import { textMessage } from '../../test/fakes/whatsapp-payloads';
import { loopbackSpellings, SECRET_TEXT, startInternalService, type InternalService } from '../../test/internal-service';
import { eventually, sentTexts, startPipeline, type Pipeline } from '../../test/pipeline';

const KEY = 'sk-workspace-secret-key';
let waIds = 5511300000000;

/** Without `serverLlm`, only the workspace's own settings can make ai_reply work. */
async function pipelineWithAiFlow(env: Record<string, string>, serverLlm = false): Promise<Pipeline> {
  const p = await startPipeline(serverLlm ? env : { LLM_BASE_URL: '', LLM_API_KEY: '', ...env });
  await p.publish(
    flow(
      [keywordTrigger('ia'), node('ai', 'ai_reply', { systemPrompt: 'Loja X', timeoutSeconds: 2 }), node('sorry', 'message', { text: 'sem IA' }), node('done', 'message', { text: 'respondido' })],
      [edge('start', 'next', 'ai'), edge('ai', 'ok', 'done'), edge('ai', 'error', 'sorry'), edge('ai', 'handoff', 'sorry')],
    ),
    'IA',
  );
  return p;
}

/**
 * Points the workspace's AI at `baseUrl`, runs the flow once and returns the ai node's failed run-log row (its outcome names the cause).
 * `refused`: saving it answers 400 at the field, so it is stored directly, as an address saved before
 * saves were checked is (or a name that resolved elsewhere then), for the call's own check to meet it.
 */
async function aiFailureFor(p: Pipeline, baseUrl: string, refused = false): Promise<{ outcome: string; error: string }> {
  const saved = await api(p.app, 'PUT', '/v1/settings/ai', { baseUrl, model: 'm', apiKey: KEY }, p.token);
  if (refused) {
    expect(saved.status, baseUrl).toBe(400);
    expect(saved.body.error, baseUrl).toMatchObject({ code: 'validation_failed', field: 'baseUrl', reason: 'blocked_address' });
    const db = knexFactory({ client: 'pg', connection: p.app.config.DATABASE_URL, pool: { min: 0, max: 1 } });
    try {
      await writeLlmSettings(db, p.tenantId, { baseUrl, model: 'm', apiKeyEnc: createSealer(p.app.config.ENCRYPTION_KEY).seal(KEY) });
    } finally {
      await db.destroy();
    }
  } else {
    expect(saved.status).toBe(200);
  }
  return runAiFlow(p);
}

/** Runs the flow once for a new customer: the AI fails and the error output runs; returns the ai step's failed row. */
async function runAiFlow(p: Pipeline): Promise<{ outcome: string; error: string }> {
  const waId = String(waIds++);
  await p.wa.inbound({ waId }, textMessage('ia'));
  await eventually(() => sentTexts(p.wa, waId).length === 1);
  expect(sentTexts(p.wa, waId)).toEqual(['sem IA']);
  const list = await api(p.app, 'GET', '/v1/conversations', undefined, p.token);
  const conv = list.body.items.find((c: any) => c.contact.phone === waId);
  const log = await api(p.app, 'GET', `/v1/conversations/${conv.id}/runlog`, undefined, p.token);
  const entry = log.body.items.find((i: any) => i.nodeId === 'ai' && i.error);
  expect(entry).toBeDefined();
  return { outcome: entry.outcome, error: entry.error };
}

describe('workspace AI base URL, with no allow-list', () => {
  let p: Pipeline;
  let internal: InternalService;
  beforeAll(async () => {
    internal = await startInternalService();
    p = await pipelineWithAiFlow({});
  });
  afterAll(async () => {
    await p?.close();
    await internal?.close();
  });

  it('when neither the workspace nor the server has a provider, then the run log says so by name', async () => {
    expect(await runAiFlow(p)).toEqual({ outcome: 'ai_no_provider', error: NO_AI_PROVIDER });
  });

  it('when it points at a listener on the loopback, then the listener gets no request and no key, whatever the spelling', async () => {
    for (const base of loopbackSpellings(internal.port)) {
      const { error, outcome } = await aiFailureFor(p, `${base}/v1`, true);
      expect(outcome, base).toBe('ai_blocked_address');
      expect(error, base).toMatch(/not allowed/);
      expect(error, base).not.toContain(SECRET_TEXT);
    }
    expect(internal.requests).toEqual([]);
    expect(internal.connections()).toBe(0);
    expect(p.app.logs.text()).not.toContain(KEY);
  });
});

describe('server default LLM_BASE_URL on the loopback, with no allow-list', () => {
  let p: Pipeline;
  beforeAll(async () => {
    p = await pipelineWithAiFlow({}, true);
  });
  afterAll(() => p?.close());

  it("when the operator's own URL is used, then it works; when a workspace names the same server, then it is refused", async () => {
    p.llm.behave({ kind: 'reply', reply: 'Resposta do servidor' });
    await p.wa.inbound({ waId: '5511399999998' }, textMessage('ia'));
    await eventually(() => sentTexts(p.wa, '5511399999998').length === 2);
    expect(sentTexts(p.wa, '5511399999998')).toEqual(['Resposta do servidor', 'respondido']);
    const served = p.llm.requests.length;
    expect(served).toBe(1);

    const { error, outcome } = await aiFailureFor(p, p.llm.baseUrl, true);
    expect(outcome).toBe('ai_blocked_address');
    expect(error).toMatch(/not allowed/);
    expect(p.llm.requests).toHaveLength(served);
  });
});

describe('workspace AI base URL, with the loopback allow-listed (OUTBOUND_ALLOW_HOSTS)', () => {
  let p: Pipeline;
  let internal: InternalService;
  beforeAll(async () => {
    internal = await startInternalService('127.0.0.1');
    p = await pipelineWithAiFlow({ OUTBOUND_ALLOW_HOSTS: '127.0.0.1' });
  });
  afterAll(async () => {
    await p?.close();
    await internal?.close();
  });

  it('when the allowed host answers an error, then the run log shows the status in our words, never its body', async () => {
    const { error, outcome } = await aiFailureFor(p, `http://127.0.0.1:${internal.port}/v1`);
    expect(outcome).toBe('ai_status');
    expect(internal.requests.at(-1)).toMatchObject({ method: 'POST', url: '/v1/chat/completions', headers: { authorization: `Bearer ${KEY}` } });
    expect(error).toContain('HTTP 500');
    expect(error).not.toContain(SECRET_TEXT);
    expect(error).not.toContain('db failed');
  });

  it('when the allowed host answers 303 to /internal/admin, then the redirect is not followed', async () => {
    internal.behave((req, res) => (req.url === '/internal/admin' ? res.end('{"admin":true}') : res.writeHead(303, { location: '/internal/admin' }).end()));
    const before = internal.requests.length;
    const { error, outcome } = await aiFailureFor(p, `http://127.0.0.1:${internal.port}/v1`);
    expect(outcome).toBe('ai_redirect');
    expect(error).toMatch(/redirect/);
    expect(internal.requests.slice(before).map((r) => r.url)).toEqual(['/v1/chat/completions']);
  });

  it('when the host trickles its answer a byte at a time, then the call stops at the node timeout', async () => {
    internal.behave((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(' ')), 100);
      res.on('close', () => clearInterval(timer));
    });
    const started = Date.now();
    const { error, outcome } = await aiFailureFor(p, `http://127.0.0.1:${internal.port}/v1`);
    expect(outcome).toBe('ai_timeout');
    expect(error).toMatch(/within 2 s/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('when the host answers without end, then the answer is cut at the size cap', async () => {
    internal.behave((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    });
    const { error, outcome } = await aiFailureFor(p, `http://127.0.0.1:${internal.port}/v1`);
    expect(outcome).toBe('ai_bad_answer');
    expect(error).toMatch(/larger than/);
  });
});
