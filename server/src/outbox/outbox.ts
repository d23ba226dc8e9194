// Sending from the outbox, one conversation at a time and in order. A message is claimed
// ("sending", with a lease) in a short transaction under the conversation's advisory lock, sent
// over HTTP outside any transaction, then marked sent. A worker killed mid-send leaves the lease to
// expire and the message is claimed again: at-least-once toward the provider, in a window of the
// one HTTP call; everything before it is exactly-once. The lease outlasts the longest send (the
// typing delay waited out before the call, plus the call's own deadline), so a slow send is never
// claimed and sent a second time while it is still under way.
import type { Knex } from 'knex';
import { forTenant, type TenantDb } from '../db/tenant-db';
import { prepared } from '../db/prepared';
import type { Logger } from '../log/logger';
import { SendError, withDeadline } from '../channels/channel-adapter';
import type { Recipient } from '../channels/channel-adapter';
import type { Adapters } from '../channels';
import type { ChannelCache } from '../channels/channel-cache';
import type { SendThrottle } from '../channels/send-throttle';
import type { OutboundContent } from '@zyntra/flows-schema';
import { publishEvents } from '../events/publish';
import { sends } from '../metrics/metrics';
import { withSignedMediaLink } from '../media/media-link';
import type { ObjectStore } from '../storage/object-store';
import { nextRetryInMs } from './retry-plan';
import { SEND_TIMING, sendLeaseMs, type SendTiming } from './send-timing';

/** Outbound messages a drain wrote for one conversation, in order; `claimed` ones the drain's worker sends itself. */
export type PendingSend = {
  tenantId: string;
  conversationId: string;
  channelId: string;
  recipient: Recipient;
  messages: Array<{ id: string; payload: OutboundContent }>;
  claimed: string[];
};

/**
 * A slot of the workspace's and channel's bounded sends, held only around the provider call (the
 * part that can hang), waiting in line for it a moment; null: none came, hand the message back.
 */
export type SendGate = (tenantId: string, channelId: string) => Promise<(() => void) | null>;

export type OutboxDeps = {
  db: Knex; log: Logger; channels: ChannelCache; adapters: Adapters; objects: ObjectStore; throttle: SendThrottle; gate?: SendGate;
  /** SEND_TIMING unless set (tests shorten it so a killed worker's lease runs out within the test). */
  timing?: SendTiming;
};

const timingOf = (deps: Pick<OutboxDeps, 'timing'>) => deps.timing ?? SEND_TIMING;
/** The lease a claim of these deps holds. */
export const leaseOf = (deps: Pick<OutboxDeps, 'timing'>) => sendLeaseMs(timingOf(deps));

/** How soon a message whose workspace or channel had no free slot is tried again (jittered). */
const BUSY_RETRY_MS = 250;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));


type Claimed = {
  id: string; channel_id: string; payload: OutboundContent; text: string | null; attempts: number; external_id: string; phone: string | null;
};

export type DrainResult = { sent: number; failed: number; retryInMs: number | null };

const lockKey = (conversationId: string) => `send:${conversationId}`;

/** Claims the conversation's oldest unsent message, unless one is in flight or waiting for its retry time. */
export async function claimNext(db: Knex, tenantId: string, conversationId: string, leaseMs = sendLeaseMs(SEND_TIMING)): Promise<Claimed | { waitMs: number } | null> {
  return db.transaction(async (trx) => {
    await trx.raw('SELECT pg_advisory_xact_lock(hashtextextended(?, 0))', [lockKey(conversationId)]);
    const head = await forTenant(trx, tenantId)
      .from('messages')
      .where({ conversation_id: conversationId, direction: 'out' })
      .whereIn('status', ['pending', 'sending'])
      .orderBy([{ column: 'created_at' }, { column: 'id' }])
      .first('id', 'status', 'next_attempt_at');
    if (!head) return null;
    const due = head.next_attempt_at ? new Date(head.next_attempt_at).getTime() - Date.now() : 0;
    // In flight under another drain's lease: that drain sends what follows when it is done.
    if (head.status === 'sending' && due > 0) return null;
    if (due > 0) return { waitMs: due };
    const res = await trx.raw(
      `UPDATE messages m SET status = 'sending', attempts = m.attempts + 1, next_attempt_at = now() + (? * interval '1 millisecond'), updated_at = now()
       FROM conversations c JOIN contacts ct ON ct.id = c.contact_id
       WHERE m.id = ? AND m.tenant_id = ? AND m.conversation_id = ? AND c.id = m.conversation_id
       RETURNING m.id, m.channel_id, m.payload, m.text, m.attempts, ct.external_id, ct.phone`,
      [leaseMs, head.id, tenantId, conversationId],
    );
    return res.rows[0] as Claimed;
  });
}

export type SendOutcome = { retryInMs: number | null; ok: boolean; morePending?: boolean };

export async function sendClaimed(deps: OutboxDeps, tenantId: string, conversationId: string, msg: Claimed): Promise<SendOutcome> {
  const tdb = forTenant(deps.db, tenantId);
  const channel = await deps.channels.get(msg.channel_id);
  try {
    if (!channel) throw new SendError('permanent', 'channel_gone', 'The channel no longer exists');
    const adapter = deps.adapters[channel.type];
    if (!adapter) throw new SendError('permanent', 'unsupported_channel', `Sending on ${channel.type} channels is not available`);
    const content = await withSignedMediaLink(deps.objects, tenantId, msg.payload);
    const to = { externalId: msg.external_id, phone: msg.phone };
    const release = deps.gate ? await deps.gate(tenantId, channel.id) : () => {};
    if (!release) {
      // Busy with slow sends of this workspace or number: hand the claim back, uncounted.
      await releaseClaims(deps.db, tenantId, [msg.id]);
      return { retryInMs: BUSY_RETRY_MS * (0.5 + Math.random()), ok: false };
    }
    let providerMessageId: string;
    try {
      if (adapter.waitsTypingDelay && content.typingDelayMs > 0) {
        await adapter.typing?.(channel, to, { on: true, replyTo: null, name: null }).catch(() => {});
        await sleep(Math.min(content.typingDelayMs, timingOf(deps).maxTypingMs));
      }
      await deps.throttle.acquire(channel);
      ({ providerMessageId } = await withDeadline(adapter.send(channel, to, content, msg.id), timingOf(deps).deadlineMs));
    } finally {
      release();
    }
    sends.inc({ provider: channel.type, outcome: 'sent', code: '' });
    const { morePending } = await markSent(deps.db, tenantId, conversationId, msg.id, providerMessageId);
    return { retryInMs: null, ok: true, morePending };
  } catch (err) {
    const e = err instanceof SendError ? err : new SendError('retry', 'unexpected', (err as Error).message);
    const backoff = e.kind === 'permanent' ? null : nextRetryInMs(msg.attempts, e.retryAfterMs);
    sends.inc({ provider: channel?.type ?? 'unknown', outcome: backoff === null ? 'failed' : e.kind, code: e.code });
    if (backoff === null) {
      await tdb.transaction(async (tx) => {
        await tx.from('messages').where({ id: msg.id }).update({ status: 'failed', error: `${e.code}: ${e.message}`, next_attempt_at: null, updated_at: new Date() });
        await publishEvents(tx, [{ type: 'message.failed', payload: { messageId: msg.id, conversationId, code: e.code, reason: e.message } }]);
      });
      deps.log.warn({ messageId: msg.id, code: e.code }, 'message failed permanently');
      return { retryInMs: null, ok: false };
    }
    await tdb.from('messages').where({ id: msg.id }).update({ status: 'pending', error: `${e.code}: ${e.message}`, next_attempt_at: new Date(Date.now() + backoff), updated_at: new Date() });
    return { retryInMs: backoff, ok: false };
  }
}

/**
 * One statement: mark sent (unless a status webhook already moved it further, e.g. delivered or
 * failed), keep the provider id, and write the domain event.
 */
export async function markSent(db: Knex, tenantId: string, conversationId: string, id: string, providerMessageId: string): Promise<{ morePending: boolean }> {
  const res = await db.raw(
    `WITH upd AS (
       UPDATE messages SET
         status = CASE WHEN status IN ('pending', 'sending') THEN 'sent' ELSE status END,
         next_attempt_at = CASE WHEN status IN ('pending', 'sending') THEN NULL ELSE next_attempt_at END,
         error = CASE WHEN status IN ('pending', 'sending') THEN NULL ELSE error END,
         provider_message_id = COALESCE(provider_message_id, :pid), sent_at = COALESCE(sent_at, now()), updated_at = now()
       WHERE tenant_id = :tenant AND conversation_id = :conv AND id = :id
       RETURNING id, conversation_id),
     ev AS (
       INSERT INTO domain_events (tenant_id, type, payload)
       SELECT :tenant, 'message.sent', json_build_object('messageId', id, 'conversationId', conversation_id) FROM upd
       RETURNING 1)
     SELECT (SELECT count(*) FROM ev)::int AS events, EXISTS (
       SELECT 1 FROM messages WHERE tenant_id = :tenant AND direction = 'out' AND status = 'pending'
         AND conversation_id = (SELECT conversation_id FROM upd)) AS more_pending`,
    { tenant: tenantId, conv: conversationId, id, pid: providerMessageId },
  ).options(prepared('mark_sent'));
  return { morePending: Boolean(res.rows[0]?.more_pending) };
}

/**
 * Inside the inbound drain's transaction: claim the messages it just wrote when nothing older of
 * the conversation is waiting, so the worker sends them right after commit with no claim round trip.
 */
export async function preclaim(tx: TenantDb, conversationId: string, ids: string[], leaseMs: number): Promise<string[]> {
  if (ids.length === 0) return [];
  const res = await tx.raw(`${PRECLAIM_SQL} RETURNING id`, { lease: leaseMs, tenant: tx.tenantId, ids, conv: conversationId });
  return inOrder(ids, res.rows);
}

/** The pre-claim UPDATE (no RETURNING), shared with the drain's closing statement. */
export const PRECLAIM_SQL = `UPDATE messages SET status = 'sending', attempts = attempts + 1, next_attempt_at = now() + (:lease * interval '1 millisecond')
  WHERE tenant_id = :tenant AND conversation_id = :conv AND id = ANY(:ids::uuid[]) AND status = 'pending'
    AND NOT EXISTS (
      SELECT 1 FROM messages o WHERE o.conversation_id = :conv AND o.direction = 'out'
        AND o.status IN ('pending', 'sending') AND o.id <> ALL(:ids::uuid[]))`;

export function inOrder(ids: string[], rows: Array<{ id: string }>): string[] {
  const claimed = new Set(rows.map((r) => r.id));
  return ids.filter((id) => claimed.has(id));
}

/** Sends what the drain pre-claimed, in order, then whatever else became due meanwhile. */
export async function sendPending(deps: OutboxDeps, send: PendingSend): Promise<DrainResult> {
  const { tenantId, conversationId } = send;
  const claimed = send.messages.filter((m) => send.claimed.includes(m.id));
  const result: DrainResult = { sent: 0, failed: 0, retryInMs: null };
  let last: SendOutcome | null = null;
  for (const [i, m] of claimed.entries()) {
    // The claim was taken for the batch: renew it before each later message, and stop if it is no
    // longer ours (the lease ran out and another sender claimed it again, or it was settled).
    if (i > 0 && !(await renewLease(deps.db, tenantId, m.id, PRECLAIMED_ATTEMPT, leaseOf(deps)))) return result;
    const msg: Claimed = { id: m.id, channel_id: send.channelId, payload: m.payload, text: m.payload.text, attempts: PRECLAIMED_ATTEMPT, external_id: send.recipient.externalId, phone: send.recipient.phone };
    const outcome = (last = await sendClaimed(deps, tenantId, conversationId, msg));
    if (outcome.ok) result.sent++;
    else if (outcome.retryInMs === null) result.failed++;
    else {
      // Let the rest wait behind the one that must be retried, without their lease holding them.
      await releaseClaims(deps.db, tenantId, claimed.slice(i + 1).map((c) => c.id));
      return { ...result, retryInMs: outcome.retryInMs };
    }
  }
  // The last "mark sent" already told whether another drain left messages behind ours.
  const settled = last?.ok ? !last.morePending : !(await hasPending(deps.db, tenantId, conversationId));
  if (claimed.length > 0 && claimed.length === send.messages.length && settled) return result;
  const rest = await drainOutbox(deps, tenantId, conversationId);
  return { sent: result.sent + rest.sent, failed: result.failed + rest.failed, retryInMs: rest.retryInMs };
}

/** A drain pre-claims only messages never tried: its claim is their first attempt. */
const PRECLAIMED_ATTEMPT = 1;

async function renewLease(db: Knex, tenantId: string, id: string, attempt: number, leaseMs: number): Promise<boolean> {
  const n = await db('messages').where({ tenant_id: tenantId, id, status: 'sending', attempts: attempt })
    .update({ next_attempt_at: db.raw("now() + (? * interval '1 millisecond')", [leaseMs]) });
  return n > 0;
}

/** Hands claimed messages back (unsent) so the next drain claims them in order. */
export async function releaseClaims(db: Knex, tenantId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db('messages').where({ tenant_id: tenantId }).whereIn('id', ids).where('status', 'sending')
    .update({ status: 'pending', attempts: db.raw('attempts - 1'), next_attempt_at: null });
}

async function hasPending(db: Knex, tenantId: string, conversationId: string): Promise<boolean> {
  const row = await db('messages').where({ tenant_id: tenantId, conversation_id: conversationId, direction: 'out', status: 'pending' }).first('id');
  return Boolean(row);
}

/** Sends every due message of the conversation in order; tells when to come back if some must wait. */
export async function drainOutbox(deps: OutboxDeps, tenantId: string, conversationId: string): Promise<DrainResult> {
  const result: DrainResult = { sent: 0, failed: 0, retryInMs: null };
  for (let i = 0; i < 1000; i++) {
    const next = await claimNext(deps.db, tenantId, conversationId, leaseOf(deps));
    if (!next) return result;
    if ('waitMs' in next) return { ...result, retryInMs: next.waitMs };
    const outcome = await sendClaimed(deps, tenantId, conversationId, next);
    if (outcome.ok) result.sent++;
    else if (outcome.retryInMs === null) result.failed++;
    else return { ...result, retryInMs: outcome.retryInMs };
  }
  return result;
}
