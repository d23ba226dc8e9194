// The conversation list on screen: folder and filters, rows, paging, counts and the selected chat.
import type { StateCreator } from 'zustand';
import type { ConversationItem, Counts, ListFilter } from '../api/inbox-types';
import { appendPage, matchesFilter, upsertConversation } from './list-ops';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface ListSlice {
  filter: ListFilter;
  items: ConversationItem[];
  nextCursor: string | null;
  listStatus: LoadStatus;
  loadingMore: boolean;
  counts: Counts | null;
  selectedId: string | null;
  setFilter(patch: Partial<ListFilter>): void;
  setFirstPage(items: ConversationItem[], nextCursor: string | null): void;
  addPage(items: ConversationItem[], nextCursor: string | null): void;
  setListStatus(status: LoadStatus): void;
  setLoadingMore(on: boolean): void;
  /** A fresh copy of one conversation (after an event): placed, moved or dropped per the filter. */
  applyConversation(item: ConversationItem, meId: string | null, allSnoozed?: boolean): void;
  removeConversation(id: string): void;
  setCounts(counts: Counts): void;
  select(id: string | null): void;
}

export const defaultFilter: ListFilter = { folder: 'waiting', channelId: null, teamId: null, tag: null, q: '' };

export const createListSlice: StateCreator<ListSlice> = (set) => ({
  filter: defaultFilter,
  items: [],
  nextCursor: null,
  listStatus: 'idle',
  loadingMore: false,
  counts: null,
  selectedId: null,
  setFilter: (patch) => set((s) => ({ filter: { ...s.filter, ...patch }, items: [], nextCursor: null, listStatus: 'loading' })),
  setFirstPage: (items, nextCursor) => set({ items, nextCursor, listStatus: 'ready' }),
  addPage: (items, nextCursor) => set((s) => ({ items: appendPage(s.items, items), nextCursor, loadingMore: false })),
  setListStatus: (listStatus) => set({ listStatus }),
  setLoadingMore: (loadingMore) => set({ loadingMore }),
  applyConversation: (item, meId, allSnoozed = false) =>
    set((s) => {
      const shown = s.items.some((c) => c.id === item.id);
      // With a text search on, only the server knows whether a new row matches: keep to the rows shown.
      const belongs = matchesFilter(item, s.filter, meId, Date.now(), allSnoozed) && (shown || !s.filter.q.trim());
      // A row beyond the loaded pages would arrive there anyway when scrolling: do not pull it in early.
      const last = s.items.at(-1);
      const beyondPages = !shown && s.nextCursor !== null && last !== undefined && item.lastMessageAt < last.lastMessageAt;
      return { items: upsertConversation(s.items, item, belongs && !beyondPages) };
    }),
  removeConversation: (id) => set((s) => ({ items: s.items.filter((c) => c.id !== id) })),
  setCounts: (counts) => set({ counts }),
  select: (selectedId) => set({ selectedId }),
});
