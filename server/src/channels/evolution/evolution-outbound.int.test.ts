// Server-side request forgery through an Evolution channel's baseUrl: the channel's apikey must
// never reach a service on the platform's own network, and what such a service answers never
// shows up in the message's error (the workspace sees it in the inbox, the API and its webhooks).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { edge, flow, keywordTrigger, node } from '../../../test/flow-docs';
import { api, signupWorkspace, startTestApp, type TestApp } from '../../../test/harness';
import { eventually } from '../../../test/pipeline';
import * as P from '../../../test/fakes/evolution-payloads';
import { startFakeEvolution, type FakeEvolution } from '../../../test/fakes/fake-evolution';
import { loopbackSpellings, SECRET_TEXT, startInternalService, type InternalService } from '../../../test/internal-service';

const API_KEY = 'evo-channel-api-key-9d8c7b';
const WEBHOOK_TOKEN = 'zyntra-webhook-token-456';

type World = { app: TestApp; evo: FakeEvolution; internal: InternalService; token: string; close(): Promise<void> };
let webhookUrl = '';
let numbers = 5511400000000;

async function world(env: Record<string, string>, internalHost: string): Promise<World> {
  // The fake only plays the customer's side here (webhooks in); sends go to the channel's baseUrl.
  const evo = await startFakeEvolution({ apiKey: API_KEY, instance: 'loja', webhookUrl: () => webhookUrl, webhookToken: () => WEBHOOK_TOKEN });
  const internal = await startInternalService(internalHost);
  const app = await startTestApp(env);
  const s = await signupWorkspace(app);
  const doc = flow([keywordTrigger('oi'), node('hello', 'message', { text: 'Olá!' })], [edge('start', 'next', 'hello')]);
  const created = await api(app, 'POST', '/v1/flows', { name: 'Oi', document: doc }, s.token);
  expect((await api(app, 'POST', `/v1/flows/${created.body.id}/publish`, {}, s.token)).status).toBe(201);
  return { app, evo, internal, token: s.token, close: async () => { await app.close(); await evo.close(); await internal.close(); } };
}

/** Creates a channel on `baseUrl`, lets a customer write "oi" and returns the bot reply's final error. */
async function replyErrorVia(w: World, baseUrl: string): Promise<string> {
  const channel = await api(w.app, 'POST', '/v1/channels', { type: 'evolution', name: 'Evo', config: { baseUrl, instance: 'loja', apiKey: API_KEY, webhookToken: WEBHOOK_TOKEN } }, w.token);
  expect(channel.status).toBe(201);
  webhookUrl = `${w.app.url}/v1/webhooks/evolution/${channel.body.id}`;
  const number = String(numbers++);
  expect((await w.evo.customer(number, P.text('oi'))).status).toBe(200);
  return eventually(async () => {
    const list = await api(w.app, 'GET', '/v1/conversations', undefined, w.token);
    const conv = list.body.items.find((c: any) => c.contact.phone === number);
    if (!conv) return null;
    const messages = await api(w.app, 'GET', `/v1/conversations/${conv.id}/messages`, undefined, w.token);
    const reply = messages.body.items.find((m: any) => m.direction === 'out');
    return reply?.status === 'failed' ? (reply.error as string) : null;
  });
}

describe('Evolution baseUrl, with no allow-list', () => {
  let w: World;
  beforeAll(async () => {
    w = await world({}, '::');
  });
  afterAll(() => w?.close());

  it('when it points at a listener on the loopback, then the listener gets no request and no apikey, whatever the spelling', async () => {
    for (const base of loopbackSpellings(w.internal.port)) {
      const error = await replyErrorVia(w, base);
      expect(error, base).toMatch(/^blocked_address: Evolution API: The address is not allowed/);
    }
    expect(w.internal.connections()).toBe(0);
    expect(w.app.logs.text()).not.toContain(API_KEY);
  });

  it('when it points at the fake Evolution server on 127.0.0.1, then that is refused too (allow-listing is what opens it)', async () => {
    expect(await replyErrorVia(w, w.evo.baseUrl)).toMatch(/^blocked_address:/);
    expect(w.evo.sends).toEqual([]);
  });
});

describe('Evolution baseUrl, with the loopback allow-listed', () => {
  let w: World;
  beforeAll(async () => {
    w = await world({ OUTBOUND_ALLOW_HOSTS: '127.0.0.1' }, '127.0.0.1');
  });
  afterAll(() => w?.close());

  it('when the server answers 400 with its own text, then the message error has the status in our words only', async () => {
    w.internal.behave((_req, res) =>
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 400, error: 'Bad Request', response: { message: [SECRET_TEXT] } })),
    );
    const error = await replyErrorVia(w, `http://127.0.0.1:${w.internal.port}`);
    expect(error).toBe('bad_request: Evolution API refused the message (HTTP 400)');
    expect(w.internal.requests.at(-1)).toMatchObject({ method: 'POST', url: '/message/sendText/loja', headers: { apikey: API_KEY } });
  });

  it('when the server answers 303 to /internal/admin, then the redirect is not followed', async () => {
    w.internal.behave((req, res) => (req.url === '/internal/admin' ? res.end('{"key":{"id":"x"}}') : res.writeHead(303, { location: '/internal/admin' }).end()));
    const before = w.internal.requests.length;
    const error = await replyErrorVia(w, `http://127.0.0.1:${w.internal.port}`);
    expect(error).toMatch(/^redirect: Evolution API: The server answered with a redirect \(HTTP 303\)/);
    // Creating the channel tests the connection first; neither call follows the redirect.
    expect(w.internal.requests.slice(before).map((r) => r.url)).toEqual(['/instance/connectionState/loja', '/message/sendText/loja']);
  });

  it('when the allowed server is Evolution, then the reply goes out', async () => {
    const channel = await api(w.app, 'POST', '/v1/channels', { type: 'evolution', name: 'Evo', config: { baseUrl: w.evo.baseUrl, instance: 'loja', apiKey: API_KEY, webhookToken: WEBHOOK_TOKEN } }, w.token);
    webhookUrl = `${w.app.url}/v1/webhooks/evolution/${channel.body.id}`;
    await w.evo.customer('5511499999999', P.text('oi'));
    const [send] = await w.evo.waitForSends(1);
    expect(send).toMatchObject({ apikey: API_KEY, body: { number: '5511499999999', text: 'Olá!' } });
  });
});
