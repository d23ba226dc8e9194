// Fair shares of the inbound and timers queues, through the real webhook, queues and workers: a
// workspace's burst does not hold every other workspace's customers behind it.
import { Queue } from 'bullmq';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../test/harness';
import { edge, flow, keywordTrigger, node } from '../../test/flow-docs';
import { eventually, otherWorkspace, startPipeline, type Pipeline } from '../../test/pipeline';
import { FAIR_QUOTA } from './fair-share';
import { QUEUES } from './queue-names';

let p: Pipeline;
let db: pg.Client;
let inbound: Queue;
let timers: Queue;

beforeAll(async () => {
  // One drain at a time, so the order the queue hands them out is the order they run; the sweeper
  // looks every half second.
  p = await startPipeline({}, { appStarter: (env) => startTestApp(env, { workerConcurrency: 1, sweepIntervalMs: 500 }) });
  db = new pg.Client({ connectionString: p.app.config.DATABASE_URL });
  await db.connect();
  inbound = new Queue(QUEUES.inbound, { connection: { url: p.app.config.REDIS_URL }, prefix: p.app.config.QUEUE_PREFIX });
  timers = new Queue(QUEUES.timers, { connection: { url: p.app.config.REDIS_URL }, prefix: p.app.config.QUEUE_PREFIX });
});

afterAll(async () => {
  for (const q of [inbound, timers]) {
    await q?.resume().catch(() => {});
    await q?.close();
  }
  await db?.end();
  await p?.close();
});

const eventsOf = async (tenantId: string, kind = 'message') =>
  (await db.query(`SELECT id, status, processed_at FROM inbound_events WHERE tenant_id = $1 AND kind = $2 ORDER BY id`, [tenantId, kind])).rows as { id: number; status: string; processed_at: Date | null }[];

/** A keyword, a one-second wait, a message: one timer per customer. */
const waitFlow = (keyword: string) =>
  flow(
    [keywordTrigger(keyword), node('pause', 'wait', { mode: 'delay', delaySeconds: 1 }), node('done', 'message', { text: 'Pronto!' })],
    [edge('start', 'next', 'pause'), edge('pause', 'next', 'done')],
  );

describe('the inbound and timers queues between workspaces', () => {
  it("when one workspace's customers send a burst, then another workspace's message is drained after a quota of it, not after all of it", async () => {
    const burst = await otherWorkspace(p, 'Promo Relâmpago', '106540352243201');
    const quiet = await otherWorkspace(p, 'Padaria Aurora', '106540352243202');
    const burstSize = 6 * FAIR_QUOTA;

    // The workers stop taking drains while the queue fills, as they would behind a long backlog.
    await inbound.pause();
    const phones = Array.from({ length: burstSize }, (_, i) => `55119730${String(i).padStart(5, '0')}`);
    for (let i = 0; i < phones.length; i += 25) {
      await Promise.all(phones.slice(i, i + 25).map((phone) => burst.inbound(phone, 'PROMO')));
    }
    await quiet.inbound('5511973999999', 'oi');
    await inbound.resume();

    const [quietEvent] = await eventually(async () => {
      const rows = await eventsOf(quiet.tenantId);
      return rows.length === 1 && rows[0]!.status === 'processed' ? rows : undefined;
    }, 30_000);
    const burstBefore = (await eventsOf(burst.tenantId)).filter((e) => e.processed_at && e.processed_at <= quietEvent!.processed_at!).length;
    // First come, first served would have drained the whole burst first.
    expect(burstBefore).toBeLessThanOrEqual(2 * FAIR_QUOTA);

    // Nothing of the burst is lost or doubled: every message is drained, once.
    await eventually(async () => (await eventsOf(burst.tenantId)).every((e) => e.status === 'processed'), 60_000);
    const rows = await eventsOf(burst.tenantId);
    expect(rows).toHaveLength(burstSize);
    const conversations = await db.query(`SELECT count(*)::int AS n FROM conversations WHERE tenant_id = $1`, [burst.tenantId]);
    expect(conversations.rows[0].n).toBe(burstSize);
  }, 120_000);

  it('when drains wait behind a backlog, then the sweeper adds no second job for a conversation whose drain is queued', async () => {
    const shop = await otherWorkspace(p, 'Floricultura Ipê', '106540352243203');
    await inbound.pause();
    await shop.inbound('5511974000001', 'oi');
    await shop.inbound('5511974000002', 'oi');
    const queued = async () => {
      const counts = await inbound.getJobCounts('prioritized', 'waiting', 'delayed');
      return Object.values(counts).reduce((a, b) => a + b, 0);
    };
    expect(await queued()).toBe(2);
    // The events are now older than what the sweeper treats as stranded, and it has looked several times.
    await new Promise((r) => setTimeout(r, 7_000));
    expect(await queued()).toBe(2);
    await inbound.resume();
    await eventually(async () => (await eventsOf(shop.tenantId)).filter((e) => e.status === 'processed').length === 2, 30_000);
  }, 60_000);

  it("when one workspace's wait steps all end at once, then another workspace's ends after a quota of them, not after all of them", async () => {
    const promo = await otherWorkspace(p, 'Promo Relógio', '106540352243204');
    const quiet = await otherWorkspace(p, 'Sorveteria Sol', '106540352243205');
    await promo.publish(waitFlow('relogio'));
    await quiet.publish(waitFlow('oi'));
    const burstSize = 6 * FAIR_QUOTA;

    // The timers worker stops while the waits start, as it would behind thousands of due timers.
    await timers.pause();
    const phones = Array.from({ length: burstSize }, (_, i) => `55119750${String(i).padStart(5, '0')}`);
    for (let i = 0; i < phones.length; i += 25) {
      await Promise.all(phones.slice(i, i + 25).map((phone) => promo.inbound(phone, 'relogio')));
    }
    await eventually(async () => (await eventsOf(promo.tenantId)).filter((e) => e.status === 'processed').length === burstSize, 60_000);
    await quiet.inbound('5511975999999', 'oi');
    await eventually(async () => (await eventsOf(quiet.tenantId))[0]?.status === 'processed', 30_000);
    // Every wait is over; the timers fire as the worker comes back.
    await new Promise((r) => setTimeout(r, 1_200));
    await timers.resume();

    const [quietTimer] = await eventually(async () => {
      const rows = await eventsOf(quiet.tenantId, 'timer');
      return rows.length === 1 ? rows : undefined;
    }, 30_000);
    const promoBefore = (await eventsOf(promo.tenantId, 'timer')).filter((e) => e.id < quietTimer!.id).length;
    expect(promoBefore).toBeLessThanOrEqual(2 * FAIR_QUOTA);

    // Every wait of the burst still ends, once.
    await eventually(async () => (await eventsOf(promo.tenantId, 'timer')).length === burstSize, 60_000);
    const fired = await db.query(`SELECT count(DISTINCT payload->'event'->>'token')::int AS n FROM inbound_events WHERE tenant_id = $1 AND kind = 'timer'`, [promo.tenantId]);
    expect(fired.rows[0].n).toBe(burstSize);
  }, 180_000);
});
