import { z } from 'zod';
import { channelConfigSchemas } from './channel-types';

const name = z.string().trim().min(1).max(80);

export const createChannelBody = z.discriminatedUnion('type', [
  z.object({ type: z.literal('whatsapp_cloud'), name, config: channelConfigSchemas.whatsapp_cloud }),
  z.object({ type: z.literal('evolution'), name, config: channelConfigSchemas.evolution }),
  z.object({ type: z.literal('webchat'), name, config: channelConfigSchemas.webchat.default({}) }),
]);
export type CreateChannelInput = z.infer<typeof createChannelBody>;

export const channelIdParam = z.object({ id: z.string().uuid() });
