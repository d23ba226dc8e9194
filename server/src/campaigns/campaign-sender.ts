// One campaign send: opted-out check, reconciliation of an earlier attempt whose sender died, the
// template filled from the contact, the throughput buckets, the provider call, and the outcome.
// Exactly one accepted send per recipient: the recipient is leased before the call and names our
// message id, which the provider echoes in its statuses; a lease that expires is re-claimed only
// after looking for that echo.
import type { Knex } from 'knex';
import type { Adapters } from '../channels';
import { SendError } from '../channels/channel-adapter';
import type { ChannelRecord } from '../channels/channel-types';
import type { SendThrottle } from '../channels/send-throttle';
import { perSecondFor } from '../channels/send-throttle';
import { contactVars, fillTemplateSend, type OutboundContent } from '@zyntra/flows-schema';
import type { Logger } from '../log/logger';
import type { CampaignRow, StoredTemplate } from './campaigns.queries';
import { TEMPLATE_STOPPERS } from './recipient-reasons';
import * as r from './recipients.queries';

export type SenderDeps = { db: Knex; log: Logger; adapters: Adapters; throttle: SendThrottle };

/** pause: the campaign must stop (template problem); slow: the number is at its limit. */
export type SendResult = 'sent' | 'skipped' | 'failed' | 'retry' | { pause: string } | { slow: number };

/** Live bot replies keep this share of the number's throughput: a campaign never delays a conversation. */
export const LIVE_SHARE = 0.2;
const PAIR_RATE_MAX_ATTEMPTS = 6;
const MAX_ATTEMPTS = 5;

export function campaignRate(c: CampaignRow, channel: ChannelRecord): number {
  const number = perSecondFor(channel) ?? 80;
  return Math.max(1, Math.min(c.messages_per_second ?? Infinity, Math.floor(number * (1 - LIVE_SHARE))));
}

/** The template with every {{…}} filled from the contact: name, phone and any custom attribute. */
export function fillTemplate(t: StoredTemplate, contact: Pick<r.ClaimedRecipient, 'name' | 'phone' | 'external_id' | 'attributes'>): OutboundContent {
  return fillTemplateSend(t, contactVars(contact));
}

const pairBackoffMs = (attempt: number) => Math.min(3_600_000, 4 ** attempt * 1000) * (0.9 + Math.random() * 0.2);

export async function sendToRecipient(deps: SenderDeps, c: CampaignRow, channel: ChannelRecord, rec: r.ClaimedRecipient): Promise<SendResult> {
  const { db } = deps;
  const ids = { tenantId: c.tenant_id, recipientId: rec.id, messageId: rec.message_id, channelId: channel.id, flowId: c.flow_id };
  if (rec.opted_out_at) {
    await r.settleRecipient(db, c.tenant_id, rec.id, { status: 'skipped', reason: 'opted_out' });
    return 'skipped';
  }
  if (!rec.phone && !rec.external_id) {
    await r.settleRecipient(db, c.tenant_id, rec.id, { status: 'skipped', reason: 'no_phone' });
    return 'skipped';
  }
  const content = fillTemplate(c.template, rec);
  const conversationId = await r.ensureConversation(db, c.tenant_id, channel.id, rec.contact_id);
  if (rec.prev_status === 'sending') {
    // The last sender died holding this recipient: if the provider took the message, settle from its echo.
    const seen = await r.evidenceOfSend(db, c.tenant_id, channel.id, rec.message_id);
    if (seen) {
      await r.recordSent(db, { ...ids, conversationId }, { providerMessageId: seen.providerMessageId, text: content.text, payload: content, status: seen.status, error: seen.error });
      return 'sent';
    }
  }
  const adapter = deps.adapters[channel.type];
  try {
    if (!adapter) throw new SendError('permanent', 'unsupported_channel', `Sending on ${channel.type} channels is not available`);
    // The campaign's own bucket first (its share), then the number's bucket it shares with the bot.
    await deps.throttle.acquire({ ...channel, id: `campaigns:${channel.id}`, config: { ...channel.config, messagesPerSecond: String(campaignRate(c, channel)) } });
    await deps.throttle.acquire(channel);
    const { providerMessageId } = await adapter.send(channel, { externalId: rec.external_id, phone: rec.phone }, content, rec.message_id);
    await r.recordSent(db, { ...ids, conversationId }, { providerMessageId, text: content.text, payload: content, status: 'sent', error: null });
    return 'sent';
  } catch (err) {
    return onSendError(deps, c, rec, err instanceof SendError ? err : new SendError('retry', 'unexpected', (err as Error).message));
  }
}

async function onSendError(deps: SenderDeps, c: CampaignRow, rec: r.ClaimedRecipient, e: SendError): Promise<SendResult> {
  const { db } = deps;
  const stopper = TEMPLATE_STOPPERS[e.code];
  if (stopper) {
    await r.putBack(db, c.tenant_id, rec.id, new Date(), true);
    return { pause: stopper };
  }
  if (e.code === '131056') {
    // Pair rate: this one person gets too many messages; back off for them only (4^x s).
    if (rec.attempts >= PAIR_RATE_MAX_ATTEMPTS) {
      await r.settleRecipient(db, c.tenant_id, rec.id, { status: 'failed', reason: 'pair_rate' });
      return 'failed';
    }
    await r.putBack(db, c.tenant_id, rec.id, new Date(Date.now() + pairBackoffMs(rec.attempts)), false);
    return 'retry';
  }
  if (e.kind === 'rate_limited') {
    const wait = e.retryAfterMs ?? 1_000;
    await r.putBack(db, c.tenant_id, rec.id, new Date(Date.now() + wait), true);
    return { slow: wait };
  }
  if (e.kind === 'permanent' || rec.attempts >= MAX_ATTEMPTS) {
    await r.settleRecipient(db, c.tenant_id, rec.id, { status: 'failed', reason: e.code === '131026' ? 'undeliverable' : 'send_failed' });
    deps.log.warn({ campaignId: c.id, code: e.code }, 'campaign recipient failed');
    return 'failed';
  }
  await r.putBack(db, c.tenant_id, rec.id, new Date(Date.now() + Math.min(60_000, 1000 * 2 ** rec.attempts)), false);
  return 'retry';
}
