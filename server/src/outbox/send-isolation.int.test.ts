// Sends in their own worker against real PostgreSQL and Redis, with Meta's Graph API faked: a slow
// send is sent once, a worker killed in the middle of a batch of sends loses and doubles nothing,
// and one workspace's backlog of replies waiting to be retried does not weigh on another's sends.
// (A hanging provider's workspace holding up no other: hanging-provider.int.test.ts.)
// Both cases spend most of their time waiting out a provider answer or a dead worker's leases, each
// on its own app, database and fake Graph API: they run side by side (describe.concurrent).
import { describe, it } from 'vitest';
import { cleanupsOf } from '../../test/cleanups';
import { pagesRead, query } from '../../test/db';
import { edge, flow, node } from '../../test/flow-docs';
import { startTestApp } from '../../test/harness';
import * as P from '../../test/fakes/whatsapp-payloads';
import { eventually, otherWorkspace, sentTexts, startPipeline } from '../../test/pipeline';
import { PRECLAIM_SQL } from './outbox';
import { KILLED_WORKER_SENDS, spawnWorker } from '../../test/worker-process';

const echo = (replies: string[]) =>
  flow(
    [
      node('start', 'trigger', { fallback: true }),
      node('ask', 'wait', { mode: 'reply', saveAs: 'answer' }),
      ...replies.map((text, i) => node(`say${i}`, 'message', { text })),
    ],
    [
      edge('start', 'next', 'ask'),
      edge('ask', 'next', 'say0'),
      ...replies.slice(1).map((_, i) => edge(`say${i}`, 'next', `say${i + 1}`)),
      edge(`say${replies.length - 1}`, 'next', 'ask'),
    ],
    ['answer'],
  );

describe.concurrent('a slow send', () => {
  it('when the provider takes 23 s to answer, then the message is sent exactly once', async ({ expect, onTestFinished }) => {
    const cleanups = cleanupsOf({ onTestFinished });
    const p = await startPipeline();
    cleanups.push(() => p.close());
    await p.publish(echo(['eco {{answer}}']), 'Eco');
    const waId = '5511950000001';
    await p.wa.inbound({ waId }, P.textMessage('oi'));
    p.wa.answerAfter(() => 23_000);
    await p.wa.inbound({ waId }, P.textMessage('devagar'));
    const url = p.app.config.DATABASE_URL;
    await eventually(async () => (await query(url, "SELECT status FROM messages WHERE direction = 'out' AND text = 'eco devagar'"))[0]?.status === 'sent', 45_000);
    // Past the old 20 s lease and a few sweeps: nothing claimed it again.
    await new Promise((r) => setTimeout(r, 3_000));
    expect(sentTexts(p.wa, waId)).toEqual(['eco devagar']);
    expect((await query(url, "SELECT attempts FROM messages WHERE direction = 'out' AND text = 'eco devagar'"))[0].attempts).toBe(1);
  }, 90_000);
});

describe.concurrent('worker killed during a batch of sends', () => {
  it('when the worker is SIGKILLed while batches of three replies are being sent, then every reply is sent once and in order', async ({ expect, onTestFinished }) => {
    const cleanups = cleanupsOf({ onTestFinished });
    const p = await startPipeline({}, { appStarter: (env) => startTestApp({ ...env, ROLE: 'api' }) });
    cleanups.push(() => p.close());
    await p.publish(echo(['1 {{answer}}', '2 {{answer}}', '3 {{answer}}']), 'Eco três');
    p.wa.answerAfter(() => 120);
    const worker = spawnWorker(p.app, cleanups, { sendTiming: KILLED_WORKER_SENDS });
    const contacts = Array.from({ length: 6 }, (_, i) => `55119600000${i}`);
    for (const waId of contacts) await p.wa.inbound({ waId }, P.textMessage('oi'));
    for (const waId of contacts) for (let j = 0; j < 3; j++) await p.wa.inbound({ waId }, P.textMessage(`m${j}`));
    await eventually(() => p.wa.sends.length >= 8, 60_000);
    worker.kill('SIGKILL');
    const atKill = p.wa.sends.length;
    await new Promise((r) => setTimeout(r, 300));
    spawnWorker(p.app, cleanups, { sendTiming: KILLED_WORKER_SENDS });
    const total = contacts.length * 9;
    await eventually(() => p.wa.sends.length >= total, 120_000);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(atKill).toBeLessThan(total);
    for (const waId of contacts) {
      expect(sentTexts(p.wa, waId)).toEqual(['m0', 'm1', 'm2'].flatMap((m) => [`1 ${m}`, `2 ${m}`, `3 ${m}`]));
    }
    const url = p.app.config.DATABASE_URL;
    expect((await query(url, "SELECT count(*)::int AS n FROM messages WHERE direction = 'out' AND status NOT IN ('sent', 'delivered', 'read')"))[0].n).toBe(0);
  }, 180_000);
});

describe.concurrent("another workspace's backlog", () => {
  it("when workspace A has 5,000 replies waiting for a retry, then claiming B's reply reads only B's conversation", async ({ expect, onTestFinished }) => {
    const cleanups = cleanupsOf({ onTestFinished });
    const p = await startPipeline();
    cleanups.push(() => p.close());
    const b = await otherWorkspace(p, 'Loja B', '106540352242777');
    await p.wa.inbound({ waId: '5511970000001' }, P.textMessage('oi'));
    await b.inbound('5511970000002', 'oi');
    const url = p.app.config.DATABASE_URL;
    const conversationOf = async (tenantId: string) => (await eventually(async () => (await query(url, 'SELECT id, channel_id FROM conversations WHERE tenant_id = $1', [tenantId]))[0]))!;
    const a = await conversationOf(p.tenantId);
    const bConversation = await conversationOf(b.tenantId);
    // A's number was refused for an hour: its replies wait for their retry (as a provider outage or a
    // closed 24-hour window leaves them), more than the table's statistics have seen yet.
    await query(url, `INSERT INTO messages (tenant_id, conversation_id, channel_id, direction, type, text, payload, status, author, created_at, next_attempt_at)
      SELECT $1, $2, $3, 'out', 'text', 'promo', '{}', 'pending', 'bot', now() - interval '1 hour' + g * interval '1 ms', now() + interval '1 hour'
      FROM generate_series(1, 5000) g`, [p.tenantId, a.id, a.channel_id]);
    // The drain's pre-claim of B's new reply, as the worker runs it.
    const sql = PRECLAIM_SQL.replace(/:lease/g, '$1').replace(/:tenant/g, '$2').replace(/:ids/g, '$3').replace(/:conv/g, '$4');
    const { pages, plan } = await pagesRead(url, sql, [30_000, b.tenantId, [crypto.randomUUID()], bConversation.id]);
    // Before, the check for older unsent replies walked every workspace's waiting replies (~390 pages here).
    expect(pages, JSON.stringify(plan)).toBeLessThan(40);
  }, 60_000);
});
