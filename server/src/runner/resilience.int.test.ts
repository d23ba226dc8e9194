// Nothing lost, nothing doubled: a worker SIGKILLed mid-flight, Redis down while webhooks arrive,
// and provider errors on send.
import { describe, expect, it } from 'vitest';
import { cleanupsAfterEach } from '../../test/cleanups';
import { query } from '../../test/db';
import { echoFlow, edge, flow, keywordTrigger, node } from '../../test/flow-docs';
import { startTestApp } from '../../test/harness';
import { textMessage } from '../../test/fakes/whatsapp-payloads';
import { eventually, sentTexts, startPipeline } from '../../test/pipeline';
import { KILLED_WORKER_SENDS, spawnWorker } from '../../test/worker-process';
import { freePort } from '../stack/free-port';
import { ensureRedisServer, startLocalRedis, type LocalRedis } from '../stack/local-redis';

const cleanups = cleanupsAfterEach();

describe('worker killed mid-processing', () => {
  it('when the worker is SIGKILLed and restarted, then every message is processed once and every reply sent once', async () => {
    const p = await startPipeline({}, { appStarter: (env) => startTestApp({ ...env, ROLE: 'api' }) });
    cleanups.push(() => p.close());
    await p.publish(echoFlow('eco'), 'Eco');
    const worker = spawnWorker(p.app, cleanups, { sendTiming: KILLED_WORKER_SENDS });
    const contacts = Array.from({ length: 10 }, (_, i) => ({ waId: `55117000000${String(i).padStart(2, '0')}` }));
    const sending = Promise.all(
      contacts.map(async (c, i) => {
        for (let j = 0; j < 10; j++) await p.wa.inbound(c, textMessage(`c${i}-m${j}`));
      }),
    );
    await eventually(() => p.wa.sends.length >= 15, 60_000);
    worker.kill('SIGKILL');
    await sending;
    await new Promise((r) => setTimeout(r, 300));
    spawnWorker(p.app, cleanups, { sendTiming: KILLED_WORKER_SENDS });
    await eventually(() => p.wa.sends.length >= 90, 90_000);
    await new Promise((r) => setTimeout(r, 1_500));
    const expected = contacts.flatMap((_, i) => Array.from({ length: 9 }, (_, j) => `eco c${i}-m${j + 1}`)).sort();
    expect(sentTexts(p.wa).sort()).toEqual(expected);
    const url = p.app.config.DATABASE_URL;
    expect((await query(url, "SELECT count(*)::int AS n FROM messages WHERE direction = 'in'"))[0].n).toBe(100);
    expect(await query(url, "SELECT status, count(*)::int AS n FROM inbound_events WHERE kind = 'message' GROUP BY status")).toEqual([{ status: 'processed', n: 100 }]);
    expect((await query(url, "SELECT count(*)::int AS n FROM messages WHERE direction = 'out' AND status NOT IN ('sent', 'delivered', 'read')"))[0].n).toBe(0);
    for (const [i, c] of contacts.entries()) expect(sentTexts(p.wa, c.waId)).toEqual(Array.from({ length: 9 }, (_, j) => `eco c${i}-m${j + 1}`));
  }, 180_000);
});

describe('redis outage', () => {
  let redis: LocalRedis | undefined;
  it('when Redis is down while webhooks arrive, then they are acknowledged, stored, and answered once it is back', async () => {
    const port = await freePort();
    const binary = ensureRedisServer(() => {});
    redis = await startLocalRedis({ binary, port });
    cleanups.push(() => redis!.stop());
    const p = await startPipeline({ REDIS_URL: redis.url }, { appStarter: (env) => startTestApp(env, { sweepIntervalMs: 500 }) });
    cleanups.push(() => p.close());
    await p.publish(flow([keywordTrigger('oi'), node('hi', 'message', { text: 'voltamos' })], [edge('start', 'next', 'hi')]), 'Oi');
    await redis.stop();
    const contacts = Array.from({ length: 10 }, (_, i) => ({ waId: `55116000000${i}` }));
    const statuses = [];
    for (const c of contacts) statuses.push((await p.wa.inbound(c, textMessage('oi'))).status);
    expect(statuses).toEqual(Array(10).fill(200));
    expect((await query(p.app.config.DATABASE_URL, "SELECT count(*)::int AS n FROM inbound_events WHERE status = 'received'"))[0].n).toBe(10);
    expect(p.wa.sends).toHaveLength(0);
    redis = await startLocalRedis({ binary, port });
    await eventually(() => p.wa.sends.length >= 10, 60_000);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(sentTexts(p.wa)).toEqual(Array(10).fill('voltamos'));
    expect(new Set(p.wa.sends.map((s) => s.body.to)).size).toBe(10);
  }, 120_000);
});

describe('provider errors on send', () => {
  it('when Meta rate-limits (130429), then the reply is retried later and delivered once', async () => {
    const p = await startPipeline();
    cleanups.push(() => p.close());
    await p.publish(flow([keywordTrigger('oi'), node('hi', 'message', { text: 'oi!' })], [edge('start', 'next', 'hi')]), 'Oi');
    p.wa.failNext({ httpStatus: 429, code: 130429, details: 'Rate limit hit' }, 2);
    await p.wa.inbound({ waId: '5511500000001' }, textMessage('oi'));
    await eventually(() => p.wa.sends.length === 1, 20_000);
    const [row] = await query(p.app.config.DATABASE_URL, "SELECT status, attempts FROM messages WHERE direction = 'out'");
    expect(row).toEqual({ status: 'sent', attempts: 3 });
  });

  it('when the number is being upgraded to a higher throughput (131057), then the reply waits and is delivered once', async () => {
    const p = await startPipeline();
    cleanups.push(() => p.close());
    await p.publish(flow([keywordTrigger('oi'), node('hi', 'message', { text: 'oi!' })], [edge('start', 'next', 'hi')]), 'Oi');
    p.wa.failNext({ httpStatus: 400, code: 131057, details: 'Business account is in maintenance mode' }, 2);
    await p.wa.inbound({ waId: '5511500000004' }, textMessage('oi'));
    await eventually(() => p.wa.sends.length === 1, 20_000);
    const [row] = await query(p.app.config.DATABASE_URL, "SELECT status, attempts FROM messages WHERE direction = 'out'");
    expect(row).toEqual({ status: 'sent', attempts: 3 });
  });

  it('when a send is outside the 24 h window (131047), then the message ends failed with the reason', async () => {
    const p = await startPipeline();
    cleanups.push(() => p.close());
    await p.publish(flow([keywordTrigger('oi'), node('hi', 'message', { text: 'oi!' })], [edge('start', 'next', 'hi')]), 'Oi');
    p.wa.failNext({ httpStatus: 200, code: 131047, details: 'More than 24 hours have passed since the customer last replied', async: true });
    await p.wa.inbound({ waId: '5511500000002' }, textMessage('oi'));
    const url = p.app.config.DATABASE_URL;
    const row = await eventually(async () => {
      const [r] = await query(url, "SELECT status, error FROM messages WHERE direction = 'out'");
      return r?.status === 'failed' ? r : null;
    });
    expect(row.error).toContain('131047');
    expect(row.error).toContain('24 hours');
  });

  it('when Meta rejects the message as invalid, then it fails at once without retries', async () => {
    const p = await startPipeline();
    cleanups.push(() => p.close());
    await p.publish(flow([keywordTrigger('oi'), node('hi', 'message', { text: 'oi!' })], [edge('start', 'next', 'hi')]), 'Oi');
    p.wa.failNext({ httpStatus: 400, code: 131026, details: 'Message undeliverable' });
    await p.wa.inbound({ waId: '5511500000003' }, textMessage('oi'));
    const url = p.app.config.DATABASE_URL;
    const row = await eventually(async () => {
      const [r] = await query(url, "SELECT status, error, attempts FROM messages WHERE direction = 'out'");
      return r?.status === 'failed' ? r : null;
    });
    expect(row).toMatchObject({ attempts: 1, error: '131026: Message undeliverable' });
  });
});
