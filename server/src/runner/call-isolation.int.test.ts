// AI replies, HTTP request steps and webhook deliveries wait on endpoints a workspace chooses: its
// LLM base URL, its own server, its webhook URLs. One workspace whose endpoint hangs holds a few of
// a worker's slots for those calls, and another workspace's calls still run at once.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../test/harness';
import { edge, flow, keywordTrigger, node } from '../../test/flow-docs';
import { textMessage } from '../../test/fakes/whatsapp-payloads';
import { eventually, otherWorkspace, sentTexts, startPipeline, type Pipeline } from '../../test/pipeline';

/** A loopback server that answers `/fast` with `{}` and holds every other request open until it is closed. */
async function endpoints() {
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(req.url ?? '');
    if (req.url === '/fast') res.setHeader('content-type', 'application/json').end('{}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    /** Requests to `path` so far (held open, unless it is `/fast`). */
    held: (path: string) => seen.filter((u) => u === path).length,
    close: () => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}

let p: Pipeline;
let ends: Awaited<ReturnType<typeof endpoints>>;
let n = 0;
const phone = () => `5511971${String(Date.now() % 100_000).padStart(5, '0')}${n++}`;

beforeAll(async () => {
  ends = await endpoints();
  p = await startPipeline({ OUTBOUND_ALLOW_HOSTS: '127.0.0.1' });
});
afterAll(async () => {
  // Their held calls end at once, so the workers stop without waiting for the calls' timeouts.
  await ends?.close();
  await p?.close();
});

/** Twelve customers of workspace A write `keyword`; waits until A's endpoint at `path` holds at least 4 of their calls. */
async function hangA(a: Awaited<ReturnType<typeof otherWorkspace>>, keyword: string, path: string) {
  for (let i = 0; i < 12; i++) await a.inbound(phone(), keyword);
  await eventually(() => ends.held(path) >= 4, 20_000);
}

/** A customer of the pipeline's own workspace writes `keyword`; its flow's answer `reply` comes within 5 s. */
async function expectAnswerAtOnce(keyword: string, reply: string) {
  const b = phone();
  const started = Date.now();
  await p.wa.inbound({ waId: b }, textMessage(keyword));
  await eventually(() => sentTexts(p.wa, b).length === 1, 10_000);
  expect(sentTexts(p.wa, b)).toEqual([reply]);
  expect(Date.now() - started).toBeLessThan(5_000);
}

describe('a workspace whose endpoint hangs', () => {
  it("when its AI endpoint hangs, then another workspace's AI reply still comes at once", async () => {
    const a = await otherWorkspace(p, 'Loja A', '106540352243001');
    expect((await api(p.app, 'PUT', '/v1/settings/ai', { baseUrl: `${ends.url}/v1`, apiKey: 'sk-loja-a' }, a.token)).status).toBe(200);
    const ai = flow(
      [keywordTrigger('ia'), node('ai', 'ai_reply', { systemPrompt: 'Você atende a loja.', timeoutSeconds: 60, historyWindow: 5 }), node('more', 'wait', { mode: 'reply' })],
      [edge('start', 'next', 'ai'), edge('ai', 'ok', 'more'), edge('more', 'next', 'ai')],
    );
    await a.publish(ai, 'IA');
    await p.publish(ai, 'IA');
    p.llm.behave({ kind: 'reply', reply: 'Abrimos às 9h.' });
    await hangA(a, 'ia', '/v1/chat/completions');

    await expectAnswerAtOnce('ia', 'Abrimos às 9h.');
    // A holds at most its workspace's share of one worker's AI calls (8), whatever it sends.
    expect(ends.held('/v1/chat/completions')).toBeLessThanOrEqual(8);
  });

  it("when its own server hangs, then another workspace's HTTP request step still runs at once", async () => {
    const a = await otherWorkspace(p, 'Loja A2', '106540352243002');
    const call = (url: string) =>
      flow(
        [
          keywordTrigger('pedido'),
          node('api', 'http_request', { method: 'GET', url, headers: [], body: '', mappings: [], timeoutSeconds: 30 }),
          node('ok', 'message', { text: 'consultado' }),
          node('fail', 'message', { text: 'falhou' }),
        ],
        [edge('start', 'next', 'api'), edge('api', 'ok', 'ok'), edge('api', 'error', 'fail')],
      );
    await a.publish(call(`${ends.url}/hang`), 'Pedido');
    await p.publish(call(`${ends.url}/fast`), 'Pedido');
    await hangA(a, 'pedido', '/hang');

    await expectAnswerAtOnce('pedido', 'consultado');
    expect(ends.held('/hang')).toBeLessThanOrEqual(8);
  });

  it("when its webhook endpoint hangs, then another workspace's webhook still arrives at once", async () => {
    const a = await otherWorkspace(p, 'Loja A3', '106540352243003');
    const endpoint = async (token: string, path: string) => {
      const res = await api(p.app, 'POST', '/v1/webhook-endpoints', { url: `${ends.url}${path}`, events: ['message.received'] }, token);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    const hookA = await endpoint(a.token, '/hook-a');
    const hookB = await endpoint(p.token, '/fast');
    for (let i = 0; i < 12; i++) expect((await api(p.app, 'POST', `/v1/webhook-endpoints/${hookA}/test`, {}, a.token)).status).toBe(202);
    await eventually(() => ends.held('/hook-a') >= 4, 20_000);

    const before = ends.held('/fast');
    const started = Date.now();
    expect((await api(p.app, 'POST', `/v1/webhook-endpoints/${hookB}/test`, {}, p.token)).status).toBe(202);
    await eventually(() => ends.held('/fast') > before, 10_000);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(ends.held('/hook-a')).toBeLessThanOrEqual(8);
  });
});
