import { useCallback, useEffect, useState } from 'react';

/** Loads a list once and on demand; `error` is true after a failed load. */
export function useList<T>(load: () => Promise<{ items: T[] }>) {
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState(false);
  const reload = useCallback(() => {
    load().then((r) => { setItems(r.items); setError(false); }, () => setError(true));
  }, [load]);
  useEffect(reload, [reload]);
  return { items, error, reload };
}
