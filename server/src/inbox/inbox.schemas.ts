import { z } from 'zod';

export const replyBody = z.union([
  z.object({ text: z.string().trim().min(1).max(4096) }),
  z.object({ mediaId: z.string().min(1).max(300) }),
]);
export const noteBody = z.object({ text: z.string().trim().min(1).max(4096) });
export const assignBody = z.object({ assigneeId: z.string().uuid() });
export const handbackBody = z.object({ flowId: z.string().uuid().optional() });
