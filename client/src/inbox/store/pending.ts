// The chats that need the agent: the ones waiting for someone to take them, plus the agent's own
// with a customer message not read yet (the two never overlap: a chat someone holds is not waiting).
// The tab's title counts them all; a phone's back button, over the open chat, counts the others.
import type { Counts } from '../api/inbox-types';

type PendingCounts = Pick<Counts, 'waiting' | 'mineUnread'> | null | undefined;

export const pendingChats = (counts: PendingCounts): number => (counts?.waiting ?? 0) + (counts?.mineUnread ?? 0);

/** Those besides the open chat, which is one of the waiting ones until someone takes it. */
export const pendingElsewhere = (counts: PendingCounts, openStatus: string | undefined): number =>
  Math.max(0, pendingChats(counts) - (openStatus === 'waiting' ? 1 : 0));
