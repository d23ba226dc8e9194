// Domain events are numbered when inserted but become visible when their transaction commits, so
// event 101 can commit before event 100. A browser keeps the highest id it has seen and catches up
// after it on reconnect: if 101 were pushed first and the socket dropped before 100 committed,
// 100 would be lost to it. So events are released in id order, and a missing id holds the ones
// after it back until it shows up or `waitMs` passes (then it was rolled back, or its transaction
// is so slow that the browser's next catch-up finds it anyway). Pure; the dispatcher keeps `seen`.

/** How many of `ids` (ascending, undispatched) may go out now; `lastId` is the last dispatched id before them. */
export function releasable(lastId: number | null, ids: number[], seen: Map<number, number>, now: number, waitMs: number): number {
  let previous = lastId;
  for (const [i, id] of ids.entries()) {
    if (previous !== null && id > previous + 1) {
      const hole = previous + 1; // a hole is named by its first missing id
      const since = seen.get(hole) ?? now;
      seen.set(hole, since);
      if (now - since < waitMs) return i;
    }
    previous = id;
  }
  return ids.length;
}

/** Forgets holes at or before `upTo`: they are settled. */
export function forgetHoles(seen: Map<number, number>, upTo: number): void {
  for (const hole of seen.keys()) if (hole <= upTo) seen.delete(hole);
}
