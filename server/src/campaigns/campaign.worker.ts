// The loop that runs one campaign: one runner per campaign at a time (a Redis lock), batches
// small enough that a pause is honoured within a second, the sending window, the daily limit,
// gateway pacing, and a hand-over to a fresh job every half minute so no job runs long.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { ChannelCache } from '../channels/channel-cache';
import { forTenant } from '../db/tenant-db';
import { publishEvents } from '../events/publish';
import type { CampaignJob } from '../queues/queue-names';
import type { Queues } from '../queues/queues';
import { campaignRate, sendBatch, type SenderDeps, type SendResult } from './campaign-sender';
import { findCampaign, type CampaignRow } from './campaigns.queries';
import { beginScheduled, pauseForProblem } from './campaigns.service';
import { dailyLimitFor, dailyRoomFor } from './messaging-tier';
import * as r from './recipients.queries';
import { msUntilWindow } from './send-window';
import { recipientLeaseMs } from './send-timing';
import type { TemplatesClient } from '../channels/whatsapp/whatsapp.templates.client';

export type CampaignWorkDeps = SenderDeps & {
  channels: ChannelCache; queues: Queues; redis: Redis; prefix: string;
  /** Meta's template API: a template first heard of from its webhook is synced to get its text. */
  templates: TemplatesClient;
};

/** Live work waiting for a worker (customer messages to process, replies to send) beyond this: the campaign steps aside. */
const LIVE_BACKLOG = 4;
const YIELD_MS = 100;
const YIELD_CHECK_MS = 1_000;
const SLICE_MS = 30_000;
const BATCH_SECONDS = 0.25;

/** Wakes a campaign's runner; jobs in the same second collapse into one. */
export async function kickCampaign(queues: Queues, tenantId: string, campaignId: string, delayMs = 0, tag = 'k'): Promise<void> {
  const at = Date.now() + Math.max(0, delayMs);
  const job: CampaignJob = { tenantId, campaignId };
  await queues.campaigns.add('run', job, { delay: Math.max(0, delayMs), jobId: `${campaignId}-${tag}-${Math.floor(at / 1000)}`, removeOnComplete: true, removeOnFail: { age: 3600 } });
}

/**
 * Runs `fn` holding the campaign's lock. While the runner lives (also while it waits on slow
 * provider calls) the lock is renewed every third of its life, so no second runner starts beside
 * it; a runner that dies stops renewing and its campaign is taken over once the lock expires.
 */
async function withLock(deps: CampaignWorkDeps, campaignId: string, fn: (renew: () => Promise<boolean>) => Promise<void>): Promise<void> {
  const key = `${deps.prefix}:campaign-lock:${campaignId}`;
  const token = randomUUID();
  const lockMs = deps.timing.lockMs;
  if ((await deps.redis.set(key, token, 'PX', lockMs, 'NX')) !== 'OK') return;
  const renew = async () => (await deps.redis.eval(
    "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end", 1, key, token, String(lockMs),
  )) === 1;
  const heartbeat = setInterval(() => void renew().catch(() => false), lockMs / 3);
  try {
    await fn(renew);
  } finally {
    clearInterval(heartbeat);
    await deps.redis.eval("if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end", 1, key, token);
  }
}

const sleep = (ms: number) => new Promise((res) => setTimeout(res, ms));

export async function runCampaign(deps: CampaignWorkDeps, job: CampaignJob): Promise<void> {
  let next: number | null = null;
  await withLock(deps, job.campaignId, async (renew) => {
    next = await runSlice(deps, job, renew);
  });
  // A continuation is tagged apart from the job running now, so the two never collapse into one.
  if (next !== null) await kickCampaign(deps.queues, job.tenantId, job.campaignId, next, 'c');
}

/** Sends until done, paused or out of time; returns when to run again (ms), or null. */
async function runSlice(deps: CampaignWorkDeps, job: CampaignJob, renew: () => Promise<boolean>): Promise<number | null> {
  const tdb = forTenant(deps.db, job.tenantId);
  const until = Date.now() + SLICE_MS;
  let budget: { left: number; at: number } | null = null;
  // Batches in flight (claimed, being sent), oldest first: the next batch is claimed on its tick
  // without waiting for the last one's provider calls, so their latency does not slow the pace.
  const inFlight: InFlight[] = [];
  let tick = Date.now();
  /** Waits for the oldest batch in flight; returns when to run again, or undefined to go on. */
  const settleOldest = async (c: CampaignRow): Promise<number | null | undefined> => {
    const results = await inFlight.shift()!.done;
    if (budget) budget.left -= results.filter((x) => x === 'sent').length;
    const stop = results.find((x): x is { pause: string } => typeof x === 'object' && 'pause' in x);
    if (stop) {
      await Promise.allSettled(inFlight.splice(0).map((b) => b.done));
      await pauseForProblem(deps.db, c.tenant_id, c.id, stop.pause);
      deps.log.warn({ campaignId: c.id, reason: stop.pause }, 'campaign paused by the provider');
      return null;
    }
    const slow = results.filter((x): x is { slow: number } => typeof x === 'object' && 'slow' in x);
    if (slow.length > 0) {
      await sleep(Math.min(5_000, Math.max(...slow.map((s) => s.slow))));
      tick = Date.now();
    }
    // Gateways: a random human-like gap between sends.
    if (c.min_gap_ms !== null) await sleep(gapMs(c.min_gap_ms, c.max_gap_ms ?? c.min_gap_ms, results));
    return undefined;
  };
  const drain = async (c: CampaignRow) => {
    while (inFlight.length > 0) {
      const out = await settleOldest(c);
      if (out !== undefined) return out;
    }
    return undefined;
  };
  let last: CampaignRow | null = null;
  try {
    while (Date.now() < until) {
      if (!(await renew())) return null;
      const c = await findCampaign(tdb, job.campaignId);
      if (!c) return null;
      last = c;
      if (c.status === 'scheduled') return startScheduled(deps, job, c.scheduled_at);
      if (c.status !== 'running') return null;
      const channel = await deps.channels.get(c.channel_id);
      if (!channel) return null;
      const wait = msUntilWindow(new Date(), { start: c.window_start, end: c.window_end, timeZone: c.time_zone });
      if (wait > 0) return Math.min(wait, 3_600_000);
      const limit = dailyLimitFor(c, channel);
      if (limit !== null && (!budget || Date.now() - budget.at > 10_000)) {
        const out = await drain(c);
        if (out !== undefined) return out;
        budget = { left: (await dailyRoomFor(deps.db, { c, channel })) ?? limit, at: Date.now() };
      }
      if (budget && budget.left <= 0) return 300_000;
      // Live replies first: while customers' messages or the bot's replies queue up, no new batch.
      // The wait asks the queues only (no database work beside the live traffic), for up to a second
      // before the campaign's state is read again.
      if (await liveBacklog(deps.queues) > LIVE_BACKLOG) {
        for (let waited = 0; waited < YIELD_CHECK_MS; waited += YIELD_MS) {
          await sleep(YIELD_MS);
          if (await liveBacklog(deps.queues) <= LIVE_BACKLOG) break;
        }
        tick = Math.max(tick, Date.now());
        continue;
      }
      const paced = c.min_gap_ms !== null;
      const rate = campaignRate(c, channel);
      // What the daily limit leaves once the batches in flight are counted: none, settle them first.
      const room = budget ? budget.left - inFlight.reduce((n, b) => n + b.size, 0) : Infinity;
      if (room <= 0) {
        const out = await drain(c);
        if (out !== undefined) return out;
        continue;
      }
      const size = paced ? 1 : Math.min(room, Math.ceil(rate * BATCH_SECONDS));
      const claimedAt = Date.now();
      const batch = await r.claimRecipients(deps.db, c.tenant_id, c.id, size, recipientLeaseMs(deps.timing));
      if (batch.length === 0) {
        if (inFlight.length > 0) {
          const out = await drain(c);
          if (out !== undefined) return out;
          continue;
        }
        return finishOrWait(deps, c.tenant_id, c.id);
      }
      const done = sendBatch(deps, c, channel, batch, claimedAt);
      done.catch(() => {}); // awaited in turn below; a failure must not go unhandled meanwhile
      inFlight.push({ size: batch.length, done });
      if (paced || inFlight.length >= MAX_IN_FLIGHT) {
        const out = await settleOldest(c);
        if (out !== undefined) return out;
      }
      if (!paced) {
        // The pace: this batch's share of a second at the campaign's rate. A run that fell behind
        // catches up by at most a second's worth, never in a burst beyond that.
        tick = Math.max(tick + (batch.length / rate) * 1000, Date.now() - 1_000);
        if (tick > Date.now()) await sleep(tick - Date.now());
      }
    }
    return 0;
  } finally {
    // Whatever ended the slice, the sends already handed to the provider are recorded before the lock goes.
    if (last && inFlight.length > 0) await drain(last).catch((err) => deps.log.warn({ err: (err as Error).message }, 'campaign batch failed'));
  }
}

/** Batches the worker may have in flight at once: a second's worth (each sends at its start), so a pause holds within a second. */
const MAX_IN_FLIGHT = 4;
type InFlight = { size: number; done: Promise<SendResult[]> };

async function liveBacklog(queues: Queues): Promise<number> {
  const [inbound, send] = await Promise.all([queues.inbound.getWaitingCount(), queues.send.getWaitingCount()]).catch(() => [0, 0]);
  return inbound! + send!;
}

const gapMs = (min: number, max: number, results: SendResult[]) => (results.every((x) => x === 'skipped') ? 0 : min + Math.random() * (max - min));

async function startScheduled(deps: CampaignWorkDeps, job: CampaignJob, at: Date | null): Promise<number | null> {
  const wait = at ? new Date(at).getTime() - Date.now() : 0;
  if (wait > 0) return Math.min(wait, 3_600_000);
  return (await beginScheduled(deps.db, job.tenantId, job.campaignId)) ? 0 : null;
}

async function finishOrWait(deps: CampaignWorkDeps, tenantId: string, campaignId: string): Promise<number | null> {
  const due = await r.nextDue(deps.db, tenantId, campaignId);
  if (due) return Math.max(50, due.getTime() - Date.now());
  await forTenant(deps.db, tenantId).transaction(async (tx) => {
    const done = await tx.from('campaigns').where({ id: campaignId, status: 'running' }).update({ status: 'completed', finished_at: new Date(), updated_at: new Date() });
    if (done) await publishEvents(tx, [{ type: 'campaign.completed', payload: { campaignId } }]);
  });
  return null;
}

/**
 * Runs in every worker process: wakes running campaigns (a runner killed mid-slice leaves its lock
 * to expire and its leases to be reclaimed) and scheduled ones whose time came. Cheap: one indexed
 * query on the few active campaigns.
 */
export function startCampaignSweeper(deps: Pick<CampaignWorkDeps, 'db' | 'queues' | 'log'>, everyMs = 3_000): { stop(): Promise<void> } {
  const tick = async () => {
    const rows = await deps.db('campaigns').whereIn('status', ['running', 'scheduled'])
      .where((b) => b.where('status', 'running').orWhere('scheduled_at', '<=', new Date()))
      .select('id', 'tenant_id').limit(500);
    for (const c of rows) await kickCampaign(deps.queues, c.tenant_id, c.id);
  };
  // One sweep at a time, and stop() waits for the one in flight: the pool is destroyed next, and a
  // query started on a pool being destroyed waits out the acquire timeout (a minute).
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    running ??= tick().catch((err) => deps.log.warn({ err: err.message }, 'campaign sweep failed')).finally(() => (running = null));
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
