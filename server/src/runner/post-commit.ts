// Effects that must wait until the transaction committed: queue work that refers to rows the
// transaction wrote. If the process dies before these run, the sweeper finds the rows and redoes them.
import type { PendingSend } from '../outbox/outbox';
import type { MediaJob } from '../queues/queue-names';
import type { PendingEffect } from './effects';

export type PostCommit = {
  sends: Map<string, PendingSend>;
  /** Timers, LLM calls…: queued after commit, each by its entry in the effects registry. */
  effects: PendingEffect[];
  cancelTimers: string[];
  retryKeys: string[];
  mediaDownloads: MediaJob[];
  /** Another drain held the conversation: nothing was read; drain again shortly. */
  contended: boolean;
};

export const emptyPostCommit = (): PostCommit => ({
  sends: new Map(),
  effects: [],
  cancelTimers: [],
  retryKeys: [],
  mediaDownloads: [],
  contended: false,
});
