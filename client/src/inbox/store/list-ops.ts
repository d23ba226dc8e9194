// Pure operations on the conversation list: newest activity first, one row per conversation,
// and whether a conversation belongs in the folder and filters on screen.
import type { ConversationItem, ListFilter } from '../api/inbox-types';

/** lastMessageAt desc, then id desc: the server's keyset order, so pages and live rows interleave. */
export function compareConversations(a: ConversationItem, b: ConversationItem): number {
  if (a.lastMessageAt !== b.lastMessageAt) return a.lastMessageAt < b.lastMessageAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** Snoozed now: a time passed is no snooze (as the server reads it). */
export const isSnoozed = (c: Pick<ConversationItem, 'snoozedUntil'>, now = Date.now()): boolean =>
  Boolean(c.snoozedUntil && Date.parse(c.snoozedUntil) > now);

/**
 * `allSnoozed`: the viewer's Snoozed folder holds every holder's snoozed chats (a supervisor's,
 * snooze-scope.ts), not only their own.
 */
export function matchesFilter(c: ConversationItem, f: ListFilter, meId: string | null, now = Date.now(), allSnoozed = false): boolean {
  const open = c.status === 'waiting' || c.status === 'human';
  const mine = c.assigneeId !== null && c.assigneeId === meId && c.status !== 'closed';
  const snoozed = isSnoozed(c, now);
  // A snoozed chat shows in Snoozed only, but a search finds it anywhere (the server's rule).
  if (snoozed && f.folder !== 'snoozed' && !f.q.trim()) return false;
  const folder = {
    waiting: c.status === 'waiting',
    mine,
    snoozed: (allSnoozed ? c.status === 'human' : mine) && snoozed,
    unassigned: open && !c.assigneeId,
    bot: c.status === 'bot',
    closed: c.status === 'closed',
    // Every chat, whoever holds it: where a supervisor (or anyone searching) finds a colleague's chat.
    all: true,
  }[f.folder];
  if (!folder) return false;
  if (f.channelId && c.channelId !== f.channelId) return false;
  if (f.teamId && (c.teamId ?? null) !== f.teamId) return false;
  if (f.tag && !c.contact.tags.includes(f.tag)) return false;
  return true;
}

/**
 * Adds or replaces a row (or drops it when it no longer matches) and keeps the order. A fresh copy
 * read outside the search keeps the message the search found in the row it replaces.
 */
export function upsertConversation(list: ConversationItem[], item: ConversationItem, belongs: boolean): ConversationItem[] {
  const old = list.find((c) => c.id === item.id);
  const rest = list.filter((c) => c.id !== item.id);
  if (!belongs) return rest.length === list.length ? list : rest;
  const fresh = old?.match && !('match' in item) ? { ...item, match: old.match } : item;
  return [...rest, fresh].sort(compareConversations);
}

/** Appends a page, skipping rows already shown (a live update may have brought them in). */
export function appendPage(list: ConversationItem[], page: ConversationItem[]): ConversationItem[] {
  const known = new Set(list.map((c) => c.id));
  return [...list, ...page.filter((c) => !known.has(c.id))].sort(compareConversations);
}

/** The row after/before `id` (for next/previous chat); stays put at the ends. */
export function neighbour(list: ConversationItem[], id: string | null, step: 1 | -1): string | null {
  if (list.length === 0) return null;
  const at = id ? list.findIndex((c) => c.id === id) : -1;
  if (at === -1) return list[0]!.id;
  return list[Math.min(list.length - 1, Math.max(0, at + step))]!.id;
}

/**
 * The row that takes `id`'s place once the list changed from `before` to `after`: itself while it is
 * still listed, else the first row after it that stayed, else the last one before it; null when the
 * list is empty.
 */
export function inPlaceOf(before: ConversationItem[], after: ConversationItem[], id: string): string | null {
  const stays = new Set(after.map((c) => c.id));
  if (stays.has(id)) return id;
  const at = before.findIndex((c) => c.id === id);
  const next = before.slice(at + 1).find((c) => stays.has(c.id)) ?? before.slice(0, Math.max(at, 0)).findLast((c) => stays.has(c.id));
  return next?.id ?? after[0]?.id ?? null;
}
