import { z } from 'zod';

/** `/v1/channels/:id/templates/:templateId`: our ids (not Meta's). */
export const templateParams = z.object({ id: z.uuid(), templateId: z.uuid() });
