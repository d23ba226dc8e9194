// Decides which document changes become undo entries. Typing in a panel field would otherwise add
// one entry per keystroke: edits that share a key within a second are merged into one entry.
import type { StoreApi } from 'zustand';

const MERGE_WINDOW_MS = 1000;

type HandleSet<S> = (past: S, replace: undefined, current: S, delta?: Partial<S> | null) => void;

export interface HistoryGate {
  /** Runs `change` so that its history entry merges with the previous one of the same key. */
  merged(key: string, change: () => void): void;
  /** Forget the merge streak (after undo/redo the next edit must start a new entry). */
  reset(): void;
  /** zundo `handleSet` option. */
  handleSet<S>(inner: StoreApi<S>['setState']): HandleSet<S>;
}

export function createHistoryGate(now: () => number = Date.now): HistoryGate {
  let pendingKey: string | null = null;
  let last: { key: string | null; at: number } = { key: null, at: 0 };
  return {
    merged(key, change) {
      pendingKey = key;
      try {
        change();
      } finally {
        pendingKey = null;
      }
    },
    reset() {
      last = { key: null, at: 0 };
    },
    handleSet(inner) {
      const record = inner as unknown as HandleSet<unknown>;
      return (past, replace, current, delta) => {
        const t = now();
        if (pendingKey !== null && pendingKey === last.key && t - last.at < MERGE_WINDOW_MS) {
          last.at = t;
          return;
        }
        last = { key: pendingKey, at: t };
        record(past, replace, current, delta);
      };
    },
  };
}
