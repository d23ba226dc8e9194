// Database rows → the inbox's conversation items (docs/inbox-api.md). Pure.
import { hasServiceWindow, windowClosesAt } from './service-window';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- rows from the conversations queries

export const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

/** The bot stays silent while the conversation waits for or is held by a person. */
export const botPaused = (status: string) => status === 'waiting' || status === 'human';

function lastMessage(r: Row) {
  if (!r.last_direction) return null;
  // Its stored content too (docs/message-content.md): the inbox names a customer's photo or location in the agent's language.
  return { text: r.last_text ?? '', direction: r.last_direction, author: r.last_author, type: r.last_type, payload: r.last_payload ?? null };
}

/** Until when the chat is snoozed, or null: as the list's SNOOZED predicate (conversation-list.queries.ts) reads it. */
export const snoozedUntil = (status: string, until: Date | string | null | undefined, now = Date.now()) =>
  status === 'human' && until && new Date(until).getTime() > now ? iso(until) : null;

export function toListItem(r: Row) {
  return {
    id: r.id,
    status: r.status,
    channelId: r.channel_id,
    channelType: r.channel_type,
    assigneeId: r.assignee_id,
    teamId: r.team_id,
    /** Kept for older clients: the team id, or what the flow's transfer step named before teams existed. */
    team: r.team_id ?? r.team ?? null,
    lastMessageAt: iso(r.last_message_at),
    unreadCount: r.unread_count,
    createdAt: iso(r.created_at),
    transferredAt: iso(r.transferred_at),
    snoozedUntil: snoozedUntil(r.status, r.snoozed_until),
    botPaused: botPaused(r.status),
    lastMessage: lastMessage(r),
    windowClosesAt: iso(windowClosesAt(r.channel_type, r.last_inbound_at, r.created_at)),
    hasServiceWindow: hasServiceWindow(r.channel_type),
    contact: { id: r.contact_id, name: r.contact_name, phone: r.contact_phone, tags: r.contact_tags ?? [], optedOut: Boolean(r.contact_opted_out_at) },
    // Only on a search (`q`): the newest message it found here, or null when the name or phone matched.
    ...(r.match_text === undefined ? {} : { match: r.match_id ? { messageId: r.match_id, text: r.match_text } : null }),
  };
}

export function toDetail(r: Row) {
  const item = toListItem(r);
  return {
    ...item,
    contact: { ...item.contact, externalId: r.contact_external_id, attributes: r.contact_attributes ?? {} },
    assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name ?? null } : null,
    team: r.team_id ? { id: r.team_id, name: r.team_name ?? null } : null,
  };
}
