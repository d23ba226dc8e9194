// Recovers work whose job was lost: inbound events stored while Redis was down, outbox messages
// whose sender died, timers and LLM calls that never came back. Re-enqueueing is always safe
// because every job is an idempotent drain.
import type { Knex } from 'knex';
import type { Logger } from '../log/logger';
import type { Queues } from '../queues/queues';
import { addDrains } from '../queues/drain-jobs';
import { sweepInbox, type InboxWorkDeps } from '../inbox/inbox-sweep';
import { requeueStalledImports } from '../contacts/import-sweep';
import { insertInternalEvent } from '../messages/internal-events';
import { purgeExpired, type RetentionDeps } from './retention';
import { scheduleSendRetry } from '../outbox/send-worker';
import * as q from './sweeper.queries';
import { isEffectKind, lostEvent } from './effects';

export type SweeperDeps = { db: Knex; queues: Queues; log: Logger; inbox?: InboxWorkDeps };

export async function sweep(deps: SweeperDeps): Promise<{ inbound: number; outbox: number; wakes: number; media: number }> {
  // First, and on its own: it needs no Redis, and a failure below must not hold back a due timeout.
  if (deps.inbox) {
    const inbox = await sweepInbox(deps.inbox).catch((err) => {
      deps.log.warn({ err: (err as Error).message }, 'inbox sweep failed; will retry');
      return { noAgent: 0, assigned: 0 };
    });
    if (inbox.noAgent + inbox.assigned) deps.log.info(inbox, 'sweeper: inbox timeouts and assignments');
  }
  const inbound = await q.strandedInbound(deps.db);
  if (inbound.length) {
    // Behind a backlog most of these still have their drain waiting: one per conversation, not one per sweep.
    await addDrains(deps.queues, inbound.map((r) => ({ tenantId: r.tenant_id, channelId: r.channel_id, conversationKey: r.conversation_key })), { dedupe: true });
  }
  const outbox = await q.strandedOutbox(deps.db);
  for (const r of outbox) await scheduleSendRetry(deps.queues, r.tenant_id, r.conversation_id, 0);
  const wakes = await q.overdueWakes(deps.db);
  for (const w of wakes) await recoverWake(deps, w);
  // Same job id as the first attempt: a download still queued or running is not doubled.
  const media = await q.strandedMedia(deps.db);
  for (const m of media) await deps.queues.media.add('download', { tenantId: m.tenant_id, messageId: m.id }, { jobId: m.id });
  if (inbound.length + outbox.length + wakes.length + media.length) {
    deps.log.info({ inbound: inbound.length, outbox: outbox.length, wakes: wakes.length, media: media.length }, 'sweeper re-enqueued stranded work');
  }
  return { inbound: inbound.length, outbox: outbox.length, wakes: wakes.length, media: media.length };
}

async function recoverWake(deps: SweeperDeps, w: q.OverdueWake) {
  const conversationKey = `${w.channel_id}:${w.external_id}`;
  const base = { tenantId: w.tenant_id, channelId: w.channel_id, conversationKey, conversationId: w.conversation_id, token: w.wake_token };
  // A kind this version does not know (written by a newer one) has nothing to feed back.
  const lost = isEffectKind(w.wake_kind) ? lostEvent(w.wake_kind, w.wake_token) : null;
  const stored = lost ? await insertInternalEvent(deps.db, { ...base, ...lost }) : false;
  // Already answered (or already recovered): stop looking at this session.
  if (!stored) await q.clearWake(deps.db, w.tenant_id, w.id);
  else await addDrains(deps.queues, [{ tenantId: w.tenant_id, channelId: w.channel_id, conversationKey }]);
}

export async function housekeeping(deps: SweeperDeps & RetentionDeps) {
  const expired = await q.expireIdleSessions(deps.db);
  const closed = await q.closeStaleConversations(deps.db);
  const purged = await purgeExpired(deps);
  await requeueStalledImports(deps.db, deps.queues).catch((err) => deps.log.warn({ err: (err as Error).message }, 'import requeue failed'));
  const purgedAny = purged !== null && Object.values(purged).some((n) => n > 0);
  if (expired + closed || purgedAny) deps.log.info({ expired, closed, purged }, 'housekeeping');
}

const SWEEP_LOCK = 7_261_001; // arbitrary, fixed advisory lock id for "one sweeper at a time"

/**
 * Sweeps every `intervalMs` until stopped. `stop()` resolves once a sweep in flight has ended: the
 * caller destroys the pool next, and a pool being destroyed hands out no connection, so a sweep
 * still running would wait for one until the acquire timeout (a minute) while holding the sweep's
 * lock and its own connection, and the next process could not sweep that database meanwhile.
 */
export function startSweeperTimer(deps: SweeperDeps, intervalMs: number): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  const tick = async () => {
    try {
      await deps.db.transaction(async (trx) => {
        const got = await trx.raw('SELECT pg_try_advisory_xact_lock(?) AS ok', [SWEEP_LOCK]);
        if (got.rows[0].ok) await sweep(deps);
      });
    } catch (err) {
      deps.log.warn({ err: (err as Error).message }, 'sweep failed; will retry');
    }
  };
  const timer = setInterval(() => {
    running ??= tick().finally(() => (running = null));
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
