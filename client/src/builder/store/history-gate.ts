// Decides which document changes become undo entries. Typing in a panel field would otherwise add
// one entry per keystroke: consecutive edits of the same field are merged into one entry, and the
// edit ends when the field loses focus (endEdit), another field changes, or undo/redo runs. So
// Ctrl+Z inside a field takes back the whole edit, not one character.
import type { StoreApi } from 'zustand';

type HandleSet<S> = (past: S, replace: undefined, current: S, delta?: Partial<S> | null) => void;

export interface HistoryGate {
  /** Runs `change` so that its history entry merges with the previous one of the same key. */
  merged(key: string, change: () => void): void;
  /** Forget the merge streak: the next edit starts a new entry. */
  reset(): void;
  /** zundo `handleSet` option. */
  handleSet<S>(inner: StoreApi<S>['setState']): HandleSet<S>;
}

export function createHistoryGate(): HistoryGate {
  let pendingKey: string | null = null;
  let lastKey: string | null = null;
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
      lastKey = null;
    },
    handleSet(inner) {
      const record = inner as unknown as HandleSet<unknown>;
      return (past, replace, current, delta) => {
        if (pendingKey !== null && pendingKey === lastKey) return;
        lastKey = pendingKey;
        record(past, replace, current, delta);
      };
    },
  };
}
