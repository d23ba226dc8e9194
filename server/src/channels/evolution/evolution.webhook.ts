// Evolution API webhook: POST /v1/webhooks/evolution/{channelId}, one event per request. Tenants
// point the instance's webhook here with byEvents off (a per-event URL suffix is not routed).
import type { IncomingHttpHeaders } from 'node:http';
import type { ElidedBody } from '../../http/webhook-body';
import { errorReply, type ProviderWebhook } from '../../http/webhook-server';
import type { ChannelCache } from '../channel-cache';
import { ingest, type IngestDeps } from '../ingest';
import { verifyEvolutionRequest } from './evolution.auth';
import { parseEvolutionWebhook } from './evolution.parse';

/**
 * With "Webhook Base64" on, Evolution puts the whole file inside the event (`message.base64`), so a
 * 2 MiB document is a 2.7 MiB body: refused at 1 MiB, the event was retried, then dropped, and the
 * message with it. Every workspace is untrusted, so a larger body is read only from a request that
 * already proved it is the channel's (token header or JWT: headers only, checked before any byte of
 * the body), and it is never buffered or parsed whole: the file's string is dropped while it streams
 * in (the file is fetched again by message id, see evolution.media), so memory stays at 1 MiB and
 * JSON.parse stays small whatever the file, and no workspace stalls the others' webhooks.
 * 136 MiB admits a 100 MB document (WhatsApp's long-standing file limit) as base64 with its event;
 * 512 KiB is over the longest text WhatsApp allows (65,536 characters), however it is escaped.
 */
const INLINE_FILES: ElidedBody = { maxWireBytes: 136 * 1024 * 1024, longStringsOver: 512 * 1024 };

export function evolutionWebhook(deps: IngestDeps & { channels: ChannelCache }): ProviderWebhook {
  const unknownChannel = errorReply(404, 'not_found', 'Unknown channel');
  const authentic = async (channelId: string, headers: IncomingHttpHeaders) => {
    const channel = await deps.channels.get(channelId);
    return channel?.type === 'evolution' && (await verifyEvolutionRequest(headers, channel.secrets.webhookToken));
  };
  return {
    // An unauthenticated request is read like any other (1 MiB, then 413) and refused by post.
    elidedBody: async (channelId, headers) => ((await authentic(channelId, headers)) ? INLINE_FILES : null),
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
