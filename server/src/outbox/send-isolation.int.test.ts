// Sends in their own worker against real PostgreSQL and Redis, with Meta's Graph API faked: a slow
// send is sent once, and a worker killed in the middle of a batch of sends loses and doubles nothing.
// (A hanging provider's workspace holding up no other: hanging-provider.int.test.ts.)
// Both cases spend most of their time waiting out a provider answer or a dead worker's leases, each
// on its own app, database and fake Graph API: they run side by side (describe.concurrent).
import { describe, it } from 'vitest';
import { cleanupsOf } from '../../test/cleanups';
import { query } from '../../test/db';
import { edge, flow, node } from '../../test/flow-docs';
import { startTestApp } from '../../test/harness';
import * as P from '../../test/fakes/whatsapp-payloads';
import { eventually, sentTexts, startPipeline } from '../../test/pipeline';
import { spawnWorker } from '../../test/worker-process';

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
    const worker = spawnWorker(p.app, cleanups);
    const contacts = Array.from({ length: 6 }, (_, i) => `55119600000${i}`);
    for (const waId of contacts) await p.wa.inbound({ waId }, P.textMessage('oi'));
    for (const waId of contacts) for (let j = 0; j < 3; j++) await p.wa.inbound({ waId }, P.textMessage(`m${j}`));
    await eventually(() => p.wa.sends.length >= 8, 60_000);
    worker.kill('SIGKILL');
    const atKill = p.wa.sends.length;
    await new Promise((r) => setTimeout(r, 300));
    spawnWorker(p.app, cleanups);
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
