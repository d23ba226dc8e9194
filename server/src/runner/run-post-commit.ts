// Performs what a committed drain asked for: hand the outbox to the send worker, queue timers
// and LLM calls. Nothing here waits on a provider.
import type { Logger } from '../log/logger';
import type { Queues } from '../queues/queues';
import type { OutboxDeps } from '../outbox/outbox';
import { enqueueSend } from '../outbox/send-worker';
import type { PostCommit } from './post-commit';
import { enqueueEffect } from './effects';

export type PostCommitDeps = { queues: Queues; outbox: OutboxDeps; log: Logger };

/** An agent is waiting to see the file: ~30 s of retries, then it is marked failed rather than left pending for hours. */
export const MEDIA_ATTEMPTS = 5;

export async function runPostCommit(deps: PostCommitDeps, post: PostCommit, job: { tenantId: string; channelId: string }) {
  const { queues } = deps;
  for (const token of post.cancelTimers) await queues.timers.remove(token).catch(() => 0);
  for (const effect of post.effects) await enqueueEffect(queues, effect);
  // One job per message (jobId): a re-run drain cannot queue the same download twice.
  for (const m of post.mediaDownloads) await queues.media.add('download', m, { jobId: m.messageId, attempts: MEDIA_ATTEMPTS, backoff: { type: 'exponential', delay: 2_000 } });
  for (const key of post.retryKeys) {
    await queues.inbound.add('drain', { tenantId: job.tenantId, channelId: job.channelId, conversationKey: key }, { delay: 1_000 });
  }
  for (const send of post.sends.values()) await enqueueSend(queues, send);
}
