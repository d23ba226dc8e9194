// What each domain event means for the screen. Events are invalidations: the rows and messages
// they name are re-read (coalesced per burst), so the screen always shows the server's truth.
import type { InboxEvent, MessageItem, Presence } from '../api/inbox-types';
import type { InboxStore } from '../store/inbox-store';

export interface EffectDeps {
  store: InboxStore;
  refreshConversation(id: string): Promise<void>;
  refreshThreadMessages(id: string): Promise<void>;
  refreshBotInfo(id: string): Promise<void>;
  refreshCounts(): void;
  markRead(id: string): void;
  /** A chat was handed to people (sound / browser notification when enabled). */
  onTransferred(event: InboxEvent): void;
  flushDelayMs?: number;
}

type Effect = 'row' | 'thread' | 'bot' | 'read' | 'alert' | 'presence' | 'contact';

const CONVERSATION: Effect[] = ['row', 'bot'];
const MESSAGE: Effect[] = ['row', 'thread'];
const EFFECTS: Record<string, Effect[]> = {
  'conversation.created': CONVERSATION,
  'conversation.transferred': [...CONVERSATION, 'alert'],
  'conversation.assigned': CONVERSATION,
  'conversation.handed_back': CONVERSATION,
  'conversation.closed': CONVERSATION,
  'conversation.reopened': CONVERSATION,
  'conversation.updated': CONVERSATION,
  'conversation.bot_paused': CONVERSATION,
  'message.created': [...MESSAGE, 'bot'],
  'message.received': [...MESSAGE, 'read', 'bot'],
  'message.sent': MESSAGE,
  'message.delivered': MESSAGE,
  'message.read': MESSAGE,
  'message.failed': MESSAGE,
  'message.media_stored': MESSAGE,
  'message.played': MESSAGE,
  'message.reacted': MESSAGE,
  'message.edited': MESSAGE,
  'message.deleted': MESSAGE,
  'contact.updated': ['contact'],
  'presence.changed': ['presence'],
};

const isMessage = (m: unknown): m is MessageItem =>
  typeof m === 'object' && m !== null && typeof (m as MessageItem).id === 'string' && typeof (m as MessageItem).createdAt === 'string';

export function createEventEffects(deps: EffectDeps) {
  const rows = new Set<string>();
  const threads = new Set<string>();
  const bots = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  const flush = () => {
    timer = null;
    const open = deps.store.getState().thread?.id;
    for (const id of rows) void deps.refreshConversation(id);
    for (const id of threads) if (id === open) void deps.refreshThreadMessages(id);
    for (const id of bots) if (id === open) void deps.refreshBotInfo(id);
    if (rows.size) deps.refreshCounts();
    rows.clear();
    threads.clear();
    bots.clear();
  };
  const schedule = () => {
    timer ??= setTimeout(flush, deps.flushDelayMs ?? 40);
  };

  const run: Record<Effect, (e: InboxEvent, id: string | undefined) => void> = {
    row: (_e, id) => id && rows.add(id),
    thread: (e, id) => {
      if (!id) return;
      threads.add(id);
      // A full message in the payload shows at once; the re-read confirms it.
      if (isMessage(e.message)) deps.store.getState().mergeThreadMessages(id, [e.message]);
    },
    bot: (_e, id) => id && bots.add(id),
    read: (_e, id) => {
      const visible = typeof document === 'undefined' || document.visibilityState === 'visible';
      if (id && id === deps.store.getState().thread?.id && visible) deps.markRead(id);
    },
    alert: (e) => deps.onTransferred(e),
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
      deps.store.getState().setContactTyping(payload.conversationId, payload.on === true);
    },
  };
}
