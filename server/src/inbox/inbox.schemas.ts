import { z } from 'zod';

export const replyBody = z.union([
  z.object({ mediaId: z.uuid(), text: z.string().trim().max(1024).optional() }),
  z.object({ text: z.string().trim().min(1).max(4096) }),
]);
/** Idempotency-Key: any visible ASCII, as clients generate them (usually a UUID). */
export const idempotencyKey = z.string().regex(/^[\x21-\x7e]{1,200}$/, 'visible ASCII, 1 to 200 characters').optional();
export const noteBody = z.object({ text: z.string().trim().min(1).max(4096) });
export const assignBody = z
  .object({ assigneeId: z.uuid().optional(), teamId: z.uuid().optional() })
  .refine((b) => b.assigneeId || b.teamId, 'assigneeId or teamId is required');
export const handbackBody = z.object({ flowId: z.uuid().optional() });
export const typingBody = z.object({ on: z.boolean() });
