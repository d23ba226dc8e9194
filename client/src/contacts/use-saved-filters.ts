import { useCallback, useEffect, useState } from 'react';
import { savedFiltersApi, type SavedFilter } from './contacts-api';

/** The workspace's saved contact filters (empty while loading or when they cannot be read). */
export function useSavedFilters(enabled = true): SavedFilter[] {
  return useSavedFilterList(enabled).items;
}

export function useSavedFilterList(enabled = true) {
  const [items, setItems] = useState<SavedFilter[]>([]);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    const abort = new AbortController();
    savedFiltersApi.list(abort.signal).then((r) => setItems(r.items), () => !abort.signal.aborted && setItems([]));
    return () => abort.abort();
  }, [enabled, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { items, reload };
}
