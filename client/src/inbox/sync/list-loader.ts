// Loads the conversation list for the current filter (first page, more on scroll) and the folder
// counts. Only the newest request per kind may write to the store.
import { useAuthStore } from '../../auth/auth-store';
import { inboxApi } from '../api/inbox-api';
import { inboxStore, type InboxStore } from '../store/inbox-store';
import { seesAllSnoozed } from '../snooze/snooze-scope';

let listCtrl: AbortController | null = null;
let countsTimer: ReturnType<typeof setTimeout> | null = null;

const meId = () => useAuthStore.getState().user?.id ?? null;
const allSnoozed = () => seesAllSnoozed(useAuthStore.getState().role);

export async function loadFirstPage(store: InboxStore = inboxStore): Promise<void> {
  listCtrl?.abort();
  const ctrl = (listCtrl = new AbortController());
  const filter = store.getState().filter;
  store.getState().setListStatus('loading');
  try {
    const page = await inboxApi.list(filter, null, ctrl.signal, allSnoozed());
    if (!ctrl.signal.aborted) store.getState().setFirstPage(page.items, page.nextCursor);
  } catch {
    if (!ctrl.signal.aborted) store.getState().setListStatus('error');
  }
}

export async function loadMore(store: InboxStore = inboxStore): Promise<void> {
  const s = store.getState();
  if (!s.nextCursor || s.loadingMore || s.listStatus !== 'ready') return;
  s.setLoadingMore(true);
  const filter = s.filter;
  try {
    const page = await inboxApi.list(filter, s.nextCursor, undefined, allSnoozed());
    // The filter changed meanwhile: this page belongs to another list.
    if (store.getState().filter === filter) store.getState().addPage(page.items, page.nextCursor);
    else store.getState().setLoadingMore(false);
  } catch {
    store.getState().setLoadingMore(false);
  }
}

/** Counts move with every event: one request per burst. */
export function refreshCounts(store: InboxStore = inboxStore, delayMs = 150): void {
  if (countsTimer) return;
  countsTimer = setTimeout(() => {
    countsTimer = null;
    inboxApi.counts().then((c) => store.getState().setCounts(c), () => undefined);
  }, delayMs);
}

/** Re-reads one conversation and places it in the list (and the open thread's header). */
export async function refreshConversation(id: string, store: InboxStore = inboxStore): Promise<void> {
  try {
    const detail = await inboxApi.get(id);
    store.getState().applyConversation(detail, meId(), allSnoozed());
    store.getState().setDetail(id, detail);
  } catch (err) {
    if ((err as { status?: number }).status === 404) store.getState().removeConversation(id);
  }
}

/**
 * Re-reads the first page for the current filter and merges it in: no spinner, later pages kept.
 * One request standing for a burst of chats the list does not show yet.
 */
export async function mergeFirstPage(store: InboxStore = inboxStore): Promise<void> {
  const filter = store.getState().filter;
  try {
    const page = await inboxApi.list(filter, null, undefined, allSnoozed());
    if (store.getState().filter !== filter) return;
    for (const item of page.items) store.getState().applyConversation(item, meId(), allSnoozed());
  } catch {
    // The next event or a resync reads it again.
  }
}
