// No customer waits in silence: a transferred chat nobody takes gets the workspace's message
// (through the fake WhatsApp server) and returns to a flow, once; it survives a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { edge, flow, keywordTrigger, node } from '../../test/flow-docs';
import { api, startTestApp, type TestApp } from '../../test/harness';
import { textMessage } from '../../test/fakes/whatsapp-payloads';
import { eventually, sentTexts, startPipeline, type Pipeline } from '../../test/pipeline';

const SORRY = 'Nossa equipe está ocupada; o robô vai te ajudar enquanto isso.';
const fast = (env: Record<string, string>) => startTestApp(env, { sweepIntervalMs: 300 });

let p: Pipeline;
let db: pg.Client;
let backFlowId: string;
const cleanups: Array<() => Promise<unknown>> = [];

beforeAll(async () => {
  p = await startPipeline({}, { appStarter: fast });
  db = new pg.Client({ connectionString: p.app.config.DATABASE_URL });
  await db.connect();
  await p.publish(flow([keywordTrigger('ajuda'), node('human', 'transfer', { message: 'vou chamar alguém' })], [edge('start', 'next', 'human')]), 'Ajuda');
  backFlowId = (await p.publish(flow([keywordTrigger('nunca'), node('back', 'message', { text: 'o robô voltou' })], [edge('start', 'next', 'back')]), 'Volta')).flowId;
});
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => {});
  await db?.end();
  await p?.close();
});

const settings = (body: Record<string, unknown>, pipeline = p) => api(pipeline.app, 'PUT', '/v1/settings/inbox', body, pipeline.token);

async function transfer(waId: string, pipeline = p, client = db): Promise<string> {
  await pipeline.wa.inbound({ waId }, textMessage('ajuda'));
  return eventually(async () => {
    const { rows } = await client.query("SELECT cv.id FROM conversations cv JOIN contacts ct ON ct.id = cv.contact_id WHERE ct.phone = $1 AND cv.status = 'waiting'", [waId]);
    return rows[0]?.id as string | undefined;
  });
}

describe('no agent took it', () => {
  it('when nobody takes a transferred chat in time, then the customer gets the message once and the chosen flow answers next', async () => {
    expect((await settings({ noAgentTimeoutMinutes: 0.02, noAgentMessage: SORRY, noAgentFlowId: backFlowId })).status).toBe(200);
    const id = await transfer('5511100000001');
    await eventually(() => sentTexts(p.wa, '5511100000001').includes(SORRY));
    const view = await api(p.app, 'GET', `/v1/conversations/${id}`, undefined, p.token);
    expect(view.body).toMatchObject({ status: 'bot', assigneeId: null });
    const thread = (await api(p.app, 'GET', `/v1/conversations/${id}/messages`, undefined, p.token)).body.items;
    expect(thread.find((m: any) => m.text === SORRY)).toMatchObject({ author: 'system', direction: 'out' });
    await p.wa.inbound({ waId: '5511100000001' }, textMessage('e agora?'));
    await eventually(() => sentTexts(p.wa, '5511100000001').includes('o robô voltou'));
    await new Promise((r) => setTimeout(r, 1_000));
    expect(sentTexts(p.wa, '5511100000001')).toEqual(['vou chamar alguém', SORRY, 'o robô voltou']);
  });

  it('when no flow is set, then the message goes once and the chat keeps waiting for an agent', async () => {
    await settings({ noAgentTimeoutMinutes: 0.02, noAgentMessage: SORRY, noAgentFlowId: null });
    const id = await transfer('5511100000002');
    await eventually(() => sentTexts(p.wa, '5511100000002').includes(SORRY));
    await new Promise((r) => setTimeout(r, 1_500));
    expect(sentTexts(p.wa, '5511100000002').filter((t) => t === SORRY)).toHaveLength(1);
    expect((await api(p.app, 'GET', `/v1/conversations/${id}`, undefined, p.token)).body).toMatchObject({ status: 'waiting', assigneeId: null });
  });

  it('when an agent takes the chat in time, then nothing is sent', async () => {
    await settings({ noAgentTimeoutMinutes: 0.05, noAgentMessage: SORRY, noAgentFlowId: null });
    const id = await transfer('5511100000003');
    const me = (await api(p.app, 'GET', '/v1/me', undefined, p.token)).body.user.id;
    expect((await api(p.app, 'POST', `/v1/conversations/${id}/assign`, { assigneeId: me }, p.token)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 4_500));
    expect(sentTexts(p.wa, '5511100000003')).toEqual(['vou chamar alguém']);
  });

  it('when the server restarts before the timeout, then the new process still sends the message, once', async () => {
    const q = await startPipeline({}, { appStarter: fast });
    // Its app is closed by the test itself (the "restart"); only the fakes are left to close.
    cleanups.push(() => Promise.all([q.wa.close(), q.llm.close()]));
    const qdb = new pg.Client({ connectionString: q.app.config.DATABASE_URL });
    await qdb.connect();
    cleanups.push(() => qdb.end());
    await q.publish(flow([keywordTrigger('ajuda'), node('human', 'transfer', { message: 'vou chamar alguém' })], [edge('start', 'next', 'human')]), 'Ajuda');
    // 12 s: long enough that the old process cannot reach the timeout before it is closed, even when
    // a loaded machine takes seconds to mark the hand-over sent (it then sent the message itself, and
    // its leased send reached WhatsApp only after the lease lapsed).
    await settings({ noAgentTimeoutMinutes: 0.2, noAgentMessage: SORRY }, q);
    await transfer('5511100000004', q, qdb);
    const transferredAt = Date.now();
    // The hand-over message goes out before the restart. The new process has a queue prefix of its
    // own, so a send job the old one left queued is found only when its lease lapses (50 s), and the
    // timeout's message would wait behind it in the conversation's order.
    await eventually(() => sentTexts(q.wa, '5511100000004').includes('vou chamar alguém'), 20_000);
    // ... and is marked sent: the provider's answer lands a moment after the post, and a close in
    // between leaves the send leased to the old process.
    await eventually(async () => (await qdb.query("SELECT 1 FROM messages WHERE text = 'vou chamar alguém' AND status = 'sent'")).rowCount === 1, 20_000);
    await q.app.close();
    expect(sentTexts(q.wa, '5511100000004')).toEqual(['vou chamar alguém']);
    // The timeout passes while nothing runs.
    await new Promise((r) => setTimeout(r, Math.max(0, transferredAt + 12_500 - Date.now())));
    const restarted: TestApp = await fast({ DATABASE_URL: q.app.config.DATABASE_URL, WHATSAPP_GRAPH_BASE_URL: q.wa.baseUrl });
    cleanups.push(() => restarted.close());
    // Within a lease (about 50 s) and a wide margin: on a loaded machine the old process may still have
    // held one, and the new one takes a while to start its sweeps. Waiting longer costs nothing when it
    // passes; what is checked is that the message goes, once.
    await eventually(() => sentTexts(q.wa, '5511100000004').includes(SORRY), 100_000);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(sentTexts(q.wa, '5511100000004')).toEqual(['vou chamar alguém', SORRY]);
  }, 170_000);
});
