import { z } from 'zod';
import { isStorable } from '../db/storable-text';

/**
 * Our own API answers with a 400 the widget can act on, so text PostgreSQL cannot store (NUL, an
 * unpaired surrogate) is refused here rather than cleaned as provider webhooks must do.
 */
const storable = (schema: z.ZodString) => schema.refine(isStorable, 'must not contain NUL or unpaired surrogate characters');

export const startSessionBody = z.object({
  /** Resuming needs both: the id alone (which agents can see) starts a new visitor. */
  visitorId: z.string().uuid().optional(),
  resumeSecret: z.string().regex(/^[\w-]{20,128}$/).optional(),
  name: storable(z.string().trim().max(80)).optional(),
});
export type StartSession = z.infer<typeof startSessionBody>;
export const visitorMessageBody = z.object({
  text: storable(z.string().max(4096)).default(''),
  replyId: storable(z.string().max(256)).optional(),
  /** Lets the widget retry a POST without creating a second message. */
  clientMessageId: z.string().regex(/^[\w-]{8,64}$/).optional(),
});
export type VisitorMessage = z.infer<typeof visitorMessageBody>;
export const channelParam = z.object({ channelId: z.string().uuid() });
export const visitorTypingBody = z.object({ on: z.boolean() });
