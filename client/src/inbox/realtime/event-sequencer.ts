// Applies domain events exactly once and in id order, across live pushes and catch-up pages.
// Live events that arrive while a catch-up is running wait until it ends, then go in id order.
// Dedupe is by id (not by "≤ highest"), so an event that arrives late on the socket still counts.
import type { InboxEvent } from '../api/inbox-types';

const SEEN_LIMIT = 5000;

export interface EventSequencer {
  /** Highest event id applied so far; null until the first event (nothing to catch up from). */
  readonly highest: number | null;
  readonly catchingUp: boolean;
  receive(event: InboxEvent): void;
  beginCatchUp(): void;
  /** One page of GET /v1/events, already in id order. */
  catchUpPage(items: InboxEvent[]): void;
  endCatchUp(): void;
  /** Sets the starting point without applying anything (e.g. after a full reload of the data). */
  resetTo(highest: number | null): void;
}

export function createEventSequencer(apply: (events: InboxEvent[]) => void): EventSequencer {
  let highest: number | null = null;
  let catchingUp = false;
  let buffer: InboxEvent[] = [];
  const seen = new Set<number>();

  const remember = (id: number) => {
    seen.add(id);
    if (seen.size > SEEN_LIMIT) seen.delete(seen.values().next().value as number);
    highest = highest === null ? id : Math.max(highest, id);
  };
  const fresh = (events: InboxEvent[]) => {
    const out: InboxEvent[] = [];
    for (const e of [...events].sort((a, b) => a.id - b.id)) {
      if (!Number.isFinite(e.id) || seen.has(e.id)) continue;
      remember(e.id);
      out.push(e);
    }
    return out;
  };
  const applyFresh = (events: InboxEvent[]) => {
    const out = fresh(events);
    if (out.length) apply(out);
  };

  return {
    get highest() {
      return highest;
    },
    get catchingUp() {
      return catchingUp;
    },
    receive(event) {
      if (catchingUp) buffer.push(event);
      else applyFresh([event]);
    },
    beginCatchUp() {
      catchingUp = true;
    },
    catchUpPage: applyFresh,
    endCatchUp() {
      catchingUp = false;
      const waiting = buffer;
      buffer = [];
      applyFresh(waiting);
    },
    resetTo(id) {
      highest = id;
    },
  };
}
