// Opens a conversation: details, the newest messages, its activity lines, the bot's session and run log, then marks
// it read. Newer messages are merged in on events; older ones load on scroll.
import { isMissingRecord } from '../../api/errors';
import { inboxApi } from '../api/inbox-api';
import { inboxStore, type InboxStore } from '../store/inbox-store';
import { unsentOf } from './unsent';

export async function openConversation(id: string | null, store: InboxStore = inboxStore): Promise<void> {
  store.getState().select(id);
  store.getState().openThread(id);
  if (!id) return;
  // Texts that failed before a reload show again with their retry (the same tab's are already parked with the chat).
  const shown = new Set(store.getState().thread?.pending.map((p) => p.localId) ?? []);
  for (const p of unsentOf(id)) if (!shown.has(p.localId)) store.getState().addPending(id, { ...p, state: 'failed' });
  try {
    const [detail, page] = await Promise.all([inboxApi.get(id), inboxApi.messages(id, null)]);
    store.getState().setDetail(id, detail);
    store.getState().mergeThreadMessages(id, page.items, page.nextCursor);
  } catch (err) {
    store.getState().setThreadStatus(id, isMissingRecord(err) ? 'missing' : 'error');
    return;
  }
  void refreshBotInfo(id, store);
  void refreshActivity(id, store);
  void markRead(id, store);
}

/**
 * Marks the chat read. `always`: a message just came in while the chat is open, and the row still
 * shows the 0 of before it (its re-read comes later), so the row cannot say whether there is
 * anything to mark.
 */
export async function markRead(id: string, store: InboxStore = inboxStore, always = false): Promise<void> {
  const row = store.getState().items.find((c) => c.id === id);
  if (!always && row && row.unreadCount === 0) return;
  try {
    await inboxApi.read(id);
    // The badge goes at once; the row's next re-read agrees.
    const now = store.getState().items.find((c) => c.id === id);
    if (now) store.setState((s) => ({ items: s.items.map((c) => (c.id === id ? { ...c, unreadCount: 0 } : c)) }));
  } catch {
    // Unread stays; opening the chat again retries.
  }
}

export async function refreshThreadMessages(id: string, store: InboxStore = inboxStore): Promise<void> {
  try {
    const page = await inboxApi.messages(id, null);
    store.getState().mergeThreadMessages(id, page.items);
  } catch {
    // The next event or reconnect reads again.
  }
}

export async function loadOlder(store: InboxStore = inboxStore): Promise<void> {
  const t = store.getState().thread;
  if (!t?.olderCursor) return;
  const page = await inboxApi.messages(t.id, t.olderCursor);
  store.getState().mergeThreadMessages(t.id, page.items, page.nextCursor);
}

export async function refreshBotInfo(id: string, store: InboxStore = inboxStore): Promise<void> {
  const [session, runlog] = await Promise.all([
    inboxApi.session(id).catch(() => null),
    inboxApi.runlog(id).then((r) => r.items, () => []),
  ]);
  store.getState().setBotInfo(id, session, runlog);
}

/** The chat's activity lines; on failure the thread shows its messages alone (the next change reads again). */
export async function refreshActivity(id: string, store: InboxStore = inboxStore): Promise<void> {
  const lines = await inboxApi.activity(id).catch(() => null);
  if (lines) store.getState().setActivity(id, lines);
}
