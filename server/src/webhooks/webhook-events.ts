// The event types a workspace can subscribe an endpoint to, and how a domain event becomes them.
// Names are the domain events' own dotted names; message.delivered/read/failed are offered as one
// `message.status` with the status in the data, the way integrators usually want them.
import type { DomainEventRow } from '../events/listener';
import type { EventType } from '../events/event-types';

export const WEBHOOK_EVENT_TYPES = [
  'message.received',
  'message.sent',
  'message.status',
  'message.media_stored',
  'conversation.created',
  'conversation.transferred',
  'conversation.assigned',
  'conversation.closed',
  'conversation.reopened',
  'flow.completed',
  'contact.created',
  'contact.opted_out',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Sent by "send a test event"; not subscribable. */
export const TEST_EVENT_TYPE = 'webhook.test';

const SAME = ['message.received', 'message.sent', 'message.media_stored', 'conversation.created', 'conversation.transferred', 'conversation.assigned',
  'conversation.closed', 'flow.completed', 'contact.created', 'contact.opted_out'] as const satisfies readonly (EventType & WebhookEventType)[];
const STATUS = { 'message.delivered': 'delivered', 'message.read': 'read', 'message.failed': 'failed' } as const satisfies Partial<Record<EventType, string>>;

const REOPENED = 'conversation.reopened' satisfies EventType & WebhookEventType;

/** Domain event types that feed some webhook event type. */
export const SOURCE_EVENT_TYPES: readonly EventType[] = [...SAME, ...(Object.keys(STATUS) as EventType[]), REOPENED];

export type WebhookEvent = { type: WebhookEventType; data: Record<string, unknown> };

/**
 * Every reopen is a `conversation.reopened`: by the customer's message (`by: null`, back with the
 * bot) or by a member (`by`, theirs). A member's reopen is also the assignment it always was
 * (`conversation.assigned` with `previousStatus: "closed"`), sent with exactly the fields it had.
 */
function reopened(p: Record<string, unknown>): WebhookEvent[] {
  const event: WebhookEvent = { type: 'conversation.reopened', data: {
    conversationId: p.conversationId, contactId: p.contactId, channelId: p.channelId,
    status: p.status, previousStatus: 'closed', assigneeId: p.assigneeId ?? null, by: p.by ?? null,
  } };
  if (!p.by) return [event];
  // The ids added for conversation.reopened stay out of it: its subscribers get the same bytes as before.
  const { contactId: _contact, channelId: _channel, ...assigned } = p;
  return [{ type: 'conversation.assigned', data: assigned }, event];
}

/** The webhook events a domain event becomes (none when it feeds none); at most one of each type. */
export function toWebhookEvents(e: Pick<DomainEventRow, 'type' | 'payload'>): WebhookEvent[] {
  if ((SAME as readonly string[]).includes(e.type)) return [{ type: e.type as WebhookEventType, data: e.payload }];
  if (e.type === REOPENED) return reopened(e.payload);
  const status = STATUS[e.type as keyof typeof STATUS];
  if (status) return [{ type: 'message.status', data: { ...e.payload, status } }];
  return [];
}

/** The exact bytes sent: compact JSON `{type, timestamp, data}` (Standard Webhooks' payload shape). */
export const webhookBody = (type: string, at: Date, data: Record<string, unknown>) => JSON.stringify({ type, timestamp: at.toISOString(), data });
