// Performs an http_request step's call (its entry in the effects registry); the effects worker
// feeds the answer back as an inbound event of its conversation. The engine never awaits it: the
// session is parked with the call's token.
// Header values are read here from the published step (credentials opened from their sealed form),
// never carried by the job, the event or the run log, and cut out of the stored answer (a server may
// echo them), so they are never shown back.
import type { FlowDocument, NodeConfig } from '@zyntra/flows-schema';
import { forTenant } from '../db/tenant-db';
import type { HttpAnswer, HttpCall } from '../engine/handlers/http-request';
import { OutboundError, type Outbound } from '../net';
import type { StepEffectJob } from '../queues/queue-names';
import type { StepEffect, StepEffectDeps, StepEffectOutcome } from './step-effect';
import { openSecret } from '../flows/flow-secrets';

type HttpRequestConfig = NodeConfig<'http_request'>;

const REDACTED = '[secret]';

async function stepConfig(deps: StepEffectDeps, job: StepEffectJob, request: HttpCall): Promise<HttpRequestConfig | null> {
  const row = await forTenant(deps.db, job.tenantId).from('flow_versions').where({ id: request.versionId }).first('document');
  const node = (row?.document as FlowDocument | undefined)?.nodes.find((n) => n.id === job.nodeId);
  if (node?.type !== 'http_request') return null;
  const config = node.config as HttpRequestConfig;
  return { ...config, headers: config.headers.map((h) => ({ ...h, value: openSecret(h.value, deps.sealer) })) };
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

async function call(http: Outbound, request: HttpCall, config: HttpRequestConfig): Promise<StepEffectOutcome> {
  const { method, url, body, timeoutMs, maxResponseBytes } = request;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== null) headers['content-type'] = 'application/json';
  for (const h of config.headers) if (h.name.trim() !== '') headers[h.name.trim().toLowerCase()] = h.value;
  try {
    const answer = await http({ url, method, headers, body: body ?? undefined, timeoutMs, maxResponseBytes });
    const data: HttpAnswer = { status: answer.status, body: redact(answer.text(), secretsOf(config)) };
    return { ok: true, data };
  } catch (err) {
    // OutboundError messages are our own words; anything else could quote the request, so it is not shown.
    return err instanceof OutboundError ? { ok: false, reason: err.message, code: err.kind } : { ok: false, reason: 'the call failed' };
  }
}

export const httpEffect: StepEffect = {
  lostReason: 'the HTTP call was lost',
  async perform(job, deps) {
    const request = job.request as HttpCall;
    const config = await stepConfig(deps, job, request);
    return config ? call(deps.http, request, config) : { ok: false, reason: 'the step is no longer in the published flow' };
  },
};
