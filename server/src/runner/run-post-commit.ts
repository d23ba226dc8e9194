// Performs what a committed drain asked for: send the outbox, queue timers and LLM calls.
// Sending happens inline (one queue hop per message); anything that must wait goes to the queues.
import type { Logger } from '../log/logger';
import type { Queues } from '../queues/queues';
import { sendPending, type OutboxDeps } from '../outbox/outbox';
import { scheduleSendRetry } from '../outbox/send-worker';
import type { PostCommit } from './post-commit';

export type PostCommitDeps = { queues: Queues; outbox: OutboxDeps; log: Logger };

/** An agent is waiting to see the file: ~30 s of retries, then it is marked failed rather than left pending for hours. */
export const MEDIA_ATTEMPTS = 5;

export async function runPostCommit(deps: PostCommitDeps, post: PostCommit, job: { tenantId: string; channelId: string }) {
  const { queues } = deps;
  for (const token of post.cancelTimers) await queues.timers.remove(token).catch(() => 0);
  for (const t of post.timers) {
    await queues.timers.add('timer', { tenantId: job.tenantId, channelId: job.channelId, conversationKey: t.conversationKey, conversationId: t.conversationId, token: t.token }, { delay: t.delayMs, jobId: t.token });
  }
  for (const call of post.llmCalls) await queues.ai.add('llm', call, { jobId: call.token, attempts: 1 });
  // One job per message (jobId): a re-run drain cannot queue the same download twice.
  for (const m of post.mediaDownloads) await queues.media.add('download', m, { jobId: m.messageId, attempts: MEDIA_ATTEMPTS, backoff: { type: 'exponential', delay: 2_000 } });
  for (const key of post.retryKeys) {
    await queues.inbound.add('drain', { tenantId: job.tenantId, channelId: job.channelId, conversationKey: key }, { delay: 1_000 });
  }
  for (const send of post.sends.values()) {
    const result = await sendPending(deps.outbox, send);
    if (result.retryInMs !== null) await scheduleSendRetry(queues, send.tenantId, send.conversationId, result.retryInMs);
  }
}
