import { z } from 'zod';
import { templateParams } from '../templates/template-send';

export const replyBody = z.union([
  /** An approved WhatsApp template: the only reply WhatsApp delivers outside the 24-hour window. */
  z.object({ template: templateParams }).strict(),
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
