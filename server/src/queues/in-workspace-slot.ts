// A queue's job run in a slot of its workspace and channel (workspace-slots.ts). A job that gets
// none within a second goes back to the queue for a moment: a workspace whose calls hang holds its
// own few slots, and the other workspaces' jobs still find free ones.
import { DelayedError, type Job, type Processor } from 'bullmq';
import { SLOT_WAIT_MS, type WorkspaceSlots } from './workspace-slots';

/** How soon a handed-back job comes back (jittered, so a workspace's jobs do not come back together). */
const HAND_BACK_MS = 1_000;

/** Puts a running job back in the queue, behind the jobs waiting there, after `delayMs` (not a retry: no attempt is used). */
export async function handBack(job: Job, token: string | undefined, delayMs = 0): Promise<never> {
  await job.moveToDelayed(Date.now() + delayMs, token);
  throw new DelayedError();
}

/** A job of no channel (a webhook delivery) is bounded by its workspace alone. */
export function inWorkspaceSlot<T extends { tenantId: string; channelId?: string }>(slots: WorkspaceSlots, work: Processor<T>): Processor<T> {
  return async (job, token, signal) => {
    const { tenantId, channelId = tenantId } = job.data;
    const release = await slots.acquire(tenantId, channelId, SLOT_WAIT_MS);
    if (!release) return handBack(job, token, HAND_BACK_MS * (0.5 + Math.random()));
    try {
      return await work(job, token, signal);
    } finally {
      release();
    }
  };
}
