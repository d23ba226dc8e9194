// The order of the test chat's bubbles, from polls of the stored history and replies pushed over the socket.
import type { ChatItem } from './test-api';

/**
 * A poll's list is the stored history in the server's order, which is the order the bot wrote in.
 * Sorting on the times instead could swap two replies of one step: they are given in milliseconds,
 * and two inserts can share one. What the list lacks keeps its place: older items before it,
 * replies pushed since and the tester's message on its way after it.
 */
export function mergeHistory(current: ChatItem[], history: ChatItem[]): ChatItem[] {
  const stored = new Set(history.map((m) => m.id));
  const before: ChatItem[] = [];
  const after: ChatItem[] = [];
  let reached = false;
  for (const m of current) {
    if (stored.has(m.id)) reached = true;
    else (reached ? after : before).push(m);
  }
  const merged = [...before, ...history, ...after];
  return merged.length === current.length && merged.every((m, i) => m.id === current[i]!.id) ? current : merged;
}

/** A pushed reply not seen yet goes last: the outbox sends a conversation's replies in order. */
export const appendItem = (current: ChatItem[], item: ChatItem) => (current.some((m) => m.id === item.id) ? current : [...current, item]);
