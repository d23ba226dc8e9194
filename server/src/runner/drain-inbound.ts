// The inbound worker's job: under the conversation's advisory lock, process every pending event of
// that conversation in arrival order, in ONE transaction that also writes the session, the outbox
// rows, the run log, the domain events and the "processed" marks. Jobs carry only the conversation
// key, so duplicates and sweeper re-enqueues are harmless: a second drain finds nothing to do.
import { prepared } from '../db/prepared';
import { forTenant, type TenantDb } from '../db/tenant-db';
import type { InboundJob } from '../queues/queue-names';
import { handleEcho } from './handle-echo';
import { handleEngineEvent } from './handle-engine-event';
import { handleMessage } from './handle-message';
import { handleStatus } from './handle-status';
import { handleUpdate } from './handle-update';
import { finishDrain } from './finish-drain.queries';
import { leaseOf } from '../outbox/outbox';
import { emptyPostCommit, type PostCommit } from './post-commit';
import type { DrainContext, EventHandler, InboundEventRow, RunnerDeps } from './runner-context';
import { isTransient } from '../db/transient-errors';

export const INBOUND_KINDS = ['message', 'echo', 'update', 'status', 'timer', 'llm_result', 'llm_failed', 'effect'] as const;
export type InboundKind = (typeof INBOUND_KINDS)[number];

const handlers = {
  message: handleMessage,
  echo: handleEcho,
  update: handleUpdate,
  status: handleStatus,
  timer: handleEngineEvent,
  llm_result: handleEngineEvent,
  llm_failed: handleEngineEvent,
  effect: handleEngineEvent,
} satisfies Record<InboundKind, EventHandler>;

const BATCH = 200;

/** A handler failed on this event for a reason of its own (not the database or Redis being busy). */
export class EventFailure extends Error {
  constructor(readonly eventId: number, readonly reason: unknown) {
    super(`event ${eventId} failed: ${(reason as Error)?.message ?? String(reason)}`);
  }
}

/** The conversation's events waiting to be drained, oldest first. */
export const receivedEvents = (tx: TenantDb, conversationKey: string): Promise<InboundEventRow[]> =>
  tx
    .from('inbound_events')
    .where({ conversation_key: conversationKey, status: 'received' })
    .orderBy('id')
    .limit(BATCH)
    .select('id', 'kind', 'channel_id', 'conversation_key', 'payload', 'received_at')
    .options(prepared('drain_events'));

/** Failed drains of one event before it is set aside (dead-lettered) and the conversation goes on. */
export const EVENT_ATTEMPTS = 3;

/**
 * One drain of the conversation. Events before `stopBefore` only: the one at `stopBefore` failed
 * and waits for its retry, while what came before it goes on.
 */
export async function drainInbound(deps: RunnerDeps, job: InboundJob, stopBefore?: number): Promise<PostCommit> {
  const post = emptyPostCommit();
  await deps.db.transaction(async (trx) => {
    const tx = forTenant(trx, job.tenantId);
    // Another drain of this conversation is running: come back after it instead of holding a pool
    // connection while waiting for its lock (it may have started before our events were stored).
    const locked = await trx.raw('SELECT pg_try_advisory_xact_lock(hashtextextended(?, 0)) AS ok', [`in:${job.tenantId}:${job.conversationKey}`]).options(prepared('drain_lock'));
    if (!locked.rows[0].ok) {
      post.contended = true;
      return;
    }
    const events = await receivedEvents(tx, job.conversationKey);
    const ctx: DrainContext = { deps, tx, now: new Date(), post, conversationKey: job.conversationKey };
    const done: number[] = [];
    for (const event of events) {
      if (stopBefore !== undefined && event.id >= stopBefore) {
        post.retryKeys.push(job.conversationKey);
        break;
      }
      const handler = handlers[event.kind as InboundKind];
      let outcome: Awaited<ReturnType<EventHandler>>;
      try {
        outcome = handler ? await handler(ctx, event) : 'done';
      } catch (err) {
        // The whole drain rolls back either way (PostgreSQL aborts the transaction); only a failure
        // of the event's own is counted against it.
        throw isTransient(err) ? err : new EventFailure(event.id, err);
      }
      // Stop at the first event that must wait: later ones may not overtake it.
      if (outcome === 'retry') {
        post.retryKeys.push(job.conversationKey);
        break;
      }
      done.push(event.id);
    }
    await finishDrain(tx, job.conversationKey, done, [...post.sends.values()], leaseOf(deps.outbox));
    if (events.length === BATCH && done.length === BATCH) post.retryKeys.push(job.conversationKey);
  });
  return post;
}

/**
 * Drains the conversation, isolating a poison event: when one event's handler fails for a reason
 * of its own, the failure is counted on that event, the events before it are processed now and
 * it is retried later; after EVENT_ATTEMPTS it is set aside as failed with the reason (the
 * dead-letter view lists it) and the events after it are processed. Transient errors (deadlock,
 * serialization, pool timeout, a lost connection, Redis) are thrown as they are: the job is
 * retried and no event is charged for them.
 */
export async function drainConversation(deps: RunnerDeps, job: InboundJob): Promise<PostCommit> {
  let stopBefore: number | undefined;
  for (let round = 0; ; round++) {
    try {
      return await drainInbound(deps, job, stopBefore);
    } catch (err) {
      if (!(err instanceof EventFailure)) throw err;
      if (round >= BATCH) throw err.reason;
      const failed = await recordEventFailure(deps, job.tenantId, err.eventId, err.reason);
      deps.log.warn(
        { eventId: err.eventId, conversationKey: job.conversationKey, attempts: failed.attempts, deadLettered: failed.deadLettered, err: errorText(err.reason) },
        failed.deadLettered ? 'inbound event set aside after repeated failures' : 'inbound event failed; will retry',
      );
      stopBefore = failed.deadLettered ? undefined : err.eventId;
    }
  }
}

/** The reason, without the SQL text a query builder puts before a database error's own message. */
function errorText(err: unknown): string {
  const message = (err as Error)?.message ?? String(err);
  const sqlPrefixed = (err as { routine?: unknown }).routine !== undefined && message.includes(' - ');
  return (sqlPrefixed ? message.slice(message.lastIndexOf(' - ') + 3) : message).slice(0, 2000);
}

async function recordEventFailure(deps: RunnerDeps, tenantId: string, eventId: number, reason: unknown): Promise<{ attempts: number; deadLettered: boolean }> {
  const res = await forTenant(deps.db, tenantId).raw(
    `UPDATE inbound_events SET attempts = attempts + 1, error = :error,
       status = CASE WHEN attempts + 1 >= :max THEN 'failed' ELSE status END,
       processed_at = CASE WHEN attempts + 1 >= :max THEN now() ELSE processed_at END
     WHERE tenant_id = :tenant AND id = :id AND status = 'received'
     RETURNING attempts, status`,
    { error: errorText(reason), max: EVENT_ATTEMPTS, tenant: tenantId, id: eventId },
  );
  const row = res.rows[0] as { attempts: number; status: string } | undefined;
  // Gone or already settled by another drain: nothing left to hold the conversation back.
  return row ? { attempts: row.attempts, deadLettered: row.status === 'failed' } : { attempts: 0, deadLettered: true };
}
