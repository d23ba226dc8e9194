import { z } from 'zod';

export const messageMediaParams = z.object({ id: z.string().uuid(), messageId: z.string().uuid() });
