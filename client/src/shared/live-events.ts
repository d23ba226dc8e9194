// The app keeps one realtime line per tab (inbox/sync/live.ts, open while someone is signed in) and
// hands every event it applies here too, so a page can follow the workspace's changes without a
// socket of its own. Events come once each, in id order, caught up after a reconnect.

/** A pushed domain event: `{id, type, at, ...payload}` (server/src/realtime/pushed-events.ts). */
export type LiveEvent = { id: number; type: string; [key: string]: unknown };

export type LiveListener = {
  onEvents(events: readonly LiveEvent[]): void;
  /** The line was cut for too long to replay what was missed: anything on screen may be stale. */
  onResync?(): void;
};

const listeners = new Set<LiveListener>();

export function subscribeLive(listener: LiveListener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export function publishLive(events: readonly LiveEvent[]): void {
  if (events.length) for (const l of listeners) l.onEvents(events);
}

export function publishResync(): void {
  for (const l of listeners) l.onResync?.();
}
