// The domain events a workspace's browsers receive, live over the socket and again from the
// catch-up route (GET /v1/events) after a reconnect: one list, so the two can never differ.
import type { EventType } from '../events/event-types';
import { admits, type Role } from '../http/access';
import type { Audience } from './emitter';

export const PUSHED_EVENT_TYPES: readonly EventType[] = [
  'conversation.created', 'conversation.transferred', 'conversation.bot_paused', 'conversation.closed',
  'conversation.assigned', 'conversation.handed_back', 'conversation.reopened', 'conversation.updated',
  'message.created', 'message.received', 'message.sent', 'message.delivered', 'message.read', 'message.failed', 'message.media_stored',
  'message.played', 'message.reacted', 'message.edited', 'message.deleted',
  'contact.opted_out', 'contact.updated', 'presence.changed', 'flow.published', 'campaign.paused', 'campaign.completed',
  'template.updated',
];

/**
 * Who receives each type, live and caught up: conversations, messages and presence are the inbox's
 * (a marketer may not read them over the API either), flows, campaigns and templates the marketing
 * roles', and contacts every member's (agents read them). An agent reads only the approved templates
 * of a chat, never a channel's list with its rejected, paused or deleted ones, so no template event.
 */
export function audienceOf(type: string): Audience {
  if (type.startsWith('conversation.') || type.startsWith('message.') || type.startsWith('presence.')) return 'inbox';
  if (type.startsWith('flow.') || type.startsWith('campaign.') || type.startsWith('template.')) return 'marketing';
  return 'member';
}

/** The pushed types a role receives. */
export const pushedTypesFor = (role: Role): EventType[] => PUSHED_EVENT_TYPES.filter((type) => admits(audienceOf(type), role));

/** What a browser receives for one event: the same shape pushed and caught up. */
export const browserEvent = (e: { id: number; type: string; created_at: Date | string; payload: Record<string, unknown> }) => ({
  ...e.payload,
  id: e.id,
  type: e.type,
  at: new Date(e.created_at).toISOString(),
});
