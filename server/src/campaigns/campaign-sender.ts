// One campaign send: opted-out check, reconciliation of an earlier attempt whose sender died, the
// template filled from the contact, the throughput buckets, the provider call, and the outcome.
// Exactly one accepted send per recipient: the recipient is leased before the call and names our
// message id, which the provider echoes in its statuses. The call ends within the provider timeout
// of the claim and the lease lasts as long again, so a slow send is never claimed twice; a send
// that ended without an answer keeps its lease for the echo, and a lease that expires is re-claimed
// only after looking for that echo.
import type { Knex } from 'knex';
import type { Adapters } from '../channels';
import { outcomeUnknown, SendError, withDeadline } from '../channels/channel-adapter';
import type { ChannelRecord } from '../channels/channel-types';
import type { SendThrottle } from '../channels/send-throttle';
import { perSecondFor } from '../channels/send-throttle';
import type { OutboundContent } from '@zyntra/flows-schema';
import type { Logger } from '../log/logger';
import { forTenant } from '../db/tenant-db';
import { templateComponents, viewOf, withParameterNames, withShownTemplate } from '../templates/shown-template';
import type { CampaignRow } from './campaigns.queries';
import { TEMPLATE_STOPPERS } from './recipient-reasons';
import * as r from './recipients.queries';
import { echoWaitMs, type CampaignTiming } from './send-timing';
import { fillTemplate, hasEmptyParameter } from './template-fill';

export type SenderDeps = { db: Knex; log: Logger; adapters: Adapters; throttle: SendThrottle; timing: CampaignTiming };

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

const pairBackoffMs = (t: CampaignTiming, attempt: number) => Math.min(3_600_000, 4 ** attempt * t.pairBackoffUnitMs) * (0.9 + Math.random() * 0.2);

/** The campaign's bucket: the number's throughput minus the share kept for live replies, shared by the number's campaigns. */
function campaignBucket(channel: ChannelRecord): ChannelRecord {
  const number = perSecondFor(channel) ?? 80;
  return { ...channel, id: `campaigns:${channel.id}`, config: { ...channel.config, messagesPerSecond: String(Math.max(1, Math.floor(number * (1 - LIVE_SHARE)))) } };
}

type Outcome = SendResult | { accepted: r.AcceptedSend };

/** One recipient's message: what the adapter sends, and the payload stored (with the header, footer and buttons they saw). */
type Filled = { content: OutboundContent; payload: Record<string, unknown> };

/**
 * Sends a batch claimed at `claimedAt` (this process's clock, read before the claim): the skips
 * settled, the conversations found or opened in one statement, the provider calls side by side (each
 * through the campaign's and the number's buckets, and over by the provider timeout after the
 * claim), and the accepted sends recorded together in one statement right after the calls returned.
 */
export async function sendBatch(deps: SenderDeps, c: CampaignRow, channel: ChannelRecord, batch: r.ClaimedRecipient[], claimedAt: number): Promise<SendResult[]> {
  const { db } = deps;
  const results: SendResult[] = [];
  // Each recipient's message, filled once: whether it can go, then what goes. The template as the batch starts is what they see.
  const components = await templateComponents(forTenant(db, c.tenant_id), channel.id, c.template);
  const live: Array<{ rec: r.ClaimedRecipient; filled: Filled }> = [];
  for (const rec of batch) {
    const content = withParameterNames(components, fillTemplate(c.template, rec));
    const reason = rec.opted_out_at ? 'opted_out' : !rec.phone && !rec.external_id ? 'no_phone' : hasEmptyParameter(content) ? 'missing_value' : null;
    if (!reason) live.push({ rec, filled: { content, payload: withShownTemplate(content, viewOf(components, content)) } });
    else {
      await r.settleRecipient(db, c.tenant_id, rec.id, { status: 'skipped', reason });
      results.push('skipped');
    }
  }
  if (live.length === 0) return results;
  const conversations = await r.ensureConversations(db, c.tenant_id, channel.id, live.map((x) => x.rec.contact_id), c.id);
  // Settled, not all-or-nothing: whatever went wrong for one, the sends the provider accepted are recorded.
  const endBy = claimedAt + deps.timing.providerTimeoutMs;
  const settled = await Promise.allSettled(live.map(({ rec, filled }) => sendOne(deps, c, channel, rec, filled, conversations.get(rec.contact_id)!, endBy)));
  const outcomes = settled.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
  const accepted = outcomes.flatMap((o) => (typeof o === 'object' && 'accepted' in o ? [o.accepted] : []));
  await r.recordSentBatch(db, { tenantId: c.tenant_id, channelId: channel.id, flowId: c.flow_id }, accepted);
  const failure = settled.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failure) throw failure.reason;
  return [...results, ...outcomes.map((o) => (typeof o === 'object' && 'accepted' in o ? 'sent' : o))];
}

/** `endBy`: when the call must be over (this process's clock), so it ends well inside the recipient's lease. */
async function sendOne(deps: SenderDeps, c: CampaignRow, channel: ChannelRecord, rec: r.ClaimedRecipient, filled: Filled, conversationId: string, endBy: number): Promise<Outcome> {
  const { db } = deps;
  const { content, payload } = filled;
  if (rec.prev_status === 'sending') {
    // The last send died or ended without an answer: if the provider took the message, settle from its echo.
    const seen = await r.evidenceOfSend(db, c.tenant_id, channel.id, rec.message_id);
    if (seen) {
      const ids = { tenantId: c.tenant_id, recipientId: rec.id, messageId: rec.message_id, channelId: channel.id, flowId: c.flow_id, conversationId };
      await r.recordSent(db, ids, { providerMessageId: seen.providerMessageId, text: content.text, payload, status: seen.status, error: seen.error });
      return 'sent';
    }
    // No echo for a whole lease: the provider never took it. Past the attempts, it is not tried again.
    if (rec.attempts > MAX_ATTEMPTS) {
      await r.settleRecipient(db, c.tenant_id, rec.id, { status: 'failed', reason: 'send_failed' });
      return 'failed';
    }
  }
  const adapter = deps.adapters[channel.type];
  try {
    if (!adapter) throw new SendError('permanent', 'unsupported_channel', `Sending on ${channel.type} channels is not available`);
    // The campaigns' share of the number first, then the number's bucket it shares with the bot.
    await deps.throttle.acquire(campaignBucket(channel));
    await deps.throttle.acquire(channel);
    const left = endBy - Date.now();
    if (left <= 0) {
      // The buckets kept it past its time: not sent, so back in line uncounted.
      await r.putBack(db, c.tenant_id, rec.id, new Date(), true);
      return 'retry';
    }
    const to = { externalId: rec.external_id, phone: rec.phone };
    const { providerMessageId } = await withDeadline(adapter.send(channel, to, content, rec.message_id), left);
    return { accepted: { recipientId: rec.id, messageId: rec.message_id, conversationId, providerMessageId, text: content.text, payload } };
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
    // Pair rate: this one person gets too many messages; back off for them only (4^x s in production).
    if (rec.attempts >= PAIR_RATE_MAX_ATTEMPTS) {
      await r.settleRecipient(db, c.tenant_id, rec.id, { status: 'failed', reason: 'pair_rate' });
      return 'failed';
    }
    await r.putBack(db, c.tenant_id, rec.id, new Date(Date.now() + pairBackoffMs(deps.timing, rec.attempts)), false);
    return 'retry';
  }
  if (e.kind === 'rate_limited') {
    const wait = e.retryAfterMs ?? 1_000;
    await r.putBack(db, c.tenant_id, rec.id, new Date(Date.now() + wait), true);
    return { slow: wait };
  }
  if (outcomeUnknown(e)) {
    // The provider may have taken it: never sent again blindly, the next claim looks for its echo first.
    await r.awaitEcho(db, c.tenant_id, rec.id, echoWaitMs(deps.timing));
    return 'retry';
  }
  if (e.kind === 'permanent' || rec.attempts >= MAX_ATTEMPTS) {
    await r.settleRecipient(db, c.tenant_id, rec.id, { status: 'failed', reason: e.code === '131026' ? 'undeliverable' : 'send_failed' });
    deps.log.warn({ campaignId: c.id, code: e.code }, 'campaign recipient failed');
    return 'failed';
  }
  await r.putBack(db, c.tenant_id, rec.id, new Date(Date.now() + Math.min(60_000, 1000 * 2 ** rec.attempts)), false);
  return 'retry';
}
