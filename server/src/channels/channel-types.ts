// Channel kinds and their configuration, split into what may be shown (config) and what is sealed
// at rest and never returned (secrets).
import { z } from 'zod';
import { CHANNEL_LIMITS as L, WEBHOOK_TOKEN_MIN } from '@zyntra/flows-schema';
import { outboundUrlField } from '../net';

export const CHANNEL_TYPES = ['whatsapp_cloud', 'evolution', 'webchat'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

/**
 * The language of what Zyntra itself writes to the channel's customers (the satisfaction survey, the
 * web-chat widget's own texts; customer-locale.ts): Portuguese unless set. The bot's messages are the
 * marketer's own words, in whatever language they wrote them.
 */
const language = z.enum(['pt-BR', 'en']).optional().describe("Customers' language: what Zyntra itself writes to them (pt-BR by default)");

/** Settings of what customers read, not of how the provider is reached: changing only these asks the provider nothing. */
export const WORDING_KEYS: readonly string[] = ['language'];

export const channelConfigSchemas = {
  whatsapp_cloud: z.object({
    phoneNumberId: z.string().trim().min(1).max(L.phoneNumberId),
    businessAccountId: z.string().trim().min(1).max(L.businessAccountId),
    accessToken: z.string().min(1).max(L.accessToken),
    appSecret: z.string().min(1).max(L.appSecret),
    verifyToken: z.string().min(1).max(L.verifyToken),
    /** Meta's per-number throughput tier (80 by default, up to 1,000). */
    messagesPerSecond: z.coerce.number().int().min(1).max(1000).optional(),
    language,
  }),
  evolution: z.object({
    baseUrl: outboundUrlField,
    instance: z.string().trim().min(1).max(L.instance),
    apiKey: z.string().min(1).max(L.apiKey),
    webhookToken: z.string().min(WEBHOOK_TOKEN_MIN).max(L.webhookToken),
    language,
  }),
  // How the widget looks on the tenant's site: its language and accent colour are the channel's,
  // never the visitor's browser's, so every visitor sees the brand the tenant set up.
  webchat: z
    .object({
      language,
      color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'A colour like #12b886').optional(),
      title: z.string().trim().min(1).max(L.title).optional(),
    })
    .strip(),
} satisfies Record<ChannelType, z.ZodType>;

/** Keys of each type's config that are secrets: sealed in secrets_enc, never in API answers or logs. */
export const SECRET_KEYS = {
  whatsapp_cloud: ['accessToken', 'appSecret', 'verifyToken'],
  evolution: ['apiKey', 'webhookToken'],
  webchat: [],
} as const satisfies Record<ChannelType, readonly string[]>;

export type ChannelRecord = {
  id: string;
  tenantId: string;
  type: ChannelType;
  name: string;
  config: Record<string, string>;
  secrets: Record<string, string>;
};
