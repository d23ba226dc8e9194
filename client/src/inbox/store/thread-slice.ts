// The open conversation: its details, messages (oldest first), local sends not yet confirmed,
// the bot's session and run log, and whether the customer is typing.
import type { StateCreator } from 'zustand';
import type { ActivityLine, ConversationDetail, MessageItem, RunLogItem, SessionInfo } from '../api/inbox-types';
import type { LoadStatus } from './list-slice';
import { mergeMessages, withoutConfirmed } from './thread-ops';

export interface PendingSend {
  localId: string;
  /** Idempotency-Key: the same for every retry of this one message. */
  key: string;
  /**
   * `caption`: the text sent with a file (WhatsApp shows it under a picture, video or document).
   * `replyTo`: the message it answers, quoted on its bubble while it is on its way.
   */
  body: ({ text: string } | { mediaId: string; fileName: string; caption?: string }) & { replyTo?: NonNullable<MessageItem['replyTo']> };
  /** `uploading`: a file still on its way to our storage (mediaId is empty until it is there). */
  state: 'uploading' | 'sending' | 'failed';
  serverId: string | null;
  createdAt: string;
}

export interface ThreadState {
  id: string;
  detail: ConversationDetail | null;
  messages: MessageItem[];
  olderCursor: string | null;
  /** `missing`: no such conversation here (deleted, or a link from another workspace). */
  status: LoadStatus | 'missing';
  pending: PendingSend[];
  session: SessionInfo | null;
  runlog: RunLogItem[];
  /** Transfers, assignments, hand-backs, closes and reopens: lines between the messages. */
  activity: ActivityLine[];
  contactTyping: boolean;
}

export interface ThreadSlice {
  thread: ThreadState | null;
  /**
   * Sends of chats the agent moved away from before they went through: a failed one waits here with
   * its retry until its chat is opened again. One confirmed meanwhile leaves (its chat loads it).
   */
  parked: Record<string, PendingSend[]>;
  openThread(id: string | null): void;
  setDetail(id: string, detail: ConversationDetail): void;
  setThreadStatus(id: string, status: ThreadState['status']): void;
  mergeThreadMessages(id: string, items: MessageItem[], olderCursor?: string | null): void;
  setBotInfo(id: string, session: SessionInfo | null, runlog: RunLogItem[]): void;
  setActivity(id: string, activity: ActivityLine[]): void;
  addPending(id: string, p: PendingSend): void;
  updatePending(id: string, localId: string, patch: Partial<PendingSend>): void;
  dropPending(id: string, localId: string): void;
  setContactTyping(id: string, on: boolean): void;
}

const empty = (id: string): ThreadState => ({
  id, detail: null, messages: [], olderCursor: null, status: 'loading', pending: [], session: null, runlog: [], activity: [], contactTyping: false,
});

/** Changes a parked chat's sends; the confirmed ones leave. */
function repark(parked: Record<string, PendingSend[]>, id: string, fn: (p: PendingSend[]) => PendingSend[]) {
  if (!parked[id]) return parked;
  const left = fn(parked[id]).filter((p) => !p.serverId);
  const { [id]: _gone, ...rest } = parked;
  return left.length ? { ...rest, [id]: left } : rest;
}

export const createThreadSlice: StateCreator<ThreadSlice> = (set) => {
  /** Updates the open thread only if it is still `id` (answers for a chat left behind are dropped). */
  const patch = (id: string, fn: (t: ThreadState) => Partial<ThreadState>) =>
    set((s) => (s.thread?.id === id ? { thread: { ...s.thread, ...fn(s.thread) } } : s));
  /** Changes `id`'s sends, whether its chat is open or parked. */
  const changePending = (id: string, fn: (p: PendingSend[]) => PendingSend[]) =>
    set((s) => (s.thread?.id === id ? { thread: { ...s.thread, pending: withoutConfirmed(fn(s.thread.pending), s.thread.messages) } } : { parked: repark(s.parked, id, fn) }));
  return {
    thread: null,
    parked: {},
    openThread: (id) =>
      set((s) => {
        if (s.thread?.id === id) return s;
        const { [id ?? '']: back = [], ...parked } = s.parked;
        const left = s.thread?.pending.filter((p) => !p.serverId) ?? [];
        if (s.thread && left.length) parked[s.thread.id] = left;
        return { thread: id ? { ...empty(id), pending: back } : null, parked };
      }),
    setDetail: (id, detail) => patch(id, () => ({ detail })),
    setThreadStatus: (id, status) => patch(id, () => ({ status })),
    mergeThreadMessages: (id, items, olderCursor) =>
      patch(id, (t) => {
        const messages = mergeMessages(t.messages, items);
        return {
          messages,
          pending: withoutConfirmed(t.pending, messages),
          status: 'ready',
          ...(olderCursor !== undefined ? { olderCursor } : {}),
        };
      }),
    setBotInfo: (id, session, runlog) => patch(id, () => ({ session, runlog })),
    setActivity: (id, activity) => patch(id, () => ({ activity })),
    addPending: (id, p) => patch(id, (t) => ({ pending: [...t.pending, p] })),
    updatePending: (id, localId, change) => changePending(id, (all) => all.map((p) => (p.localId === localId ? { ...p, ...change } : p))),
    dropPending: (id, localId) => changePending(id, (all) => all.filter((p) => p.localId !== localId)),
    setContactTyping: (id, on) => patch(id, () => ({ contactTyping: on })),
  };
};
