// Evolution API webhook: POST /v1/webhooks/evolution/{channelId}, one event per request. Tenants
// point the instance's webhook here with byEvents off (a per-event URL suffix is not routed).
import { errorReply, type ProviderWebhook } from '../../http/webhook-server';
import type { ChannelCache } from '../channel-cache';
import { ingest, type IngestDeps } from '../ingest';
import { verifyEvolutionRequest } from './evolution.auth';
import { parseEvolutionWebhook } from './evolution.parse';

export function evolutionWebhook(deps: IngestDeps & { channels: ChannelCache }): ProviderWebhook {
  const unknownChannel = errorReply(404, 'not_found', 'Unknown channel');
  return {
    async post(channelId, raw, headers) {
      const channel = await deps.channels.get(channelId);
      if (!channel || channel.type !== 'evolution') return unknownChannel;
      if (!(await verifyEvolutionRequest(headers, channel.secrets.webhookToken))) {
        return errorReply(401, 'invalid_signature', 'Missing or wrong x-zyntra-token header or webhook JWT');
      }
      let body: unknown;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        return errorReply(400, 'bad_request', 'Body is not JSON');
      }
      const { instance, items, rejected } = parseEvolutionWebhook(body);
      // A server-wide (global) webhook posts every instance's events to the same URL: keep only
      // this channel's instance, and still answer 200 so Evolution does not retry the others.
      if (instance !== null && instance !== channel.config.instance) return { status: 200, body: { received: 0, stored: 0, rejected: 0 } };
      const result = await ingest(deps, channel, items, rejected);
      return { status: 200, body: { received: items.length, ...result } };
    },
  };
}
