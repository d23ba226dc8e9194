// Effects that must wait until the transaction committed: queue work that refers to rows the
// transaction wrote. If the process dies before these run, the sweeper finds the rows and redoes them.
import type { PendingSend } from '../outbox/outbox';
import type { AiJob, MediaJob } from '../queues/queue-names';

export type PostCommit = {
  sends: Map<string, PendingSend>;
  timers: Array<{ token: string; delayMs: number; conversationKey: string; conversationId: string }>;
  cancelTimers: string[];
  llmCalls: AiJob[];
  retryKeys: string[];
  mediaDownloads: MediaJob[];
};

export const emptyPostCommit = (): PostCommit => ({
  sends: new Map(),
  timers: [],
  cancelTimers: [],
  llmCalls: [],
  retryKeys: [],
  mediaDownloads: [],
});
