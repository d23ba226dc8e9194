// The inbound worker's job: under the conversation's advisory lock, process every pending event of
// that conversation in arrival order, in ONE transaction that also writes the session, the outbox
// rows, the run log, the domain events and the "processed" marks. Jobs carry only the conversation
// key, so duplicates and sweeper re-enqueues are harmless: a second drain finds nothing to do.
import { forTenant } from '../db/tenant-db';
import type { InboundJob } from '../queues/queue-names';
import { handleEcho } from './handle-echo';
import { handleEngineEvent } from './handle-engine-event';
import { handleMessage } from './handle-message';
import { handleStatus } from './handle-status';
import { handleUpdate } from './handle-update';
import { finishDrain } from './finish-drain.queries';
import { emptyPostCommit, type PostCommit } from './post-commit';
import type { DrainContext, EventHandler, InboundEventRow, RunnerDeps } from './runner-context';

export const INBOUND_KINDS = ['message', 'echo', 'update', 'status', 'timer', 'llm_result', 'llm_failed'] as const;
export type InboundKind = (typeof INBOUND_KINDS)[number];

const handlers = {
  message: handleMessage,
  echo: handleEcho,
  update: handleUpdate,
  status: handleStatus,
  timer: handleEngineEvent,
  llm_result: handleEngineEvent,
  llm_failed: handleEngineEvent,
} satisfies Record<InboundKind, EventHandler>;

const BATCH = 200;

export async function drainInbound(deps: RunnerDeps, job: InboundJob): Promise<PostCommit> {
  const post = emptyPostCommit();
  await deps.db.transaction(async (trx) => {
    const tx = forTenant(trx, job.tenantId);
    await trx.raw('SELECT pg_advisory_xact_lock(hashtextextended(?, 0))', [`in:${job.tenantId}:${job.conversationKey}`]);
    const events: InboundEventRow[] = await tx
      .from('inbound_events')
      .where({ conversation_key: job.conversationKey, status: 'received' })
      .orderBy('id')
      .limit(BATCH)
      .select('id', 'kind', 'channel_id', 'conversation_key', 'payload', 'received_at');
    const ctx: DrainContext = { deps, tx, now: new Date(), post, conversationKey: job.conversationKey };
    const done: number[] = [];
    for (const event of events) {
      const handler = handlers[event.kind as InboundKind];
      const outcome = handler ? await handler(ctx, event) : 'done';
      // Stop at the first event that must wait: later ones may not overtake it.
      if (outcome === 'retry') {
        post.retryKeys.push(job.conversationKey);
        break;
      }
      done.push(event.id);
    }
    await finishDrain(tx, done, [...post.sends.values()]);
    if (events.length === BATCH && done.length === BATCH) post.retryKeys.push(job.conversationKey);
  });
  return post;
}

/**
 * After a drain failed repeatedly, set its oldest pending event aside as failed so the rest of
 * the conversation is not blocked forever by one poison event.
 */
export async function setAsidePoisonEvent(deps: RunnerDeps, job: InboundJob, error: string): Promise<void> {
  const tx = forTenant(deps.db, job.tenantId);
  const first = await tx.from('inbound_events').where({ conversation_key: job.conversationKey, status: 'received' }).orderBy('id').first('id');
  if (first) await tx.from('inbound_events').where({ id: first.id }).update({ status: 'failed', error: error.slice(0, 2000), processed_at: new Date() });
}
