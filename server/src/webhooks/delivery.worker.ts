// One job = one delivery attempt of one message to one endpoint. Deliveries happen only here, on the webhooks queue, never in a request or in
// the dispatcher's transaction. Every attempt is logged; a failure schedules the next attempt on the
// retry schedule, and an endpoint failing for WEBHOOK_DISABLE_AFTER_HOURS (or answering 410) is
// disabled and its owners get a notice.
import { forTenant, type TenantDb } from '../db/tenant-db';
import { OutboundError } from '../net';
import type { WebhookJob } from '../queues/queue-names';
import { JITTER, nextDelayMs, retryAfterMs } from './retry-schedule';
import { signedHeaders } from './signing';
import type { WebhookDeps } from './webhook-settings';
import * as q from './webhooks.queries';

export type AttemptResult = { ok: boolean; responseCode: number | null; durationMs: number; error: string | null; retryAfter?: string };

export async function processWebhookJob(deps: WebhookDeps, job: WebhookJob): Promise<void> {
  await deliver(deps, job.tenantId, job.messageId, job.manual ?? false);
}

export const enqueueDelivery = (deps: Pick<WebhookDeps, 'queues'>, tenantId: string, messageId: string, opts: { attempt: number; delayMs?: number; manual?: boolean }) =>
  deps.queues.webhooks.add('deliver', { task: 'deliver', tenantId, messageId, ...(opts.manual ? { manual: true } : {}) }, {
    jobId: `${messageId}-${opts.manual ? `manual-${Date.now()}` : opts.attempt}`,
    delay: opts.delayMs,
  });

function secretsOf(deps: WebhookDeps, endpoint: q.EndpointRow, now: Date): string[] {
  const secrets = [deps.sealer.open(endpoint.secret_enc)];
  if (endpoint.previous_secret_enc && endpoint.previous_secret_expires_at && endpoint.previous_secret_expires_at > now) {
    secrets.push(deps.sealer.open(endpoint.previous_secret_enc));
  }
  return secrets;
}

/** One POST; never throws for what the receiver or the network did. */
export async function attempt(deps: WebhookDeps, endpoint: q.EndpointRow, message: q.MessageRow): Promise<AttemptResult> {
  const now = deps.now();
  const headers = { 'content-type': 'application/json', 'user-agent': 'Zyntra-Webhooks/1', ...signedHeaders(secretsOf(deps, endpoint, now), message.id, now, message.body) };
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  try {
    const res = await deps.outbound({ url: endpoint.url, method: 'POST', headers, body: message.body, timeoutMs: deps.settings.timeoutMs, maxResponseBytes: 64 * 1024 });
    return { ok: res.ok, responseCode: res.status, durationMs: took(), error: res.ok ? null : `HTTP ${res.status}`, retryAfter: res.headers['retry-after'] };
  } catch (err) {
    const status = err instanceof OutboundError ? (err.detail.status ?? null) : null;
    return { ok: false, responseCode: status, durationMs: took(), error: err instanceof OutboundError ? err.message : 'The request failed' };
  }
}

async function deliver(deps: WebhookDeps, tenantId: string, messageId: string, manual: boolean): Promise<void> {
  const tdb = forTenant(deps.db, tenantId);
  const message = await q.findMessage(tdb, messageId);
  if (!message || (!manual && message.status !== 'pending')) return;
  const endpoint = await q.findEndpoint(tdb, message.webhook_id);
  if (!endpoint || (!endpoint.active && !manual)) {
    await q.updateMessage(tdb, messageId, { status: 'failed', next_attempt_at: null });
    return;
  }
  const number = message.attempts + 1;
  const result = await attempt(deps, endpoint, message);
  await q.insertAttempt(tdb, {
    webhook_id: endpoint.id, message_id: messageId, event_type: message.event_type, attempt: number, status: result.ok ? 'succeeded' : 'failed',
    response_code: result.responseCode, duration_ms: result.durationMs, error: result.error, manual, created_at: deps.now(),
  });
  if (result.ok) return succeeded(tdb, endpoint, messageId, number);
  await failed(deps, tdb, endpoint, message, number, result, manual);
}

async function succeeded(tdb: TenantDb, endpoint: q.EndpointRow, messageId: string, attempts: number) {
  await q.updateMessage(tdb, messageId, { status: 'delivered', attempts, next_attempt_at: null });
  if (endpoint.failing_since) await q.updateEndpoint(tdb, endpoint.id, { failing_since: null });
}

async function failed(deps: WebhookDeps, tdb: TenantDb, endpoint: q.EndpointRow, message: q.MessageRow, attempts: number, result: AttemptResult, manual: boolean) {
  const now = deps.now();
  const failingSince = endpoint.failing_since ?? now;
  if (!endpoint.failing_since) await q.updateEndpoint(tdb, endpoint.id, { failing_since: now });
  const gone = result.responseCode === 410;
  if (endpoint.active && (gone || now.getTime() - failingSince.getTime() >= deps.settings.disableAfterMs)) {
    await disable(deps, tdb, endpoint, gone ? 'gone' : 'failing');
  }
  // A manual resend is one extra attempt: it leaves the message's own retries and status alone.
  // (A test event has only that one attempt: it fails.)
  if (manual) return void (await q.updateMessage(tdb, message.id, message.attempts === 0 ? { attempts, status: 'failed' } : { attempts }));
  const stillActive = endpoint.active && !gone && now.getTime() - failingSince.getTime() < deps.settings.disableAfterMs;
  const delay = stillActive ? nextDelayMs(deps.settings.schedule, attempts, deps.random(), retryAfterMs(result.retryAfter, now.getTime())) : null;
  if (delay === null) {
    await q.updateMessage(tdb, message.id, { status: 'failed', attempts, next_attempt_at: null });
    // The whole schedule failed (about a day by default, a little less than the disable threshold
    // with jitter): the endpoint is dead, and staying active would give up events with no one told.
    if (stillActive && failedThroughout(deps.settings.schedule, now.getTime() - failingSince.getTime())) await disable(deps, tdb, endpoint, 'failing');
    return;
  }
  await q.updateMessage(tdb, message.id, { attempts, next_attempt_at: new Date(now.getTime() + delay) });
  await enqueueDelivery(deps, tdb.tenantId, message.id, { attempt: attempts + 1, delayMs: delay });
}

/** Whether the endpoint has failed for at least the shortest span a message's whole schedule can take. */
const failedThroughout = (schedule: readonly number[], failingForMs: number) =>
  failingForMs >= (1 - JITTER) * schedule.reduce((a, b) => a + b, 0);

async function disable(deps: WebhookDeps, tdb: TenantDb, endpoint: q.EndpointRow, reason: 'gone' | 'failing') {
  const now = deps.now();
  await q.updateEndpoint(tdb, endpoint.id, { active: false, disabled_at: now, disabled_reason: reason });
  await q.insertNotice(tdb, 'webhook_endpoint_disabled', { endpointId: endpoint.id, url: endpoint.url, reason, failingSince: endpoint.failing_since ?? now });
  deps.log.warn({ tenantId: tdb.tenantId, endpointId: endpoint.id, reason }, 'webhook endpoint disabled');
}
