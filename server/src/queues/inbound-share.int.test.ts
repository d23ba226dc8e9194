// Fair shares of the inbound queue, through the real webhook, queue and worker: a workspace's burst
// does not hold every other workspace's customers behind it.
import { Queue } from 'bullmq';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../test/harness';
import { eventually, otherWorkspace, startPipeline, type Pipeline } from '../../test/pipeline';
import { FAIR_QUOTA } from './fair-share';
import { QUEUES } from './queue-names';

let p: Pipeline;
let db: pg.Client;
let inbound: Queue;

beforeAll(async () => {
  // One drain at a time, so the order the queue hands them out is the order they run; the sweeper
  // looks every half second.
  p = await startPipeline({}, { appStarter: (env) => startTestApp(env, { workerConcurrency: 1, sweepIntervalMs: 500 }) });
  db = new pg.Client({ connectionString: p.app.config.DATABASE_URL });
  await db.connect();
  inbound = new Queue(QUEUES.inbound, { connection: { url: p.app.config.REDIS_URL }, prefix: p.app.config.QUEUE_PREFIX });
});

afterAll(async () => {
  await inbound?.resume().catch(() => {});
  await inbound?.close();
  await db?.end();
  await p?.close();
});

const eventsOf = async (tenantId: string) =>
  (await db.query(`SELECT status, processed_at FROM inbound_events WHERE tenant_id = $1 AND kind = 'message'`, [tenantId])).rows as { status: string; processed_at: Date | null }[];

describe("the inbound queue between workspaces", () => {
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
});
