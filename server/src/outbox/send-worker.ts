// The send queue's job: drain one conversation's outbox, and come back when a message must wait.
import type { Queues } from '../queues/queues';
import type { SendJob } from '../queues/queue-names';
import { drainOutbox, type OutboxDeps } from './outbox';

export async function scheduleSendRetry(queues: Queues, tenantId: string, conversationId: string, delayMs: number) {
  await queues.send.add('drain', { tenantId, conversationId }, { delay: Math.max(0, Math.ceil(delayMs)) });
}

export async function processSendJob(deps: { outbox: OutboxDeps; queues: Queues }, job: SendJob): Promise<void> {
  const result = await drainOutbox(deps.outbox, job.tenantId, job.conversationId);
  if (result.retryInMs !== null) await scheduleSendRetry(deps.queues, job.tenantId, job.conversationId, result.retryInMs);
}
