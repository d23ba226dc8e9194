import { z } from 'zod';

export const startSessionBody = z.object({ visitorId: z.string().uuid().optional(), name: z.string().trim().max(80).optional() });
export const visitorMessageBody = z.object({
  text: z.string().max(4096).default(''),
  replyId: z.string().max(256).optional(),
  /** Lets the widget retry a POST without creating a second message. */
  clientMessageId: z.string().regex(/^[\w-]{8,64}$/).optional(),
});
export type VisitorMessage = z.infer<typeof visitorMessageBody>;
export const channelParam = z.object({ channelId: z.string().uuid() });
