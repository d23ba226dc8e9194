// Realtime that never silently drops: what the socket pushed is what GET /v1/events replays, in id
// order, paged, per workspace; an agent whose socket was cut catches up on every missed event; and
// an event whose transaction commits late is not overtaken by later ones.
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { io as connect, type Socket } from 'socket.io-client';
import { edge, flow, keywordTrigger, node } from '../../test/flow-docs';
import { api, signupWorkspace } from '../../test/harness';
import { textMessage } from '../../test/fakes/whatsapp-payloads';
import { eventually, pipelineForFile, type Pipeline } from '../../test/pipeline';

let p: Pipeline;
let db: pg.Client;
const sockets: Socket[] = [];

pipelineForFile(async (started) => {
  ({ pipeline: p, db } = started);
  await p.publish(flow([keywordTrigger('oi'), node('hi', 'message', { text: 'olá!' })], [edge('start', 'next', 'hi')]), 'Oi');
});
// Runs before the pipeline stops (after-all hooks run last registered first).
afterAll(async () => {
  for (const s of sockets) s.disconnect();
});

type Seen = { name: string; payload: any };

async function agentSocket(token: string, seen: Seen[] = []) {
  const socket = connect(p.app.url, { auth: { token }, transports: ['websocket'] });
  sockets.push(socket);
  socket.onAny((name, payload) => seen.push({ name, payload }));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return { socket, seen };
}

async function allEvents(token: string, after: number, limit = 200) {
  const items: any[] = [];
  let position = after;
  for (;;) {
    const res = await api(p.app, 'GET', `/v1/events?after=${position}&limit=${limit}`, undefined, token);
    expect(res.status).toBe(200);
    items.push(...res.body.items);
    position = res.body.nextAfter;
    if (!res.body.hasMore) return { items, last: position };
  }
}

describe('event catch-up', () => {
  it('when events were pushed, then the catch-up replays exactly them, in id order, in pages', async () => {
    const start = (await api(p.app, 'GET', '/v1/events', undefined, p.token)).body;
    expect(start.items).toEqual([]);
    const { seen } = await agentSocket(p.token);
    await p.wa.inbound({ waId: '5511300000001' }, textMessage('oi'));
    await eventually(() => seen.some((e) => e.name === 'message.sent'));
    const { items } = await allEvents(p.token, start.nextAfter, 2);
    const pushed = seen.filter((e) => typeof e.payload?.id === 'number' && e.payload.id > start.nextAfter).map((e) => e.payload);
    expect(pushed.length).toBeGreaterThanOrEqual(3);
    expect(items.map((e) => e.id)).toEqual([...items.map((e) => e.id)].sort((a, b) => a - b));
    for (const event of pushed) expect(items.find((i) => i.id === event.id)).toEqual(event);
    expect(items.map((e) => e.type)).toEqual(expect.arrayContaining(['conversation.created', 'message.received', 'message.sent']));
    expect(items.find((e) => e.type === 'message.received')).toMatchObject({ id: expect.any(Number), type: 'message.received', at: expect.any(String), conversationId: expect.any(String) });
  });

  it('when the socket was cut while five messages arrived, then catching up from the last seen id returns all five in order', async () => {
    const first = await agentSocket(p.token);
    await p.wa.inbound({ waId: '5511300000002' }, textMessage('oi'));
    await eventually(() => first.seen.some((e) => e.name === 'message.sent'));
    const lastSeen = Math.max(...first.seen.map((e) => e.payload?.id ?? 0));
    first.socket.disconnect();
    const texts = ['um', 'dois', 'três', 'quatro', 'cinco'];
    for (const text of texts) await p.wa.inbound({ waId: '5511300000002' }, textMessage(text));
    await eventually(async () => (await db.query("SELECT count(*)::int AS n FROM messages WHERE text = ANY($1)", [texts])).rows[0].n === 5);
    const again = await agentSocket(p.token);
    const { items } = await eventually(async () => {
      const caught = await allEvents(p.token, lastSeen);
      return caught.items.filter((e) => e.type === 'message.received').length >= 5 ? caught : null;
    });
    const received = items.filter((e) => e.type === 'message.received');
    const { rows } = await db.query('SELECT id, text FROM messages WHERE id = ANY($1)', [received.map((e) => e.messageId)]);
    const textOf = new Map(rows.map((r) => [r.id, r.text]));
    expect(received.map((e) => textOf.get(e.messageId))).toEqual(texts);
    again.socket.disconnect();
  });

  it('when an earlier event commits late, then later events wait for it and both arrive in id order', async () => {
    const { seen } = await agentSocket(p.token);
    const slow = new pg.Client({ connectionString: p.app.config.DATABASE_URL });
    await slow.connect();
    try {
      await slow.query('BEGIN');
      const early = await slow.query("INSERT INTO domain_events (tenant_id, type, payload) VALUES ($1, 'conversation.updated', '{\"n\": 1}') RETURNING id", [p.tenantId]);
      const late = await db.query("INSERT INTO domain_events (tenant_id, type, payload) VALUES ($1, 'conversation.updated', '{\"n\": 2}') RETURNING id", [p.tenantId]);
      await new Promise((r) => setTimeout(r, 600));
      expect(seen.filter((e) => e.payload?.n === 2)).toEqual([]);
      await slow.query('COMMIT');
      await eventually(() => seen.some((e) => e.payload?.n === 2));
      const order = seen.filter((e) => e.payload?.n).map((e) => e.payload.id);
      expect(order).toEqual([early.rows[0].id, late.rows[0].id]);
    } finally {
      await slow.end();
    }
  });

  it('when another workspace catches up, then it sees none of these events; a bad position is a 400', async () => {
    const other = await signupWorkspace(p.app);
    const { items } = await allEvents(other.token, 0);
    expect(items.every((e) => e.type === 'flow.published' || e.conversationId === undefined)).toBe(true);
    expect(items.filter((e) => e.conversationId)).toEqual([]);
    for (const after of ['-1', 'abc', '1.5']) expect((await api(p.app, 'GET', `/v1/events?after=${after}`, undefined, p.token)).status).toBe(400);
    expect((await api(p.app, 'GET', '/v1/events?after=0&limit=501', undefined, p.token)).status).toBe(400);
    expect((await api(p.app, 'GET', '/v1/events?after=0')).status).toBe(401);
  });
});
