// Performs what a committed drain asked for: start or queue the sends, queue timers and LLM
// calls. Nothing here waits on a provider.
import type { Logger } from '../log/logger';
import type { Queues } from '../queues/queues';
import type { OutboxDeps } from '../outbox/outbox';
import { enqueueSend } from '../outbox/send-worker';
import type { LocalSends } from '../outbox/local-sends';
import type { PostCommit } from './post-commit';
import { enqueueEffect } from './effects';
import { addDrains } from '../queues/drain-jobs';
import { traceFields } from '../log/trace';

export type PostCommitDeps = { queues: Queues; outbox: OutboxDeps; log: Logger; localSends?: LocalSends };

/** An agent is waiting to see the file: ~30 s of retries, then it is marked failed rather than left pending for hours. */
export const MEDIA_ATTEMPTS = 5;

/** How soon a drain that found its conversation busy comes back (a drain takes a few ms). */
const CONTENDED_RETRY_MS = 100;

export async function runPostCommit(deps: PostCommitDeps, post: PostCommit, job: { tenantId: string; channelId: string; conversationKey: string }) {
  const { queues } = deps;
  if (post.contended) {
    // Soon, jittered, and one waiting job per conversation however many drains found it busy.
    const delay = Math.round(CONTENDED_RETRY_MS * (0.5 + Math.random()));
    await addDrains(queues, [{ tenantId: job.tenantId, channelId: job.channelId, conversationKey: job.conversationKey, ...traceFields() }], { delay, dedupe: true });
    return;
  }
  for (const token of post.cancelTimers) await queues.timers.remove(token).catch(() => 0);
  for (const effect of post.effects) await enqueueEffect(queues, effect);
  // One job per message (jobId): a re-run drain cannot queue the same download twice.
  for (const m of post.mediaDownloads) await queues.media.add('download', m, { jobId: m.messageId, attempts: MEDIA_ATTEMPTS, backoff: { type: 'exponential', delay: 2_000 } });
  await addDrains(queues, post.retryKeys.map((conversationKey) => ({ tenantId: job.tenantId, channelId: job.channelId, conversationKey })), { delay: 1_000 });
  // Sent from this process when it has room (one queue hop less per reply), else by the send worker.
  for (const send of post.sends.values()) if (!deps.localSends?.start(send)) await enqueueSend(queues, send);
}
