// Sends in their own worker against real PostgreSQL and Redis, with Meta's Graph API faked: a
// hanging provider of one workspace does not hold up another, a slow send is sent once, and a
// worker killed in the middle of a batch of sends loses and doubles nothing.
import { describe, expect, it } from 'vitest';
import { cleanupsAfterEach } from '../../test/cleanups';
import { query } from '../../test/db';
import { edge, flow, node } from '../../test/flow-docs';
import { startTestApp } from '../../test/harness';
import * as P from '../../test/fakes/whatsapp-payloads';
import { eventually, otherWorkspace, sentTexts, startPipeline } from '../../test/pipeline';
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

const cleanups = cleanupsAfterEach();

const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.99) - 1)]!;

describe('a hanging provider', () => {
  it("when workspace A's provider hangs, then workspace B's replies are not slowed (p99 within 2×)", async () => {
    const p = await startPipeline();
    cleanups.push(() => p.close());
    await p.publish(echo(['eco {{answer}}']), 'Eco');
    // Workspace B: its own number on the same fake Graph API, which answers B at once and hangs A.
    const B_PHONE = '106540352242999';
    const b = await otherWorkspace(p, 'Loja B', B_PHONE);
    await b.publish(echo(['b {{answer}}']), 'Eco B');
    const inboundB = b.inbound;
    // B's reply latency: webhook posted → its reply reaches the provider. Contacts start their session first.
    const measureB = async (round: string) => {
      const ids = Array.from({ length: 12 }, (_, i) => `55119300${round}${String(i).padStart(3, '0')}`);
      for (const id of ids) await inboundB(id, 'oi');
      const latencies: number[] = [];
      for (let k = 0; k < 3; k++) {
        for (const id of ids) {
          const t0 = Date.now();
          await inboundB(id, `${round}${k}`);
          const sent = await eventually(() => p.wa.sends.find((s) => s.body.to === id && s.body.text?.body === `b ${round}${k}`), 20_000);
          latencies.push(sent.at - t0);
        }
      }
      return p99(latencies);
    };
    const before = await measureB('1');

    p.wa.answerAfter((phoneNumberId) => (phoneNumberId === B_PHONE ? 0 : 60_000));
    const aContacts = Array.from({ length: 24 }, (_, i) => ({ waId: `55119400${String(i).padStart(4, '0')}` }));
    for (const c of aContacts) await p.wa.inbound(c, P.textMessage('oi'));
    for (const c of aContacts) await p.wa.inbound(c, P.textMessage('trava'));
    // A's sends are in flight and hanging.
    await eventually(() => p.wa.sends.filter((s) => s.phoneNumberId !== B_PHONE).length >= 4, 20_000);
    const during = await measureB('2');
    // At most the workspace limit of A's sends reached the provider while it hung.
    expect(p.wa.sends.filter((s) => s.phoneNumberId !== B_PHONE).length).toBeLessThanOrEqual(4);
    // A floor of 250 ms keeps scheduler noise on a busy machine from deciding the comparison.
    expect(during, `B p99 before ${before} ms, with A hanging ${during} ms`).toBeLessThanOrEqual(2 * Math.max(before, 250));
  }, 120_000);
});

describe('a slow send', () => {
  it('when the provider takes 23 s to answer, then the message is sent exactly once', async () => {
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

describe('worker killed during a batch of sends', () => {
  it('when the worker is SIGKILLed while batches of three replies are being sent, then every reply is sent once and in order', async () => {
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
