// The event types a workspace can subscribe an endpoint to, and how a domain event becomes one.
// Names are the domain events' own dotted names; message.delivered/read/failed are offered as one
// `message.status` with the status in the data, the way integrators usually want them.
import type { DomainEventRow } from '../events/listener';
import type { EventType } from '../events/event-types';

export const WEBHOOK_EVENT_TYPES = [
  'message.received',
  'message.sent',
  'message.status',
  'conversation.created',
  'conversation.transferred',
  'conversation.assigned',
  'conversation.closed',
  'flow.completed',
  'contact.created',
  'contact.opted_out',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Sent by "send a test event"; not subscribable. */
export const TEST_EVENT_TYPE = 'webhook.test';

const SAME = ['message.received', 'message.sent', 'conversation.created', 'conversation.transferred', 'conversation.assigned',
  'conversation.closed', 'flow.completed', 'contact.created', 'contact.opted_out'] as const satisfies readonly (EventType & WebhookEventType)[];
const STATUS = { 'message.delivered': 'delivered', 'message.read': 'read', 'message.failed': 'failed' } as const satisfies Partial<Record<EventType, string>>;

/**
 * A member reopening a closed chat takes it (status human, theirs): integrators hear the assignment
 * it is, with `previousStatus: "closed"`. A customer's message reopening one (`by: null`) hands it to
 * the bot: its `message.received` says so (and `conversation.transferred` when people get it).
 */
const REOPENED = 'conversation.reopened' satisfies EventType;

/** Domain event types that feed some webhook event type. */
export const SOURCE_EVENT_TYPES: readonly EventType[] = [...SAME, ...(Object.keys(STATUS) as EventType[]), REOPENED];

export type WebhookEvent = { type: WebhookEventType; data: Record<string, unknown> };

/** The webhook event a domain event becomes, or null when it feeds none. */
export function toWebhookEvent(e: Pick<DomainEventRow, 'type' | 'payload'>): WebhookEvent | null {
  if ((SAME as readonly string[]).includes(e.type)) return { type: e.type as WebhookEventType, data: e.payload };
  if (e.type === REOPENED) return e.payload.by ? { type: 'conversation.assigned', data: e.payload } : null;
  const status = STATUS[e.type as keyof typeof STATUS];
  if (status) return { type: 'message.status', data: { ...e.payload, status } };
  return null;
}

/** The exact bytes sent: compact JSON `{type, timestamp, data}` (Standard Webhooks' payload shape). */
export const webhookBody = (type: string, at: Date, data: Record<string, unknown>) => JSON.stringify({ type, timestamp: at.toISOString(), data });
