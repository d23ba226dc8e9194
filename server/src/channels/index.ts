// Channel adapters by type, and the provider webhook handlers mounted on /v1/webhooks/<provider>/.
import type { Config } from '../config/env';
import type { ProviderWebhook } from '../http/webhook-server';
import type { ChannelAdapter } from './channel-adapter';
import type { ChannelCache } from './channel-cache';
import type { ChannelType } from './channel-types';
import type { IngestDeps } from './ingest';
import { createWhatsAppAdapter } from './whatsapp/whatsapp.client';
import { whatsappWebhook } from './whatsapp/whatsapp.webhook';

export type Adapters = Partial<Record<ChannelType, ChannelAdapter>>;

export function createAdapters(config: Pick<Config, 'WHATSAPP_GRAPH_BASE_URL' | 'WHATSAPP_GRAPH_VERSION'>): Adapters {
  return { whatsapp_cloud: createWhatsAppAdapter(config) };
}

export function providerWebhooks(deps: IngestDeps & { channels: ChannelCache }): Record<string, ProviderWebhook> {
  return { whatsapp: whatsappWebhook(deps) };
}
