// Domain event names: one list, dotted. The same names become tenants' webhook event types.
export const EVENT_TYPES = [
  'conversation.created',
  'conversation.transferred',
  'conversation.bot_paused',
  'conversation.closed',
  'conversation.assigned',
  'conversation.handed_back',
  'conversation.reopened',
  'conversation.updated',
  'message.received',
  'message.created',
  'message.sent',
  'message.delivered',
  'message.read',
  'message.failed',
  'message.media_stored',
  'flow.completed',
  'flow.failed',
  'flow.published',
  'contact.opted_out',
  'contact.updated',
  'presence.changed',
  'template.updated',
  'campaign.paused',
  'campaign.completed',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];
