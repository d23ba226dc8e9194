// Performs an http_request step's call and feeds the answer back as an inbound event of its
// conversation. The engine never awaits it: the session is parked with the call's token.
// Header values are read here from the published step, never carried by the job, the event or the
// run log, and cut out of the stored answer (a server may echo them), so they are never shown back.
import type { FlowDocument, NodeConfig } from '@zyntra/flows-schema';
import type { Knex } from 'knex';
import { forTenant } from '../db/tenant-db';
import { insertInternalEvent } from '../messages/internal-events';
import { OutboundError, type Outbound } from '../net';
import type { HttpJob } from '../queues/queue-names';

type HttpRequestConfig = NodeConfig<'http_request'>;

export type HttpEffectDeps = { db: Knex; http: Outbound };

const REDACTED = '[secret]';

async function stepConfig(db: Knex, job: HttpJob): Promise<HttpRequestConfig | null> {
  const row = await forTenant(db, job.tenantId).from('flow_versions').where({ id: job.request.versionId }).first('document');
  const node = (row?.document as FlowDocument | undefined)?.nodes.find((n) => n.id === job.nodeId);
  return node?.type === 'http_request' ? (node.config as HttpRequestConfig) : null;
}

/** Every header value (all are treated as secrets), and the credential after a scheme ("Bearer abc" → also "abc"). */
function secretsOf(config: HttpRequestConfig): string[] {
  return config.headers
    .flatMap((h) => [h.value.trim(), h.value.trim().split(/\s+/).slice(1).join(' ')])
    .filter((v) => v.length >= 4)
    .sort((a, b) => b.length - a.length);
}

export function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce((out, secret) => out.split(secret).join(REDACTED), text);
}

type Outcome = { ok: true; status: number; body: string } | { ok: false; reason: string };

async function call(http: Outbound, job: HttpJob, config: HttpRequestConfig): Promise<Outcome> {
  const { method, url, body, timeoutMs, maxResponseBytes } = job.request;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== null) headers['content-type'] = 'application/json';
  for (const h of config.headers) if (h.name.trim() !== '') headers[h.name.trim().toLowerCase()] = h.value;
  try {
    const answer = await http({ url, method, headers, body: body ?? undefined, timeoutMs, maxResponseBytes });
    return { ok: true, status: answer.status, body: redact(answer.text(), secretsOf(config)) };
  } catch (err) {
    // OutboundError messages are our own words; anything else could quote the request, so it is not shown.
    return { ok: false, reason: err instanceof OutboundError ? err.message : 'the call failed' };
  }
}

/** Returns true when a new event was stored (the caller enqueues the conversation's drain). */
export async function processHttpJob(deps: HttpEffectDeps, job: HttpJob): Promise<boolean> {
  const config = await stepConfig(deps.db, job);
  const outcome: Outcome = config ? await call(deps.http, job, config) : { ok: false, reason: 'the step is no longer in the published flow' };
  const base = { tenantId: job.tenantId, channelId: job.channelId, conversationKey: job.conversationKey, conversationId: job.conversationId, token: job.token };
  return outcome.ok
    ? insertInternalEvent(deps.db, { ...base, kind: 'http_result', event: { type: 'http_result', token: job.token, status: outcome.status, body: outcome.body } })
    : insertInternalEvent(deps.db, { ...base, kind: 'http_failed', event: { type: 'http_failed', token: job.token, reason: outcome.reason } });
}
