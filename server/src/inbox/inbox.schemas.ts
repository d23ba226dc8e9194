import { z } from 'zod';

export const replyBody = z.union([
  z.object({ text: z.string().trim().min(1).max(4096) }),
  z.object({ mediaId: z.string().min(1).max(300) }),
]);
export const noteBody = z.object({ text: z.string().trim().min(1).max(4096) });
export const assignBody = z
  .object({ assigneeId: z.uuid().optional(), teamId: z.uuid().optional() })
  .refine((b) => b.assigneeId || b.teamId, 'assigneeId or teamId is required');
export const handbackBody = z.object({ flowId: z.uuid().optional() });
