import { z } from 'zod';
import { isStorable } from '../channels/inbound-text';

/**
 * Our own API answers with a 400 the widget can act on, so text PostgreSQL cannot store (NUL, an
 * unpaired surrogate) is refused here rather than cleaned as provider webhooks must do.
 */
const storable = (schema: z.ZodString) => schema.refine(isStorable, 'must not contain NUL or unpaired surrogate characters');

export const startSessionBody = z.object({ visitorId: z.string().uuid().optional(), name: storable(z.string().trim().max(80)).optional() });
export const visitorMessageBody = z.object({
  text: storable(z.string().max(4096)).default(''),
  replyId: storable(z.string().max(256)).optional(),
  /** Lets the widget retry a POST without creating a second message. */
  clientMessageId: z.string().regex(/^[\w-]{8,64}$/).optional(),
});
export type VisitorMessage = z.infer<typeof visitorMessageBody>;
export const channelParam = z.object({ channelId: z.string().uuid() });
