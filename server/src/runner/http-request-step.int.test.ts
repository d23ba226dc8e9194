// The http_request step through the real pipeline: a customer's message on the fake WhatsApp Cloud
// API runs a flow that calls a loopback server (allow-listed through OUTBOUND_ALLOW_HOSTS), saves a
// field of its JSON answer in a variable the next message prints, and takes `error` on a 500, a
// timeout, a closed port, an oversized or non-JSON answer and a private address; header values are never shown back.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRET_MAX_BYTES } from '@zyntra/flows-schema';
import pg from 'pg';
import { edge, flow, keywordTrigger, node } from '../../test/flow-docs';
import { api } from '../../test/harness';
import { textMessage } from '../../test/fakes/whatsapp-payloads';
import { eventually, sentTexts, startPipeline, type Pipeline } from '../../test/pipeline';
import { startJobAgain } from '../../test/job-again';

const SECRET = 'tok-9f8e7d6c5b4a';
const KEY = 'chave-interna-123';
type Seen = { method: string; url: string; headers: IncomingHttpHeaders; body: string };

let p: Pipeline;
let db: pg.Client;
let shop: Server;
let base = '';
const seen: Seen[] = [];

function startShop(): Promise<Server> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      if (req.url?.startsWith('/orders/')) {
        res.setHeader('content-type', 'application/json');
        // A careless server echoes the credential back: it must not reach a variable, a log or the chat.
        res.end(JSON.stringify({ data: { order: { id: req.url.slice(8), status: 'enviado' }, echo: req.headers.authorization } }));
      } else if (req.url === '/fail') {
        res.statusCode = 500;
        res.end(`{"error":"boom ${req.headers.authorization}"}`);
      } else if (req.url === '/big') {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ data: { order: { status: 'x'.repeat(300 * 1024) } } }));
      } else if (req.url === '/slow') {
        setTimeout(() => res.end('{}'), 2_500);
      } else res.end('not json');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

let n = 0;
const newContact = () => ({ waId: `5511966${String(Date.now() % 100_000).padStart(5, '0')}${n++}`, name: 'Ana' });

/** A flow: keyword → http_request → ok: "Status: {{status}} / {{echo}}", error: "Falhou". */
const callFlow = (keyword: string, url: string, extra: Record<string, unknown> = {}) =>
  flow(
    [
      keywordTrigger(keyword),
      node('api', 'http_request', {
        method: 'POST', url, timeoutSeconds: 1,
        headers: [{ name: 'Authorization', value: `Bearer ${SECRET}`, secret: true }, { name: 'X-Loja', value: KEY, secret: true }],
        body: '{"phone": "{{contact.phone}}", "said": "{{last_reply}}"}',
        mappings: [{ path: 'data.order.status', variable: 'status' }, { path: 'data.echo', variable: 'echo' }],
        ...extra,
      }),
      node('ok', 'message', { text: 'Status: {{status}} / {{echo}}' }),
      node('fail', 'message', { text: 'Falhou' }),
    ],
    [edge('start', 'next', 'api'), edge('api', 'ok', 'ok'), edge('api', 'error', 'fail')],
    ['status', 'echo'],
  );

async function runLog(waId: string): Promise<Array<{ node_id: string; outcome: string; error: string | null }>> {
  const { rows } = await db.query(
    'SELECT r.node_id, r.outcome, r.error FROM run_logs r JOIN conversations c ON c.id = r.conversation_id JOIN contacts ct ON ct.id = c.contact_id WHERE ct.phone = $1 ORDER BY r.id',
    [waId],
  );
  return rows;
}

beforeAll(async () => {
  shop = await startShop();
  base = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
  p = await startPipeline({ OUTBOUND_ALLOW_HOSTS: '127.0.0.1' });
  db = new pg.Client({ connectionString: p.app.config.DATABASE_URL });
  await db.connect();
  const closed = createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
  const closedPort = (closed.address() as AddressInfo).port;
  await new Promise((r) => closed.close(r));
  await p.publish(callFlow('pedido', `${base}/orders/{{last_reply}}`), 'Pedido');
  await p.publish(callFlow('quebrado', `${base}/fail`), 'Quebrado');
  await p.publish(callFlow('lento', `${base}/slow`), 'Lento');
  await p.publish(callFlow('fechado', `http://127.0.0.1:${closedPort}/x`), 'Fechado');
  await p.publish(callFlow('interno', 'http://10.0.0.1/orders/1'), 'Interno');
  await p.publish(callFlow('metadados', 'http://169.254.169.254/latest/meta-data/'), 'Metadados');
  await p.publish(callFlow('html', `${base}/page`), 'Html');
  await p.publish(callFlow('grande', `${base}/big`), 'Grande');
});
afterAll(async () => {
  await db?.end();
  await p?.close();
  await new Promise((r) => shop?.close(r));
});

describe('http_request step', () => {
  it('when the call answers 2xx JSON, then the mapped field is printed by the next message, the body carried the placeholders and the headers reached the server', async () => {
    const c = newContact();
    await p.wa.inbound(c, textMessage('pedido'));
    await eventually(() => sentTexts(p.wa, c.waId).length > 0);
    // The echoed credential was cut out of the answer before it was stored or mapped.
    expect(sentTexts(p.wa, c.waId)).toEqual(['Status: enviado / [secret]']);
    const call = seen.find((s) => s.url === '/orders/pedido');
    expect(call).toMatchObject({ method: 'POST', headers: { authorization: `Bearer ${SECRET}`, 'x-loja': KEY, 'content-type': 'application/json' } });
    expect(JSON.parse(call!.body)).toEqual({ phone: c.waId, said: 'pedido' });
    expect((await runLog(c.waId)).map((r) => [r.node_id, r.outcome])).toEqual([['start', 'entered'], ['api', 'waiting'], ['api', 'resumed'], ['ok', 'entered'], ['ok', 'no_edge']]);
  });

  it("when the queue starts the call's job again after its answer was stored, then the server is not called again and nothing more is sent", async () => {
    const c = newContact();
    await p.wa.inbound(c, textMessage('pedido'));
    await eventually(() => sentTexts(p.wa, c.waId).length > 0);
    const calls = seen.length;
    await startJobAgain(p.app, 'effects', (job) => job.data.conversationKey.endsWith(`:${c.waId}`));
    await new Promise((r) => setTimeout(r, 500));
    expect(seen.length).toBe(calls);
    expect(sentTexts(p.wa, c.waId)).toEqual(['Status: enviado / [secret]']);
  });

  it.each([
    ['quebrado', 'a 500', /HTTP 500/, 'http_status'],
    ['lento', 'a timeout', /No complete answer within 1 s/, 'http_timeout'],
    ['fechado', 'a closed port', /refused|reach|closed/i, 'http_network'],
    ['html', 'an answer that is not JSON', /not JSON/, 'http_not_json'],
    ['grande', 'an answer over the size cap', /The answer is larger than 262144 bytes/, 'http_too_large'],
  ])('when the keyword "%s" meets %s, then the error output runs and the run log says why, its outcome naming the cause', async (keyword, _name, reason, outcome) => {
    const c = newContact();
    await p.wa.inbound(c, textMessage(keyword));
    await eventually(() => sentTexts(p.wa, c.waId).length > 0, 10_000);
    expect(sentTexts(p.wa, c.waId)).toEqual(['Falhou']);
    const failed = (await runLog(c.waId)).find((r) => r.node_id === 'api' && r.error);
    expect(failed?.error).toMatch(reason);
    expect(failed?.outcome).toBe(outcome);
  });

  it.each([
    ['interno', '10.0.0.1'],
    ['metadados', '169.254.169.254'],
  ])('when the URL is a private address (%s → %s) not in the allow-list, then the error output runs and nothing is called', async (keyword) => {
    const before = seen.length;
    const c = newContact();
    await p.wa.inbound(c, textMessage(keyword));
    await eventually(() => sentTexts(p.wa, c.waId).length > 0, 10_000);
    expect(sentTexts(p.wa, c.waId)).toEqual(['Falhou']);
    const failed = (await runLog(c.waId)).find((r) => r.node_id === 'api' && r.error);
    expect(failed?.error).toMatch(/private|not allowed|blocked|address/i);
    expect(failed?.outcome).toBe('http_blocked_address');
    expect(seen.length).toBe(before);
  });

  it('when the flow is read back (GET, version, export), then header values are masked, and saving the masked document keeps the stored values the calls use', async () => {
    const listed = (await api(p.app, 'GET', '/v1/flows', undefined, p.token)).body;
    const flowId = (listed.items ?? listed).find((f: { name: string }) => f.name === 'Pedido').id as string;
    const got = await api(p.app, 'GET', `/v1/flows/${flowId}`, undefined, p.token);
    const headers = (d: { nodes: Array<{ id: string; config: { headers?: Array<{ value: string }> } }> }) => d.nodes.find((x) => x.id === 'api')!.config.headers!.map((h) => h.value);
    expect(headers(got.body.document)).toEqual(['••••••••', '••••••••']);
    expect(headers((await api(p.app, 'GET', `/v1/flows/${flowId}/versions/${got.body.publishedVersionId}`, undefined, p.token)).body.document)).toEqual(['••••••••', '••••••••']);
    const exported = await api(p.app, 'GET', `/v1/flows/${flowId}/export`, undefined, p.token);
    expect(JSON.stringify(exported.body)).not.toContain(SECRET);
    // The editor saves what it read (masks included) with one change: the stored values stay.
    got.body.document.nodes.find((x: { id: string }) => x.id === 'ok').config.text = 'Situação: {{status}}';
    expect((await api(p.app, 'PUT', `/v1/flows/${flowId}`, { document: got.body.document }, p.token)).status).toBe(200);
    // Stored sealed: the database holds neither value, only what the server's key opens.
    const draft = (await db.query('SELECT draft FROM flows WHERE id = $1', [flowId])).rows[0].draft;
    expect(headers(draft).every((v: string) => v.startsWith('sealed:'))).toBe(true);
    expect(JSON.stringify(draft)).not.toContain(SECRET);
    expect(JSON.stringify(draft)).not.toContain(KEY);
    expect((await api(p.app, 'POST', `/v1/flows/${flowId}/publish`, {}, p.token)).status).toBe(201);
    const c = newContact();
    await p.wa.inbound(c, textMessage('pedido'));
    await eventually(() => sentTexts(p.wa, c.waId).length > 0);
    expect(sentTexts(p.wa, c.waId)).toEqual(['Situação: enviado']);
    expect(seen.at(-1)?.headers).toMatchObject({ authorization: `Bearer ${SECRET}`, 'x-loja': KEY });
  });

  it('when a credential is too long to store sealed, then the save is refused with the problem the editor shows and nothing changes; at the limit it saves and publishes', async () => {
    const listed = (await api(p.app, 'GET', '/v1/flows', undefined, p.token)).body;
    const flowId = (listed.items ?? listed).find((f: { name: string }) => f.name === 'Grande').id as string;
    const before = (await db.query('SELECT draft, revision FROM flows WHERE id = $1', [flowId])).rows[0];
    const withToken = (token: string) => {
      const doc = callFlow('grande', `${base}/big`);
      (doc.nodes.find((n) => n.id === 'api')!.config as { headers: Array<{ value: string }> }).headers[0]!.value = token;
      return doc;
    };
    const refused = await api(p.app, 'PUT', `/v1/flows/${flowId}`, { document: withToken('x'.repeat(SECRET_MAX_BYTES + 1)) }, p.token);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('flow_invalid');
    expect(refused.body.problems.map((x: { code: string; nodeId: string; path: string }) => [x.code, x.nodeId, x.path])).toEqual([['secret_too_long', 'api', 'config.headers.0.value']]);
    expect((await db.query('SELECT draft, revision FROM flows WHERE id = $1', [flowId])).rows[0]).toEqual(before);
    const longest = 'x'.repeat(SECRET_MAX_BYTES);
    expect((await api(p.app, 'PUT', `/v1/flows/${flowId}`, { document: withToken(longest) }, p.token)).status).toBe(200);
    expect((await api(p.app, 'POST', `/v1/flows/${flowId}/publish`, {}, p.token)).status).toBe(201);
    // With the step's config invalid too (its content is not checked then), the errors hiding it are named.
    const hidden = withToken('x'.repeat(SECRET_MAX_BYTES + 1));
    (hidden.nodes.find((n) => n.id === 'api')!.config as { timeoutSeconds: number }).timeoutSeconds = 999;
    const refusedToo = await api(p.app, 'PUT', `/v1/flows/${flowId}`, { document: hidden }, p.token);
    expect(refusedToo.status).toBe(422);
    expect(refusedToo.body.problems.map((x: { nodeId: string; path: string }) => [x.nodeId, x.path])).toEqual([['api', 'config.timeoutSeconds']]);
    // An import is refused the same way.
    const imported = await api(p.app, 'POST', '/v1/flows/import', { name: 'Importado', document: withToken(`${longest}y`) }, p.token);
    expect(imported.status).toBe(422);
    expect(imported.body.problems.filter((x: { severity: string }) => x.severity === 'error').map((x: { code: string }) => x.code)).toEqual(['secret_too_long']);
  });

  it('when calls ran and failed, then no header value appears in the stored flow and its versions, run logs, stored events, sessions, the failures view or the server logs', async () => {
    const texts = [
      JSON.stringify((await db.query('SELECT draft FROM flows WHERE tenant_id = $1', [p.tenantId])).rows),
      JSON.stringify((await db.query('SELECT document FROM flow_versions WHERE tenant_id = $1', [p.tenantId])).rows),
      JSON.stringify((await db.query('SELECT error, outcome FROM run_logs WHERE tenant_id = $1', [p.tenantId])).rows),
      JSON.stringify((await db.query('SELECT payload, error FROM inbound_events WHERE tenant_id = $1', [p.tenantId])).rows),
      JSON.stringify((await db.query('SELECT state FROM flow_sessions WHERE tenant_id = $1', [p.tenantId])).rows),
      JSON.stringify((await db.query('SELECT text, payload FROM messages WHERE tenant_id = $1', [p.tenantId])).rows),
      JSON.stringify((await api(p.app, 'GET', '/v1/operations/failures', undefined, p.token)).body),
      p.app.logs.text(),
    ];
    expect(texts.join('\n')).toContain('http_status'); // the failures above were recorded
    for (const text of texts) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(KEY);
    }
  });
});
