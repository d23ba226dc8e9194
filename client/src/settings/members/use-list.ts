import { useCallback, useEffect, useRef, useState } from 'react';
import { isRetryable } from '../../api/errors';

/** A failed load is tried again after these waits before the list says it failed (a moment's outage, a restart). */
const RETRY_AFTER_MS = [1_000, 3_000];

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * `load`'s answer, trying again after each of `waits` while it fails in a way that may pass; the
 * last failure is thrown. Gives up early (throws) once `wanted()` is false: a newer load took over,
 * or the page left.
 */
export async function withRetries<T>(load: () => Promise<T>, waits: readonly number[], wanted: () => boolean = () => true): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await load();
    } catch (err) {
      if (n >= waits.length || !wanted() || !isRetryable(err)) throw err;
      await sleep(waits[n]!);
      if (!wanted()) throw err;
    }
  }
}

/**
 * Loads a list once and on demand; `error` is true once a load and its retries failed. The newest load
 * wins. `update` changes the items in place, for what is known before the next load answers.
 */
export function useList<T>(load: () => Promise<{ items: T[] }>) {
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState(false);
  const latest = useRef(0);
  const reload = useCallback(() => {
    const run = ++latest.current;
    const current = () => run === latest.current;
    withRetries(load, RETRY_AFTER_MS, current).then(
      (r) => {
        if (!current()) return;
        setItems(r.items);
        setError(false);
      },
      () => {
        if (current()) setError(true);
      },
    );
  }, [load]);
  useEffect(() => {
    reload();
    const runs = latest;
    return () => void ++runs.current; // unmounted: a late answer or retry does nothing
  }, [reload]);
  const update = useCallback((change: (items: T[]) => T[]) => setItems((now) => now && change(now)), []);
  return { items, error, reload, update };
}
