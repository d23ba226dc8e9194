// The inbox's live line to the server: one socket.io connection per signed-in tab. Every domain
// event goes through the sequencer (once, in id order); after a reconnect the events missed while
// offline are read back from GET /v1/events before the buffered live ones are applied.
import type { InboxEvent } from '../api/inbox-types';
import { createEventSequencer } from './event-sequencer';

export type ConnectionState = 'connecting' | 'online' | 'reconnecting';

/** The part of a socket.io client socket this module uses (a fake one in unit tests). */
export interface SocketLike {
  connected: boolean;
  on(event: string, fn: (...args: never[]) => void): unknown;
  onAny(fn: (name: string, payload: unknown) => void): unknown;
  emit(event: string, payload: unknown): unknown;
  connect(): unknown;
  disconnect(): unknown;
}

export interface RealtimeDeps {
  socket: SocketLike;
  fetchEvents(after: number): Promise<{ items: InboxEvent[]; nextAfter: number | null; hasMore?: boolean }>;
  /** The workspace's newest event id: where to start when nothing has been seen yet. */
  fetchLatest?(): Promise<number | null>;
  onEvents(events: InboxEvent[]): void;
  /** Events that are not stored (typing): no id, no catch-up. */
  onTransient(name: string, payload: Record<string, unknown>): void;
  /** Too far behind (or no starting point): reload what is on screen instead of replaying. */
  onResync(): void;
  onState(state: ConnectionState): void;
  /** Called when the server refuses the token; should refresh it (the next attempt reads the new one). */
  refreshAuth(): Promise<void>;
  retryMs?: number;
}

const MAX_CATCH_UP_PAGES = 25;

const isEvent = (p: unknown): p is InboxEvent =>
  typeof p === 'object' && p !== null && typeof (p as InboxEvent).id === 'number' && typeof (p as InboxEvent).type === 'string';

/** Network failures and server errors are worth retrying; a 4xx answer will not change. */
function retryable(err: unknown): boolean {
  const status = (err as { status?: unknown } | null)?.status;
  return typeof status !== 'number' || status === 0 || status === 429 || status >= 500;
}

export interface RealtimeConnection {
  readonly highest: number | null;
  /** Starting point known from elsewhere (e.g. the newest event id when the page loaded). */
  seed(highest: number): void;
  emit(event: string, payload: unknown): void;
  close(): void;
}

export function createRealtimeConnection(deps: RealtimeDeps): RealtimeConnection {
  const seq = createEventSequencer(deps.onEvents);
  const { socket } = deps;
  const retryMs = deps.retryMs ?? 2000;
  let everConnected = false;
  let generation = 0;
  let closed = false;

  async function catchUp(gen: number): Promise<void> {
    if (seq.highest === null) return deps.onResync();
    seq.beginCatchUp();
    let after = seq.highest;
    for (let pages = 0; gen === generation && !closed; ) {
      try {
        const page = await deps.fetchEvents(after);
        if (gen !== generation) return; // a newer connection took over (it restarts from where this one got)
        seq.catchUpPage(page.items);
        const last = page.items.at(-1)?.id;
        if (page.nextAfter === null || last === undefined || page.hasMore === false) break;
        after = Math.max(page.nextAfter, last);
        if (++pages >= MAX_CATCH_UP_PAGES) {
          deps.onResync();
          break;
        }
      } catch (err) {
        // The log cannot be read (refused, or a server without it): reload what is on screen instead.
        if (!retryable(err)) {
          deps.onResync();
          break;
        }
        // Keep buffering live events: applying them now would move `highest` past the gap.
        await new Promise((r) => setTimeout(r, retryMs));
      }
    }
    if (gen === generation) seq.endCatchUp();
  }

  socket.on('connect', () => {
    const gen = ++generation;
    deps.onState('online');
    if (everConnected) void catchUp(gen);
    else if (seq.highest === null && deps.fetchLatest) {
      // Know where the log stands from the start, so even a first disconnect can catch up.
      deps.fetchLatest().then((id) => id !== null && seq.highest === null && seq.resetTo(id), () => undefined);
    }
    everConnected = true;
  });
  socket.on('disconnect', ((reason: string) => {
    if (closed) return;
    deps.onState('reconnecting');
    // The server drops a socket whose access token expired or whose login ended; socket.io does not
    // reconnect those by itself. Refresh the token, then come back (and catch up as usual).
    if (reason === 'io server disconnect') void deps.refreshAuth().finally(() => setTimeout(() => !closed && socket.connect(), retryMs));
  }) as (...args: never[]) => void);
  socket.on('connect_error', ((err: Error) => {
    deps.onState(everConnected ? 'reconnecting' : 'connecting');
    // A refused token does not retry by itself: refresh it, then try again.
    if (err?.message === 'unauthorized' && !closed) {
      void deps.refreshAuth().finally(() => setTimeout(() => !closed && socket.connect(), retryMs));
    }
  }) as (...args: never[]) => void);
  socket.onAny((name, payload) => {
    if (isEvent(payload)) seq.receive(payload);
    else if (typeof payload === 'object' && payload !== null) deps.onTransient(name, payload as Record<string, unknown>);
  });
  deps.onState('connecting');

  return {
    get highest() {
      return seq.highest;
    },
    seed(highest) {
      if (seq.highest === null) seq.resetTo(highest);
    },
    emit(event, payload) {
      if (socket.connected) socket.emit(event, payload);
    },
    close() {
      closed = true;
      generation++;
      socket.disconnect();
    },
  };
}
