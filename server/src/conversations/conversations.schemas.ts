import { z } from 'zod';

export const listConversationsQuery = z.object({
  status: z.enum(['bot', 'waiting', 'human', 'closed']).optional(),
  assigneeId: z.string().uuid().optional(),
  channelId: z.string().uuid().optional(),
  tag: z.string().max(64).optional(),
  q: z.string().max(100).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type ListConversationsQuery = z.infer<typeof listConversationsQuery>;

export const pageQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const idParam = z.object({ id: z.string().uuid() });
