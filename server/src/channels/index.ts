// Channel adapters by type, and the provider webhook handlers mounted on /v1/webhooks/<provider>/.
import type { Config } from '../config/env';
import type { ProviderWebhook } from '../http/webhook-server';
import type { ChannelAdapter } from './channel-adapter';
import type { ChannelCache } from './channel-cache';
import type { ChannelType } from './channel-types';
import type { IngestDeps } from './ingest';
import type { Outbound } from '../net';
import type { RealtimeEmitter } from '../realtime/emitter';
import { createEvolutionAdapter } from './evolution/evolution.client';
import { evolutionWebhook } from './evolution/evolution.webhook';
import { createWebchatAdapter } from './webchat/webchat.adapter';
import { createWhatsAppAdapter } from './whatsapp/whatsapp.client';
import { whatsappWebhook, type AccountEventsHandler } from './whatsapp/whatsapp.webhook';

export type Adapters = Partial<Record<ChannelType, ChannelAdapter>>;

export function createAdapters(
  config: Pick<Config, 'WHATSAPP_GRAPH_BASE_URL' | 'WHATSAPP_GRAPH_VERSION'>,
  deps: { emitter: RealtimeEmitter; outbound: Outbound },
): Adapters {
  return {
    whatsapp_cloud: createWhatsAppAdapter(config),
    // Each Evolution channel names its own server: a tenant-controlled URL.
    evolution: createEvolutionAdapter(deps.outbound),
    webchat: createWebchatAdapter(deps.emitter),
  };
}

export function providerWebhooks(deps: IngestDeps & { channels: ChannelCache; accountEvents?: AccountEventsHandler }): Record<string, ProviderWebhook> {
  return { whatsapp: whatsappWebhook(deps), evolution: evolutionWebhook(deps) };
}
