// One store for the inbox, split into slices by concern. No I/O here: loading and the realtime
// line live in ../sync and update the store from outside.
import { createStore, useStore } from 'zustand';
import { createListSlice, type ListSlice } from './list-slice';
import { createPeopleSlice, type PeopleSlice } from './people-slice';
import { createThreadSlice, type ThreadSlice } from './thread-slice';

export type InboxState = ListSlice & ThreadSlice & PeopleSlice;

export const createInboxStore = () =>
  createStore<InboxState>()((...a) => ({ ...createListSlice(...a), ...createThreadSlice(...a), ...createPeopleSlice(...a) }));

export type InboxStore = ReturnType<typeof createInboxStore>;

/** The signed-in tab's inbox (the socket and the header's status share it across pages). */
export const inboxStore = createInboxStore();

export function useInbox<T>(selector: (s: InboxState) => T): T {
  return useStore(inboxStore, selector);
}
