// Pure operations on a conversation's messages: one bubble per id, oldest first.
import type { MessageItem } from '../api/inbox-types';

export function compareMessages(a: MessageItem, b: MessageItem): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const RANK: Record<string, number> = { pending: 0, sent: 1, delivered: 2, read: 3 };

/** Merges fetched or pushed messages; a newer copy wins, except that ticks never go backwards. */
export function mergeMessages(current: MessageItem[], incoming: MessageItem[]): MessageItem[] {
  if (incoming.length === 0) return current;
  const byId = new Map(current.map((m) => [m.id, m]));
  for (const m of incoming) {
    const old = byId.get(m.id);
    const backwards = old && (RANK[old.status] ?? -1) > (RANK[m.status] ?? 99);
    byId.set(m.id, backwards ? { ...m, status: old.status } : m);
  }
  return [...byId.values()].sort(compareMessages);
}

/** Local bubbles still waiting for the server, minus the ones it has confirmed. */
export function withoutConfirmed<T extends { serverId: string | null }>(pending: T[], messages: MessageItem[]): T[] {
  const ids = new Set(messages.map((m) => m.id));
  return pending.filter((p) => !p.serverId || !ids.has(p.serverId));
}

/** `{{contact.name}}`, or with a default as flows write it: `{{contact.name | "tudo bem"}}`. */
const PLACEHOLDER = /{{\s*([\w.]+)\s*(?:\|\s*"([^"]*)"\s*)?}}/g;

/** The placeholders the composer fills when a canned response is picked. */
export const CANNED_PLACEHOLDERS = ['contact.name', 'contact.phone', 'agent.name'] as const;

/**
 * The placeholders of a canned response's text the composer would never fill (`{{nome}}`): each
 * would stay in every reply for the agent to replace by hand. Each named once, in order.
 */
export function unknownPlaceholders(text: string): string[] {
  const known: readonly string[] = CANNED_PLACEHOLDERS;
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !known.includes(name)))];
}

/** The first placeholder left in a reply (`{{contact.name}}` of a contact with no name), where it stands; null when none. */
export function firstPlaceholder(text: string): { name: string; start: number; end: number } | null {
  const m = new RegExp(PLACEHOLDER.source).exec(text);
  return m ? { name: m[1]!, start: m.index, end: m.index + m[0].length } : null;
}

/**
 * Fills the placeholders of a canned response. One without a value takes its default when it has
 * one (a web-chat visitor has no name: `{{contact.name | "tudo bem"}}` still sends); else, and when
 * the name is unknown, it stays as typed for the agent to fill.
 */
export function fillPlaceholders(text: string, values: Record<string, string | null | undefined>): string {
  return text.replace(PLACEHOLDER, (whole, key: string, fallback: string | undefined) => {
    const v = values[key];
    if (v !== undefined && v !== null && v !== '') return v;
    return fallback !== undefined && key in values ? fallback : whole;
  });
}
