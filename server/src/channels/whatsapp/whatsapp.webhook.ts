// WhatsApp Cloud API webhook: the GET verification handshake and signed POSTs.
import { errorReply, type ProviderWebhook } from '../../http/webhook-server';
import { sameText } from '../../security/same-text';
import type { ChannelCache } from '../channel-cache';
import { ingest, type IngestDeps } from '../ingest';
import { recordNotices } from './whatsapp.health';
import { parseWhatsAppWebhook } from './whatsapp.parse';
import { parseWhatsAppAccountEvents, type AccountEvent } from './whatsapp.account-events';
import type { ChannelRecord } from '../channel-types';
import { routeChanges } from './whatsapp.routing';
import { verifyWhatsAppSignature } from './whatsapp.signature';

/**
 * Account events this channel applies: a marketing preference of its number, and template events
 * of its WhatsApp Business Account (templates are per WABA: the app's other accounts have their own).
 */
function forThisChannel(e: AccountEvent, channel: ChannelRecord): boolean {
  if (e.kind === 'marketing_preference') return e.phoneNumberId === null || e.phoneNumberId === channel.config.phoneNumberId;
  return e.wabaId === null || !channel.config.businessAccountId || e.wabaId === channel.config.businessAccountId;
}

/** Applies account events (marketing preferences, template reviews); supplied by the composition root. */
export type AccountEventsHandler = (channel: ChannelRecord, events: AccountEvent[]) => Promise<void>;

export function whatsappWebhook(deps: IngestDeps & { channels: ChannelCache; accountEvents?: AccountEventsHandler }): ProviderWebhook {
  const unknownChannel = errorReply(404, 'not_found', 'Unknown channel');
  return {
    async get(channelId, query) {
      const channel = await deps.channels.get(channelId);
      if (!channel || channel.type !== 'whatsapp_cloud') return unknownChannel;
      const token = query.get('hub.verify_token') ?? '';
      if (query.get('hub.mode') !== 'subscribe' || !sameText(token, channel.secrets.verifyToken ?? '')) {
        return errorReply(403, 'forbidden', 'Verify token does not match');
      }
      return { status: 200, body: query.get('hub.challenge') ?? '' };
    },
    async post(channelId, raw, headers) {
      const channel = await deps.channels.get(channelId);
      if (!channel || channel.type !== 'whatsapp_cloud') return unknownChannel;
      const signature = headers['x-hub-signature-256'];
      if (!verifyWhatsAppSignature(raw, typeof signature === 'string' ? signature : undefined, channel.secrets.appSecret ?? '')) {
        return errorReply(401, 'invalid_signature', 'X-Hub-Signature-256 does not match the body');
      }
      let body: unknown;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        return errorReply(400, 'bad_request', 'Body is not JSON');
      }
      // One app may serve many numbers: each change goes to its number's channel (whatsapp.routing.ts).
      let received = 0, stored = 0, rejected = 0;
      for (const route of await routeChanges(deps, channel, parseWhatsAppWebhook(body))) {
        const items = route.changes.flatMap((c) => c.items);
        // Items we cannot use are recorded, never answered with an error: Meta would resend the whole batch.
        const result = await ingest(deps, route.channel, items, [...route.changes.flatMap((c) => c.rejected), ...route.setAside]);
        await recordNotices(deps, route.channel, route.changes.flatMap((c) => c.notices));
        received += items.length;
        stored += result.stored;
        rejected += result.rejected;
      }
      const account = parseWhatsAppAccountEvents(body).filter((e) => forThisChannel(e, channel));
      if (account.length && deps.accountEvents) await deps.accountEvents(channel, account);
      return { status: 200, body: { received: received + account.length, stored, rejected } };
    },
  };
}
