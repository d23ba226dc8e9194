import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES } from './webhook-events';

export const webhookEventType = z.enum(WEBHOOK_EVENT_TYPES);
const url = z.string().trim().min(1).max(2048).url();
const events = z.array(webhookEventType).min(1).max(WEBHOOK_EVENT_TYPES.length).transform((list) => [...new Set(list)]);
const description = z.string().trim().max(200).nullable();

export const endpointIdParam = z.object({ id: z.uuid() });
export const attemptParams = z.object({ id: z.uuid(), deliveryId: z.uuid() });
export const createEndpointBody = z.object({ url, events, description: description.optional() });
export const updateEndpointBody = z
  .object({ url: url.optional(), events: events.optional(), description: description.optional(), active: z.boolean().optional() })
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'Nothing to change');
export const rotateSecretBody = z.object({ overlapHours: z.number().min(0).max(24 * 30).optional() }).optional();
export const deliveriesQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });
export const noticeIdParam = z.object({ id: z.coerce.number().int().positive() });

export type CreateEndpoint = z.infer<typeof createEndpointBody>;
export type UpdateEndpoint = z.infer<typeof updateEndpointBody>;

export const endpointView = z.object({
  id: z.uuid(),
  url: z.string(),
  events: z.array(webhookEventType),
  description: z.string().nullable(),
  active: z.boolean(),
  disabledReason: z.enum(['failing', 'gone']).nullable(),
  disabledAt: z.string().nullable(),
  failingSince: z.string().nullable(),
  previousSecretExpiresAt: z.string().nullable(),
  createdAt: z.string(),
});
export const deliveryView = z.object({
  id: z.uuid(),
  messageId: z.string(),
  event: z.string(),
  attempt: z.number().int(),
  status: z.enum(['succeeded', 'failed']),
  responseCode: z.number().int().nullable(),
  durationMs: z.number().int().nullable(),
  error: z.string().nullable(),
  manual: z.boolean(),
  at: z.string(),
});
