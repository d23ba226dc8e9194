// The send queue's job: drain one conversation's outbox, and come back when a message must wait.
// Sends run here, never in the inbound worker: a drain never waits on a provider. Each provider
// call takes a slot of its workspace and channel, waiting in line for it a moment; when none comes
// the message is handed back and the job comes back later, so a workspace whose provider hangs
// holds a few slots and cannot fill the worker.
import type { Queues } from '../queues/queues';
import type { SendJob } from '../queues/queue-names';
import { drainOutbox, sendPending, type OutboxDeps, type PendingSend } from './outbox';
import { SLOT_WAIT_MS, type SlotLimits, type WorkspaceSlots } from '../queues/workspace-slots';
import { traceFields } from '../log/trace';

export type SendWorkerDeps = { outbox: OutboxDeps; queues: Queues; slots: WorkspaceSlots };

/**
 * Provider calls in flight per workspace and per channel in one worker process, and sends allowed to
 * wait for one (up to SLOT_WAIT_MS; then the message is handed back).
 */
export const SEND_LIMITS: SlotLimits = { perWorkspace: 4, perChannel: 4, maxWaiting: 16 };

export async function scheduleSendRetry(queues: Queues, tenantId: string, conversationId: string, delayMs: number) {
  await queues.send.add('drain', { tenantId, conversationId, ...traceFields() }, { delay: Math.max(0, Math.ceil(delayMs)) });
}

/** After the inbound drain committed: hand what it wrote to the send worker. */
export async function enqueueSend(queues: Queues, pending: PendingSend) {
  await queues.send.add('send', { tenantId: pending.tenantId, conversationId: pending.conversationId, pending, ...traceFields() });
}

/**
 * `started`: how many times the queue has started this job, this run included. A job started
 * again (its worker died or stalled past its lock, or it failed) may find its pre-claimed messages
 * already sent, or still being sent by a run that is alive: it sends nothing on the strength of the
 * drain's claim and drains by leases instead, which skip a message another run holds.
 */
export async function processSendJob(deps: SendWorkerDeps, job: SendJob, started = 1): Promise<void> {
  // Slots are taken per message around the provider call (outbox.sendClaimed), not for the job.
  const outbox = { ...deps.outbox, gate: (tenantId: string, channelId: string) => deps.slots.acquire(tenantId, channelId, SLOT_WAIT_MS) };
  const result = job.pending && started <= 1 ? await sendPending(outbox, job.pending) : await drainOutbox(outbox, job.tenantId, job.conversationId);
  if (result.retryInMs !== null) await scheduleSendRetry(deps.queues, job.tenantId, job.conversationId, result.retryInMs);
}
