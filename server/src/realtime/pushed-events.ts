// The domain events a workspace's browsers receive, live over the socket and again from the
// catch-up route (GET /v1/events) after a reconnect: one list, so the two can never differ.
import type { EventType } from '../events/event-types';

export const PUSHED_EVENT_TYPES: readonly EventType[] = [
  'conversation.created', 'conversation.transferred', 'conversation.bot_paused', 'conversation.closed',
  'conversation.assigned', 'conversation.handed_back', 'conversation.reopened', 'conversation.updated',
  'message.created', 'message.received', 'message.sent', 'message.delivered', 'message.read', 'message.failed', 'message.media_stored',
  'message.played', 'message.reacted', 'message.edited', 'message.deleted',
  'contact.opted_out', 'contact.updated', 'presence.changed', 'flow.published', 'campaign.paused', 'campaign.completed',
];

/** What a browser receives for one event: the same shape pushed and caught up. */
export const browserEvent = (e: { id: number; type: string; created_at: Date | string; payload: Record<string, unknown> }) => ({
  ...e.payload,
  id: e.id,
  type: e.type,
  at: new Date(e.created_at).toISOString(),
});
