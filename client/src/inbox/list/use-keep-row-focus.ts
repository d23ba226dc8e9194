// A chat row with the keyboard's focus that leaves the list (taken with A out of Waiting, or moved
// out by a live update) took the focus with it, to the page: the agent carries on from the row that
// took its place instead (the next one, the one before when it was the last), or from the folders
// when the list is left empty.
import { useEffect } from 'react';
import { focusedRowId, refocusRow } from '../focus';
import { inboxStore } from '../store/inbox-store';
import { inPlaceOf } from '../store/list-ops';

export function useKeepRowFocus(): void {
  useEffect(
    () =>
      // The store tells before the list is drawn again: the focus is still on the row then.
      inboxStore.subscribe((s, prev) => {
        if (s.items === prev.items) return;
        const id = focusedRowId();
        if (id) refocusRow(inPlaceOf(prev.items, s.items, id));
      }),
    [],
  );
}
