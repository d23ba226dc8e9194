// The inbox queue's jobs: assign one transferred conversation, or work through a workspace's
// queue (an agent came online or finished a chat). Each is safe to run twice.
import type { InboxJob } from '../queues/queue-names';
import { assignQueue, autoAssign } from './auto-assign';
import type { InboxWorkDeps } from './inbox-sweep';

export async function processInboxJob(deps: InboxWorkDeps, job: InboxJob): Promise<void> {
  if (job.task === 'assign_conversation') await autoAssign(deps, job.tenantId, job.conversationId);
  else await assignQueue(deps, job.tenantId);
}
