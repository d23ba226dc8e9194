// Agent replies as WhatsApp and the network allow them: refused outside the 24-hour window, sent
// once per Idempotency-Key (also under a race and while Redis is down), and files uploaded to S3
// and sent as a signed link.
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { freePort } from '../stack/free-port';
import { ensureRedisServer, startLocalRedis, type LocalRedis } from '../stack/local-redis';
import { api, signupWorkspace, startTestApp } from '../../test/harness';
import { textMessage } from '../../test/fakes/whatsapp-payloads';
import { eventually, pipelineForFile, sentTexts, startPipeline, type Pipeline } from '../../test/pipeline';

let p: Pipeline;
let db: pg.Client;
const cleanups: Array<() => Promise<unknown>> = [];

pipelineForFile((started) => ({ pipeline: p, db } = started));
// Runs before the pipeline stops (after-all hooks run last registered first).
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => {});
});

async function conversationOf(pipeline: Pipeline, waId: string, client = db): Promise<string> {
  await pipeline.wa.inbound({ waId }, textMessage('oi'));
  return eventually(async () => {
    const { rows } = await client.query('SELECT cv.id FROM conversations cv JOIN contacts ct ON ct.id = cv.contact_id WHERE ct.phone = $1', [waId]);
    return rows[0]?.id as string | undefined;
  });
}

function send(pipeline: Pipeline, id: string, body: unknown, key?: string) {
  return fetch(`${pipeline.app.url}/v1/conversations/${id}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${pipeline.token}`, ...(key ? { 'idempotency-key': key } : {}) },
    body: JSON.stringify(body),
  }).then(async (r) => ({ status: r.status, body: await r.json() as any }));
}

describe('the 24-hour window', () => {
  it('when the customer last wrote 25 hours ago on WhatsApp, then a free-form reply is refused with when the window closed', async () => {
    const id = await conversationOf(p, '5511400000001');
    await db.query("UPDATE conversations SET last_inbound_at = now() - interval '25 hours' WHERE id = $1", [id]);
    const { rows } = await db.query("SELECT to_char((last_inbound_at + interval '24 hours') AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') AS closed FROM conversations WHERE id = $1", [id]);
    const res = await send(p, id, { text: 'ainda dá?' });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'window_closed', windowClosedAt: rows[0].closed });
    const view = await api(p.app, 'GET', `/v1/conversations/${id}`, undefined, p.token);
    expect(view.body.windowClosesAt).toBe(rows[0].closed);
    // Notes are internal: the window does not apply, and nothing went out.
    expect((await api(p.app, 'POST', `/v1/conversations/${id}/notes`, { text: 'mandar template amanhã' }, p.token)).status).toBe(201);
    await new Promise((r) => setTimeout(r, 300));
    expect(sentTexts(p.wa, '5511400000001')).toEqual([]);
  });

  it('when the customer wrote 23 hours ago, then the reply goes out', async () => {
    const id = await conversationOf(p, '5511400000002');
    await db.query("UPDATE conversations SET last_inbound_at = now() - interval '23 hours' WHERE id = $1", [id]);
    expect((await send(p, id, { text: 'ainda dá!' })).status).toBe(201);
    await eventually(() => sentTexts(p.wa, '5511400000002').includes('ainda dá!'));
  });
  it('when WhatsApp redelivers a day-old message after a newer one, then the window and the inbox order keep the newer one', async () => {
    const waId = '5511400000009';
    const id = await conversationOf(p, waId);
    const before = (await api(p.app, 'GET', `/v1/conversations/${id}`, undefined, p.token)).body;
    const dayOld = String(Math.floor(Date.now() / 1000) - 25 * 3600);
    await p.wa.inbound({ waId }, { ...textMessage('escrita ontem, entregue agora'), timestamp: dayOld });
    await eventually(async () => (await db.query('SELECT count(*)::int AS n FROM messages WHERE conversation_id = $1', [id])).rows[0].n === 2);
    const after = (await api(p.app, 'GET', `/v1/conversations/${id}`, undefined, p.token)).body;
    expect(after.windowClosesAt).toBe(before.windowClosesAt);
    expect(after.lastMessageAt).toBe(before.lastMessageAt);
    expect((await send(p, id, { text: 'pode falar' })).status).toBe(201);
  });
});

describe('Idempotency-Key', () => {
  it('when the same key is sent twice, or twice at once, then there is one message and one send', async () => {
    const id = await conversationOf(p, '5511400000003');
    const first = await send(p, id, { text: 'uma vez só' }, 'key-3a');
    const again = await send(p, id, { text: 'uma vez só' }, 'key-3a');
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body.id).toBe(first.body.id);
    const racing = await Promise.all([1, 2, 3].map(() => send(p, id, { text: 'corrida' }, 'key-3b')));
    expect(racing.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(new Set(racing.map((r) => r.body.id)).size).toBe(1);
    await eventually(() => sentTexts(p.wa, '5511400000003').includes('corrida'));
    await new Promise((r) => setTimeout(r, 500));
    expect(sentTexts(p.wa, '5511400000003')).toEqual(['uma vez só', 'corrida']);
  });

  it('when a key is reused on another conversation or is malformed, then it is refused', async () => {
    const other = await conversationOf(p, '5511400000004');
    expect((await send(p, other, { text: 'x' }, 'key-3a')).status).toBe(409);
    expect((await send(p, other, { text: 'x' }, 'a'.repeat(201))).status).toBe(400);
    expect((await send(p, other, { text: 'x' }, 'com espaço')).status).toBe(400);
  });
});

describe('replying to a particular message', () => {
  it("when the agent chooses Reply on the customer's message, then WhatsApp gets its wamid as context and the thread quotes it", async () => {
    const id = await conversationOf(p, '5511400000010');
    const { rows: [asked] } = await db.query("SELECT id, provider_message_id FROM messages WHERE conversation_id = $1 AND direction = 'in'", [id]);
    const res = await send(p, id, { text: 'pode falar', replyTo: asked.id });
    expect(res.status).toBe(201);
    const sent = await eventually(() => p.wa.sendsTo('5511400000010').find((x) => x.body.text?.body === 'pode falar'));
    expect(sent.body.context).toEqual({ message_id: asked.provider_message_id });
    const page = await api(p.app, 'GET', `/v1/conversations/${id}/messages`, undefined, p.token);
    const item = page.body.items.find((m: any) => m.id === res.body.id);
    expect(item.replyTo).toEqual({ id: asked.id, author: 'contact', type: 'text', text: 'oi' });
    // A note has no WhatsApp id: the reply goes out, unquoted, rather than not at all.
    const note = await api(p.app, 'POST', `/v1/conversations/${id}/notes`, { text: 'cliente VIP' }, p.token);
    expect((await send(p, id, { text: 'já volto', replyTo: note.body.id })).body.replyTo).toBeNull();
    const plain = await eventually(() => p.wa.sendsTo('5511400000010').find((x) => x.body.text?.body === 'já volto'));
    expect(plain.body).not.toHaveProperty('context');
  });

  it("when replyTo names another conversation's or workspace's message, or is no id, then 404 or 400 and nothing is sent", async () => {
    const id = await conversationOf(p, '5511400000011');
    const elsewhere = await conversationOf(p, '5511400000012');
    const { rows: [theirs] } = await db.query('SELECT id FROM messages WHERE conversation_id = $1', [elsewhere]);
    const other = await signupWorkspace(p.app);
    const channel = await api(p.app, 'POST', '/v1/channels', { type: 'webchat', name: 'Site', config: {} }, other.token);
    const contact = await db.query("INSERT INTO contacts (tenant_id, channel_id, external_id) VALUES ($1, $2, 'v-quote') RETURNING id", [other.workspace.id, channel.body.id]);
    const conv = await db.query("INSERT INTO conversations (tenant_id, channel_id, contact_id, status) VALUES ($1, $2, $3, 'human') RETURNING id", [other.workspace.id, channel.body.id, contact.rows[0].id]);
    const foreign = await api(p.app, 'POST', `/v1/conversations/${conv.rows[0].id}/messages`, { text: 'oi' }, other.token);
    for (const replyTo of [theirs.id, foreign.body.id]) {
      const res = await send(p, id, { text: 'x', replyTo });
      expect(res.status).toBe(404);
      expect(res.body.error).toMatchObject({ code: 'not_found', message: 'The message to reply to is not one of this conversation' });
    }
    const bad = await send(p, id, { text: 'x', replyTo: 'wamid.123' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error)).toContain('replyTo');
    await new Promise((r) => setTimeout(r, 300));
    expect(sentTexts(p.wa, '5511400000011')).toEqual([]);
  });
});

describe('the inbox while Redis is down', () => {
  let redis: LocalRedis;
  it('when the queue is unreachable, then the reply is stored (201), a retry returns it, and it is sent once when Redis is back', async () => {
    const port = await freePort();
    const binary = ensureRedisServer(() => {});
    redis = await startLocalRedis({ binary, port });
    cleanups.push(() => redis.stop());
    const q = await startPipeline({ REDIS_URL: redis.url }, { appStarter: (env) => startTestApp(env, { sweepIntervalMs: 500 }) });
    cleanups.push(() => q.close());
    const qdb = new pg.Client({ connectionString: q.app.config.DATABASE_URL });
    await qdb.connect();
    cleanups.push(() => qdb.end());
    const id = await conversationOf(q, '5511400000005', qdb);
    await redis.stop();
    const first = await send(q, id, { text: 'chegou?' }, 'outage-1');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ text: 'chegou?', status: 'pending', author: 'agent' });
    const retry = await send(q, id, { text: 'chegou?' }, 'outage-1');
    expect(retry).toEqual({ status: 201, body: first.body });
    expect(sentTexts(q.wa, '5511400000005')).toEqual([]);
    // Presence needs Redis: a clear 503 to set it, and members still listed (as offline).
    expect((await api(q.app, 'PUT', '/v1/me/presence', { status: 'online' }, q.token)).status).toBe(503);
    const members = await api(q.app, 'GET', '/v1/members', undefined, q.token);
    expect(members.status).toBe(200);
    expect(members.body.items.map((m: any) => m.presence)).toEqual(['offline']);
    redis = await startLocalRedis({ binary, port });
    await eventually(() => sentTexts(q.wa, '5511400000005').includes('chegou?'), 60_000);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(sentTexts(q.wa, '5511400000005').filter((t) => t === 'chegou?')).toHaveLength(1);
  }, 120_000);
});

describe('attachments', () => {
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2048, 7)]);

  it('when a file is uploaded as a form or as a raw body, then it is kept and described', async () => {
    const form = new FormData();
    // Named as a browser names it: the accented name as raw UTF-8 bytes in the form's header.
    form.append('file', new Blob([pdf], { type: 'application/pdf' }), 'nota fiscal ção.pdf');
    const res = await fetch(`${p.app.url}/v1/media`, { method: 'POST', headers: { authorization: `Bearer ${p.token}` }, body: form });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ id: expect.any(String), mime: 'application/pdf', fileName: 'nota fiscal ção.pdf', size: pdf.length });
    const raw = await fetch(`${p.app.url}/v1/media`, {
      method: 'POST', headers: { authorization: `Bearer ${p.token}`, 'content-type': 'image/png', 'x-file-name': encodeURIComponent('../../foto ç.png') }, body: Buffer.from('png-bytes'),
    });
    expect(raw.status).toBe(201);
    expect(await raw.json()).toMatchObject({ mime: 'image/png', fileName: 'foto ç.png', size: 9 });
  });

  it('when a file is too large, of a type we will not serve, empty or missing, then 413, 415 or 400', async () => {
    const upload = (body: Buffer, type: string) =>
      fetch(`${p.app.url}/v1/media`, { method: 'POST', headers: { authorization: `Bearer ${p.token}`, 'content-type': type }, body }).then((r) => r.status);
    expect(await upload(Buffer.alloc(16 * 1024 * 1024 + 1), 'application/pdf')).toBe(413);
    expect(await upload(Buffer.from('<script>alert(1)</script>'), 'text/html')).toBe(415);
    expect(await upload(Buffer.from('<svg/>'), 'image/svg+xml')).toBe(415);
    expect(await upload(Buffer.alloc(0), 'application/pdf')).toBe(400);
    expect(await upload(Buffer.from('--x\r\nnot a form'), 'multipart/form-data')).toBe(400);
    expect(await upload(Buffer.from('--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF'), 'multipart/form-data; boundary=x')).toBe(400);
    const form = new FormData();
    form.append('other', 'x');
    expect((await fetch(`${p.app.url}/v1/media`, { method: 'POST', headers: { authorization: `Bearer ${p.token}` }, body: form })).status).toBe(400);
    expect((await fetch(`${p.app.url}/v1/media`, { method: 'POST', body: pdf })).status).toBe(401);
  });

  it('when an uploaded file is sent, then WhatsApp gets a signed link to the same bytes, and the thread shows the file', async () => {
    const id = await conversationOf(p, '5511400000006');
    const form = new FormData();
    form.append('file', new Blob([pdf], { type: 'application/pdf' }), 'orcamento.pdf');
    const media: any = await (await fetch(`${p.app.url}/v1/media`, { method: 'POST', headers: { authorization: `Bearer ${p.token}` }, body: form })).json();
    const reply = await send(p, id, { mediaId: media.id, text: 'segue o orçamento' });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ type: 'document', text: 'segue o orçamento', media: { mime: 'application/pdf', fileName: 'orcamento.pdf', size: pdf.length } });
    const sent = await eventually(() => p.wa.sends.find((s) => s.body.to === '5511400000006' && s.body.type === 'document'));
    expect(sent.body.document).toMatchObject({ caption: 'segue o orçamento', filename: 'orcamento.pdf' });
    expect(Buffer.from(await (await fetch(sent.body.document.link)).arrayBuffer()).equals(pdf)).toBe(true);
    const open = await api(p.app, 'GET', `/v1/conversations/${id}/messages/${reply.body.id}/media`, undefined, p.token);
    expect(open.status).toBe(200);
    expect(Buffer.from(await (await fetch(open.body.url)).arrayBuffer()).equals(pdf)).toBe(true);
  });

  it('when another workspace sends this workspace\'s upload, or an unknown one, then it is 404', async () => {
    const form = new FormData();
    form.append('file', new Blob([pdf], { type: 'application/pdf' }), 'a.pdf');
    const media: any = await (await fetch(`${p.app.url}/v1/media`, { method: 'POST', headers: { authorization: `Bearer ${p.token}` }, body: form })).json();
    const other = await signupWorkspace(p.app);
    const channel = await api(p.app, 'POST', '/v1/channels', { type: 'webchat', name: 'Site', config: {} }, other.token);
    const contact = await db.query("INSERT INTO contacts (tenant_id, channel_id, external_id) VALUES ($1, $2, 'visitante') RETURNING id", [other.workspace.id, channel.body.id]);
    const conv = await db.query("INSERT INTO conversations (tenant_id, channel_id, contact_id, status) VALUES ($1, $2, $3, 'human') RETURNING id", [other.workspace.id, channel.body.id, contact.rows[0].id]);
    const theirs = await api(p.app, 'POST', `/v1/conversations/${conv.rows[0].id}/messages`, { mediaId: media.id }, other.token);
    expect(theirs.status).toBe(404);
    expect(theirs.body.error.message).toBe('Media not found');
    // Web chat has no 24-hour window: text goes out whenever.
    expect((await api(p.app, 'POST', `/v1/conversations/${conv.rows[0].id}/messages`, { text: 'oi' }, other.token)).status).toBe(201);
    const mine = await conversationOf(p, '5511400000008');
    expect((await send(p, mine, { mediaId: '6f1c1f8e-5a43-4c55-9a53-0c2b3f1b2f10' })).status).toBe(404);
  });
});
