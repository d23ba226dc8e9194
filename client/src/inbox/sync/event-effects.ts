// What each domain event means for the screen. Events are invalidations: the rows and messages
// they name are re-read (coalesced per burst), so the screen always shows the server's truth.
import type { InboxEvent, MessageItem, Presence } from '../api/inbox-types';
import type { InboxStore } from '../store/inbox-store';

export interface EffectDeps {
  store: InboxStore;
  refreshConversation(id: string): Promise<void>;
  /** Re-reads the list's first page and merges it in: one request standing for many rows. */
  mergeFirstPage(): Promise<void>;
  refreshThreadMessages(id: string): Promise<void>;
  refreshBotInfo(id: string): Promise<void>;
  /** Re-reads the open chat's activity lines (who took it, closed it…). */
  refreshActivity(id: string): Promise<void>;
  refreshCounts(): void;
  markRead(id: string): void;
  /** A chat was handed to people (sound / browser notification when enabled). */
  onTransferred(event: InboxEvent): void;
  /** The signed-in agent's id, for the chats someone else (or automatic assignment) gives them. */
  meId(): string | null;
  /** A chat was assigned to the signed-in agent by someone else or automatically (sound / notification). */
  onAssignedToMe(event: InboxEvent): void;
  /** A teammate's note mentions the signed-in agent (sound / notification); `by`: who wrote it. */
  onMentioned(event: InboxEvent): void;
  /** Whether the chat is assigned to the signed-in agent (see my-chats). */
  isMine(conversationId: string): boolean;
  /** A customer wrote in one of the agent's chats, out of sight (sound / notification when enabled). */
  onCustomerMessage(event: InboxEvent): void;
  flushDelayMs?: number;
  now?: () => number;
}

/**
 * `row`: the chat may change, enter the list or move to its top (a new message). `shownRow`: it may
 * change but cannot enter the list or move (a delivery tick, a reaction): re-read only when shown.
 */
type Effect = 'row' | 'shownRow' | 'thread' | 'bot' | 'activity' | 'snooze' | 'read' | 'alert' | 'assigned' | 'mentioned' | 'reply' | 'presence' | 'contact';

const CONVERSATION: Effect[] = ['row', 'bot'];
/** A change that leaves a line in the thread (server: migration 0140's events). */
const CHANGE: Effect[] = [...CONVERSATION, 'activity'];
const MESSAGE: Effect[] = ['row', 'thread'];
const MESSAGE_CHANGE: Effect[] = ['shownRow', 'thread'];

/**
 * Chats not in the list re-read one by one, at most this many a second. Past it (a campaign opening
 * hundreds of chats, a flood of bot traffic) the list's first page is read once instead, at most
 * once per LIST_MERGE_MS, so an agent's browser makes a few requests a second, not hundreds.
 */
const UNSHOWN_PER_SECOND = 10;
const LIST_MERGE_MS = 2_000;
const EFFECTS: Record<string, Effect[]> = {
  'conversation.created': CONVERSATION,
  'conversation.transferred': [...CHANGE, 'alert'],
  'conversation.assigned': [...CHANGE, 'assigned'],
  'conversation.handed_back': CHANGE,
  'conversation.closed': CHANGE,
  'conversation.reopened': CHANGE,
  // A snooze set, ended or cleared by the customer's message leaves a line (server: migration 0240).
  'conversation.updated': [...CONVERSATION, 'snooze'],
  'conversation.bot_paused': CHANGE,
  'message.created': [...MESSAGE, 'bot', 'mentioned'],
  // Only a customer's message is "received": the agents', the bot's and notes are "created" or "sent".
  'message.received': [...MESSAGE, 'read', 'bot', 'reply'],
  'message.sent': MESSAGE,
  'message.delivered': MESSAGE_CHANGE,
  'message.read': MESSAGE_CHANGE,
  'message.failed': MESSAGE_CHANGE,
  'message.media_stored': MESSAGE_CHANGE,
  'message.played': MESSAGE_CHANGE,
  'message.reacted': MESSAGE_CHANGE,
  'message.edited': MESSAGE_CHANGE,
  'message.deleted': MESSAGE_CHANGE,
  'contact.updated': ['contact'],
  'presence.changed': ['presence'],
};

const pageVisible = () => typeof document === 'undefined' || document.visibilityState === 'visible';

const isMessage = (m: unknown): m is MessageItem =>
  typeof m === 'object' && m !== null && typeof (m as MessageItem).id === 'string' && typeof (m as MessageItem).createdAt === 'string';

/** How long "typing…" shows without a fresh signal (a sender repeats it while the person types). */
export const TYPING_SHOWN_MS = 8_000;

export function createEventEffects(deps: EffectDeps) {
  const typingEnds = new Map<string, ReturnType<typeof setTimeout>>();
  const rows = new Set<string>();
  const shownRows = new Set<string>();
  const threads = new Set<string>();
  const bots = new Set<string>();
  const activities = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const now = deps.now ?? Date.now;
  let second = { start: -Infinity, spent: 0 };
  let merge: { last: number; timer: ReturnType<typeof setTimeout> | null } = { last: -Infinity, timer: null };

  const mergeSoon = () => {
    if (merge.timer) return;
    const wait = Math.max(0, merge.last + LIST_MERGE_MS - now());
    merge.timer = setTimeout(() => {
      merge = { last: now(), timer: null };
      void deps.mergeFirstPage();
    }, wait);
  };

  const refreshRows = (open: string | undefined) => {
    const state = deps.store.getState();
    const shown = new Set(state.items.map((c) => c.id));
    if (open) shown.add(open);
    for (const id of shownRows) if (shown.has(id)) rows.add(id);
    const unshown = [...rows].filter((id) => !shown.has(id));
    if (now() - second.start >= 1_000) second = { start: now(), spent: 0 };
    const oneByOne = second.spent + unshown.length <= UNSHOWN_PER_SECOND;
    if (oneByOne) second.spent += unshown.length;
    else mergeSoon();
    for (const id of rows) if (shown.has(id) || oneByOne) void deps.refreshConversation(id);
  };

  const flush = () => {
    timer = null;
    const open = deps.store.getState().thread?.id;
    refreshRows(open);
    for (const id of threads) if (id === open) void deps.refreshThreadMessages(id);
    for (const id of bots) if (id === open) void deps.refreshBotInfo(id);
    for (const id of activities) if (id === open) void deps.refreshActivity(id);
    if (rows.size) deps.refreshCounts();
    rows.clear();
    shownRows.clear();
    threads.clear();
    bots.clear();
    activities.clear();
  };
  const schedule = () => {
    timer ??= setTimeout(flush, deps.flushDelayMs ?? 40);
  };

  const run: Record<Effect, (e: InboxEvent, id: string | undefined) => void> = {
    row: (_e, id) => id && rows.add(id),
    shownRow: (_e, id) => id && shownRows.add(id),
    thread: (e, id) => {
      if (!id) return;
      threads.add(id);
      // A full message in the payload shows at once; the re-read confirms it.
      if (isMessage(e.message)) deps.store.getState().mergeThreadMessages(id, [e.message]);
    },
    bot: (_e, id) => id && bots.add(id),
    activity: (_e, id) => id && activities.add(id),
    snooze: (e, id) => id && typeof e.snooze === 'string' && activities.add(id),
    read: (_e, id) => {
      if (id && id === deps.store.getState().thread?.id && pageVisible()) deps.markRead(id);
    },
    alert: (e) => deps.onTransferred(e),
    // Given to me by a teammate, a supervisor or automatic assignment; taking it myself is no news.
    assigned: (e) => {
      const me = deps.meId();
      if (me && e.assigneeId === me && e.by !== me && e.status !== 'closed') deps.onAssignedToMe(e);
    },
    // A note that calls me in, written by someone else: mentioning myself is no news, and neither is
    // a note in the chat I am looking at (it appears in the thread, highlighted).
    mentioned: (e, id) => {
      const me = deps.meId();
      if (!me || e.note !== true || !Array.isArray(e.mentions) || !e.mentions.includes(me) || e.by === me) return;
      if (id && id === deps.store.getState().thread?.id && pageVisible()) return;
      deps.onMentioned(e);
    },
    // The open chat in a visible tab is read as it arrives: no alert for what the agent is looking at.
    reply: (e, id) => {
      if (!id || !deps.isMine(id)) return;
      if (id === deps.store.getState().thread?.id && pageVisible()) return;
      deps.onCustomerMessage(e);
    },
    presence: (e) => {
      if (typeof e.userId === 'string') deps.store.getState().setPresenceOf(e.userId, e.status as Presence);
    },
    contact: (e, id) => {
      const contactId = e.contactId;
      const ids = id ? [id] : deps.store.getState().items.filter((c) => c.contact.id === contactId).map((c) => c.id);
      ids.forEach((x) => rows.add(x));
    },
  };

  return {
    apply(events: InboxEvent[]) {
      for (const e of events) for (const effect of EFFECTS[e.type] ?? []) run[effect](e, e.conversationId);
      schedule();
    },
    /** Non-stored events (typing). */
    transient(name: string, payload: Record<string, unknown>) {
      if (name !== 'conversation.typing' || payload.who !== 'contact' || typeof payload.conversationId !== 'string') return;
      const id = payload.conversationId;
      const on = payload.on === true;
      clearTimeout(typingEnds.get(id));
      typingEnds.delete(id);
      deps.store.getState().setContactTyping(id, on);
      // Someone who closes the page mid-word never says they stopped: "typing…" ends on its own.
      if (on) typingEnds.set(id, setTimeout(() => {
        typingEnds.delete(id);
        deps.store.getState().setContactTyping(id, false);
      }, TYPING_SHOWN_MS));
    },
  };
}
