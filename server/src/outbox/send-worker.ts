// The send queue's job: drain one conversation's outbox, and come back when a message must wait.
// Sends run here, never in the inbound worker: a drain never waits on a provider. Each job takes a
// slot of its workspace and channel; when either is full the job hands its claims back and comes
// back a moment later, so a workspace whose provider hangs cannot fill the worker.
import type { Queues } from '../queues/queues';
import type { SendJob } from '../queues/queue-names';
import { drainOutbox, releaseClaims, sendPending, type OutboxDeps, type PendingSend } from './outbox';
import type { SendSlots } from './send-limits';
import { traceFields } from '../log/trace';

export type SendWorkerDeps = { outbox: OutboxDeps; queues: Queues; slots: SendSlots };

/** How soon a job that found its workspace or channel busy comes back (jittered). */
const BUSY_RETRY_MS = 250;
/**
 * How long a job waits in process for its workspace's or channel's slot before it is handed back
 * to the queue. A fast provider frees a slot within milliseconds; a slow or hanging one does not,
 * and its waiting jobs (at most DEFAULT_SEND_LIMITS.maxWaiting) then go back to the queue.
 */
const SLOT_WAIT_MS = 1_000;

export async function scheduleSendRetry(queues: Queues, tenantId: string, conversationId: string, delayMs: number) {
  await queues.send.add('drain', { tenantId, conversationId, ...traceFields() }, { delay: Math.max(0, Math.ceil(delayMs)) });
}

/** After the inbound drain committed: hand what it wrote to the send worker. */
export async function enqueueSend(queues: Queues, pending: PendingSend) {
  await queues.send.add('send', { tenantId: pending.tenantId, conversationId: pending.conversationId, pending, ...traceFields() });
}

export async function processSendJob(deps: SendWorkerDeps, job: SendJob, channelId?: string): Promise<void> {
  const channel = job.pending?.channelId ?? channelId ?? (await channelOf(deps, job));
  const release = channel ? await deps.slots.acquire(job.tenantId, channel, SLOT_WAIT_MS) : () => {};
  if (!release) {
    if (job.pending) await releaseClaims(deps.outbox.db, job.tenantId, job.pending.claimed);
    await scheduleSendRetry(deps.queues, job.tenantId, job.conversationId, BUSY_RETRY_MS * (0.5 + Math.random()));
    return;
  }
  try {
    const result = job.pending ? await sendPending(deps.outbox, job.pending) : await drainOutbox(deps.outbox, job.tenantId, job.conversationId);
    if (result.retryInMs !== null) await scheduleSendRetry(deps.queues, job.tenantId, job.conversationId, result.retryInMs);
  } finally {
    release();
  }
}

async function channelOf(deps: SendWorkerDeps, job: SendJob): Promise<string | null> {
  const row = await deps.outbox.db('conversations').where({ tenant_id: job.tenantId, id: job.conversationId }).first('channel_id');
  return (row?.channel_id as string | undefined) ?? null;
}
