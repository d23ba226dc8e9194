// Outbound webhook endpoints: create (secret shown once), list, change, delete, rotate the secret
// with an overlap, the attempt log, resend and "send a test event". Knows no HTTP. Adding, changing,
// re-keying and deleting an endpoint are audited in the change's own transaction: an endpoint receives
// the workspace's customer messages, so an owner must see who pointed them where.
import { recordAudit, type AuditAction } from '../audit/audit.queries';
import { forTenant, type TenantDb } from '../db/tenant-db';
import type { Caller } from '../http/auth';
import { AppError } from '../http/app-error';
import { parseOutboundUrl } from '../net/outbound-url';
import { OutboundError, refusedWhenSaved, type Resolver } from '../net';
import { enqueueDelivery } from './delivery.worker';
import { newMessageId, newSecret } from './signing';
import { TEST_EVENT_TYPE, webhookBody } from './webhook-events';
import type { WebhookDeps } from './webhook-settings';
import type { CreateEndpoint, UpdateEndpoint } from './webhooks.schemas';
import * as q from './webhooks.queries';
import { withRoomFor } from '../limits/workspace-caps';

export type ServiceDeps = Pick<WebhookDeps, 'db' | 'sealer' | 'queues' | 'allow' | 'settings' | 'now'> & { resolve?: Resolver };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const endpointView = (e: q.EndpointRow) => ({
  id: e.id, url: e.url, events: e.events, description: e.description, active: e.active,
  disabledReason: e.disabled_reason, disabledAt: iso(e.disabled_at), failingSince: iso(e.failing_since),
  previousSecretExpiresAt: iso(e.previous_secret_expires_at), createdAt: e.created_at.toISOString(),
});

/**
 * The URL rules checked when an endpoint is saved, the address with the rule each delivery applies
 * (a name resolving to a private network too); the delivery checks the resolved address again.
 */
async function checkUrl(deps: Pick<ServiceDeps, 'allow' | 'resolve'>, raw: string): Promise<string> {
  try {
    const url = parseOutboundUrl(raw);
    const refused = await refusedWhenSaved(url, deps.allow, deps.resolve);
    if (refused) throw refused;
    return url.toString();
  } catch (err) {
    // `reason` (blocked_address, bad_url) lets a client word each case in its user's language.
    if (err instanceof OutboundError) throw new AppError('validation_failed', err.message, { field: 'url', reason: err.kind, range: err.detail.range });
    throw err;
  }
}

async function mustFind(deps: Pick<ServiceDeps, 'db'>, tenantId: string, id: string) {
  const endpoint = await q.findEndpoint(forTenant(deps.db, tenantId), id);
  if (!endpoint) throw new AppError('not_found', 'No such webhook endpoint');
  return endpoint;
}

/** The URL names the endpoint in the log, even once it is deleted; the secret is never logged. */
const audit = (tx: TenantDb, caller: Caller, action: AuditAction, endpoint: Pick<q.EndpointRow, 'id' | 'url'>, data: Record<string, unknown> = {}) =>
  recordAudit(tx, { actorUserId: caller.userId, action, targetType: 'webhook_endpoint', targetId: endpoint.id, data: { url: endpoint.url, ...data } });

export async function createEndpoint(deps: ServiceDeps, caller: Caller, body: CreateEndpoint) {
  const secret = newSecret();
  const url = await checkUrl(deps, body.url);
  const row = await withRoomFor(forTenant(deps.db, caller.tenantId), 'webhookEndpoints', async (tx) => {
    const created = await q.insertEndpoint(tx, { url, events: body.events, description: body.description ?? null, secret_enc: deps.sealer.seal(secret) });
    await audit(tx, caller, 'webhook_endpoint.created', created, { events: created.events });
    return created;
  });
  return { ...endpointView(row), secret };
}

export const listEndpoints = async (deps: Pick<ServiceDeps, 'db'>, tenantId: string) => ({
  items: (await q.listEndpoints(forTenant(deps.db, tenantId))).map(endpointView),
});

export const getEndpoint = async (deps: Pick<ServiceDeps, 'db'>, tenantId: string, id: string) => endpointView(await mustFind(deps, tenantId, id));

/** The fields whose value a change really alters, in the audit's words (`active` for enabling or pausing). */
function changedFields(before: q.EndpointRow, values: Parameters<typeof q.updateEndpoint>[2]): string[] {
  const same = { url: before.url, events: [...before.events].sort().join(), description: before.description, active: before.active };
  const next = { url: values.url, events: values.events && [...values.events].sort().join(), description: values.description, active: values.active };
  return (Object.keys(next) as Array<keyof typeof next>).filter((k) => next[k] !== undefined && next[k] !== same[k]);
}

export async function updateEndpoint(deps: ServiceDeps, caller: Caller, id: string, body: UpdateEndpoint) {
  const values: Parameters<typeof q.updateEndpoint>[2] = {};
  if (body.url !== undefined) values.url = await checkUrl(deps, body.url);
  if (body.events !== undefined) values.events = body.events;
  if (body.description !== undefined) values.description = body.description;
  // Enabling again starts a fresh failure clock; disabling by hand is not a failure.
  if (body.active === true) Object.assign(values, { active: true, disabled_at: null, disabled_reason: null, failing_since: null });
  if (body.active === false) Object.assign(values, { active: false, disabled_at: deps.now(), disabled_reason: null });
  const row = await forTenant(deps.db, caller.tenantId).transaction(async (tx) => {
    const before = await q.lockEndpoint(tx, id);
    if (!before) throw new AppError('not_found', 'No such webhook endpoint');
    const updated = (await q.updateEndpoint(tx, id, values))!;
    const changed = changedFields(before, values);
    // Saving what is already there changes nothing worth an entry.
    if (changed.length) {
      await audit(tx, caller, 'webhook_endpoint.updated', updated, {
        changed,
        ...(changed.includes('url') ? { previousUrl: before.url } : {}),
        ...(changed.includes('events') ? { events: updated.events } : {}),
        ...(changed.includes('active') ? { active: updated.active } : {}),
      });
    }
    return updated;
  });
  return endpointView(row);
}

export async function deleteEndpoint(deps: Pick<ServiceDeps, 'db'>, caller: Caller, id: string) {
  await forTenant(deps.db, caller.tenantId).transaction(async (tx) => {
    const deleted = await q.deleteEndpoint(tx, id);
    if (!deleted) throw new AppError('not_found', 'No such webhook endpoint');
    await audit(tx, caller, 'webhook_endpoint.deleted', deleted);
  });
}

/** A new secret signs from now on; the previous one keeps signing too until the overlap ends. */
export async function rotateSecret(deps: ServiceDeps, caller: Caller, id: string, overlapHours?: number) {
  const secret = newSecret();
  const overlapMs = overlapHours === undefined ? deps.settings.overlapMs : overlapHours * 3_600_000;
  const row = await forTenant(deps.db, caller.tenantId).transaction(async (tx) => {
    const endpoint = await q.lockEndpoint(tx, id);
    if (!endpoint) throw new AppError('not_found', 'No such webhook endpoint');
    const updated = (await q.updateEndpoint(tx, id, {
      secret_enc: deps.sealer.seal(secret),
      previous_secret_enc: overlapMs > 0 ? endpoint.secret_enc : null,
      previous_secret_expires_at: overlapMs > 0 ? new Date(deps.now().getTime() + overlapMs) : null,
    }))!;
    await audit(tx, caller, 'webhook_endpoint.secret_rotated', updated);
    return updated;
  });
  return { ...endpointView(row), secret };
}

export async function listDeliveries(deps: Pick<ServiceDeps, 'db'>, tenantId: string, id: string, limit: number) {
  await mustFind(deps, tenantId, id);
  const rows = await q.listAttempts(forTenant(deps.db, tenantId), id, limit);
  return {
    items: rows.map((r) => ({
      id: r.id, messageId: r.message_id, event: r.event_type, attempt: r.attempt, status: r.status, responseCode: r.response_code,
      durationMs: r.duration_ms, error: r.error, manual: r.manual, at: r.created_at.toISOString(),
    })),
  };
}

const mustBeActive = (e: q.EndpointRow) => {
  if (!e.active) throw new AppError('conflict', 'This endpoint is disabled: enable it first');
};

/** Sends the logged message again (same webhook-id, same body), once. */
export async function resend(deps: ServiceDeps, tenantId: string, id: string, deliveryId: string) {
  mustBeActive(await mustFind(deps, tenantId, id));
  const logged = await q.findAttempt(forTenant(deps.db, tenantId), id, deliveryId);
  if (!logged) throw new AppError('not_found', 'No such delivery');
  await enqueueDelivery(deps, tenantId, logged.message_id, { attempt: 0, manual: true });
  return { messageId: logged.message_id };
}

export async function sendTestEvent(deps: ServiceDeps, tenantId: string, id: string) {
  const endpoint = await mustFind(deps, tenantId, id);
  mustBeActive(endpoint);
  const messageId = newMessageId();
  const body = webhookBody(TEST_EVENT_TYPE, deps.now(), { endpointId: endpoint.id, message: 'This is a test event from Zyntra.' });
  await q.insertMessages(forTenant(deps.db, tenantId), [{ id: messageId, webhook_id: id, domain_event_id: null, event_type: TEST_EVENT_TYPE, body }]);
  await enqueueDelivery(deps, tenantId, messageId, { attempt: 1, manual: true });
  return { messageId };
}

export const listNotices = async (deps: Pick<ServiceDeps, 'db'>, tenantId: string) => ({
  items: (await q.listNotices(forTenant(deps.db, tenantId))).map((n) => ({ id: n.id, kind: n.kind, data: n.data, at: n.created_at.toISOString() })),
});

export async function dismissNotice(deps: Pick<ServiceDeps, 'db'>, tenantId: string, id: number) {
  if (!(await q.dismissNotice(forTenant(deps.db, tenantId), id))) throw new AppError('not_found', 'No such notice');
}
