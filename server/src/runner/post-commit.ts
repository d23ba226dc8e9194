// Effects that must wait until the transaction committed: queue work that refers to rows the
// transaction wrote. If the process dies before these run, the sweeper finds the rows and redoes them.
import type { Recipient } from '../channels/channel-adapter';
import type { OutboundContent } from '../engine/actions';
import type { AiJob, MediaJob } from '../queues/queue-names';

/** Outbound messages a drain wrote for one conversation, in order; `claimed` ones this worker sends itself. */
export type PendingSend = {
  tenantId: string;
  conversationId: string;
  channelId: string;
  recipient: Recipient;
  messages: Array<{ id: string; payload: OutboundContent }>;
  claimed: string[];
};

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
