// The inbox's domain-event consumer: filters and enqueues assignment work, nothing more.
import type { DomainEventRow, Listener } from '../events/listener';
import type { InboxJob } from '../queues/queue-names';
import type { Queues } from '../queues/queues';

export function inboxListener(queues: Queues): Listener {
  const one = (e: DomainEventRow) => {
    const job: InboxJob = { task: 'assign_conversation', tenantId: e.tenant_id, conversationId: String(e.payload.conversationId) };
    return queues.inbox.add(job.task, job).then(() => undefined);
  };
  // One pending queue run per workspace is enough (the job id dedupes while it waits).
  const queue = (e: DomainEventRow) => {
    const job: InboxJob = { task: 'assign_queue', tenantId: e.tenant_id };
    return queues.inbox.add(job.task, job, { jobId: `queue-${e.tenant_id}`, removeOnComplete: true, removeOnFail: true }).then(() => undefined);
  };
  return {
    name: 'inbox',
    handlers: {
      'conversation.transferred': one,
      // Moved to a team's queue with nobody on it.
      'conversation.assigned': (e) => (e.payload.assigneeId == null ? one(e) : undefined),
      // Someone's load dropped, or someone came online: the queue may move.
      'conversation.closed': (e) => (e.payload.assigneeId ? queue(e) : undefined),
      'conversation.handed_back': queue,
      'presence.changed': (e) => (e.payload.status === 'online' ? queue(e) : undefined),
    },
  };
}
