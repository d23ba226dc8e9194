import { CHANNEL_LIMITS } from '@zyntra/flows-schema';
import { z } from 'zod';
import { channelConfigSchemas } from './channel-types';

const name = z.string().trim().min(1).max(CHANNEL_LIMITS.name);

export const createChannelBody = z.discriminatedUnion('type', [
  z.object({ type: z.literal('whatsapp_cloud'), name, config: channelConfigSchemas.whatsapp_cloud }),
  z.object({ type: z.literal('evolution'), name, config: channelConfigSchemas.evolution }),
  z.object({ type: z.literal('webchat'), name, config: channelConfigSchemas.webchat.default({}) }),
]);
export type CreateChannelInput = z.infer<typeof createChannelBody>;

/** Partial settings: keys left out (secrets especially) keep their stored values. */
export const updateChannelBody = z
  .object({ name: name.optional(), config: z.record(z.string(), z.union([z.string().max(1024), z.number()])).optional() })
  .refine((b) => b.name !== undefined || b.config !== undefined, 'Nothing to change');

export const channelIdParam = z.object({ id: z.string().uuid() });

/** Rejected inbound items: a page of the newest, `cursor` being the last id of the previous page. */
export const rejectedEventsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().regex(/^\d{1,18}$/).optional(),
});
export type RejectedEventsQuery = z.infer<typeof rejectedEventsQuery>;
