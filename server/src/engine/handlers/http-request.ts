// Calls the tenant's own system and parks until the runner feeds back the answer or the failure;
// then saves the mapped parts of the JSON answer in variables. The call itself is an effect.
import { interpolate, type FlowNodeOf } from '@zyntra/flows-schema';
import type { EffectFailed, EffectResult } from '../events';
import { READ_VARS, templateVars } from '../variables';
import { unexpectedEvent, type NodeHandler, type Step } from './types';

/** The answer is cut (and the step fails) past this; it is stored with the conversation's events. */
export const HTTP_MAX_RESPONSE_BYTES = 256 * 1024;
/** The kind of this step's effect: its entry in the runner's effects registry. */
export const HTTP_EFFECT = 'http';
/** The call's job is taken as lost this long after its own timeout. */
const HTTP_GRACE_MS = 30_000;

/** The call the effect performs. Header values are not here: the effect reads them from the step itself. */
export type HttpCall = { versionId: string; method: string; url: string; body: string | null; timeoutMs: number; maxResponseBytes: number };
/** What the effect answers: any status; the body cut at the call's size cap. */
export type HttpAnswer = { status: number; body: string };

const mapValues = (vars: Record<string, string>, f: (v: string) => string) =>
  Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, f(v)]));
/** A value inside a JSON string literal: quotes, backslashes and control characters escaped. */
const jsonText = (v: string) => JSON.stringify(v).slice(1, -1);

const failed = (error: string, outcome = 'http_failed'): Step => ({ next: 'error', actions: [], outcome, error });

/** The value at a dotted path (keys or list indexes); undefined when any part is missing. */
export function valueAt(root: unknown, path: string): unknown {
  let current = root;
  for (const key of path.trim().split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

const asVariable = (value: unknown): string =>
  value === undefined || value === null ? '' : typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);

function answer(node: FlowNodeOf<'http_request'>, event: EffectResult | EffectFailed): Step {
  // The outbound module's cause names the outcome (http_timeout, http_blocked_address…): the test chat
  // and the inbox say it in the reader's language. A lost call has none: http_failed.
  if (event.type === 'effect_failed') return failed(event.reason, event.code && /^[a-z_]{1,32}$/.test(event.code) ? `http_${event.code}` : 'http_failed');
  const res = event.data as HttpAnswer;
  if (res.status < 200 || res.status > 299) return failed(`the server answered HTTP ${res.status}`, 'http_status');
  const mappings = node.config.mappings.filter((m) => m.variable !== null && m.path.trim() !== '');
  if (mappings.length === 0) return { next: 'ok', actions: [] };
  let json: unknown;
  try {
    json = JSON.parse(res.body);
  } catch {
    return failed('the answer is not JSON', 'http_not_json');
  }
  const vars = Object.fromEntries(mappings.map((m) => [m.variable as string, asVariable(valueAt(json, m.path))]));
  return { next: 'ok', actions: [], vars };
}

export const httpRequest: NodeHandler<'http_request'> = {
  enter(node, session, ctx) {
    const { method, url, body, timeoutSeconds } = node.config;
    const vars = templateVars(session, ctx);
    const request: HttpCall = {
      versionId: session.versionId,
      method,
      url: interpolate(url, mapValues(vars, encodeURIComponent), READ_VARS).trim(),
      body: body.trim() === '' ? null : interpolate(body, mapValues(vars, jsonText), READ_VARS),
      timeoutMs: timeoutSeconds * 1000,
      maxResponseBytes: HTTP_MAX_RESPONSE_BYTES,
    };
    if (request.body !== null) {
      try {
        JSON.parse(request.body);
      } catch {
        return failed('the body is not valid JSON', 'http_bad_body');
      }
    }
    const token = ctx.newId();
    return {
      actions: [{ type: 'start_effect', kind: HTTP_EFFECT, nodeId: node.id, token, request, waitMs: request.timeoutMs + HTTP_GRACE_MS }],
      wait: { waitingFor: 'effect', effect: HTTP_EFFECT, token },
    };
  },
  resume(node, _session, event) {
    if ((event.type !== 'effect_result' && event.type !== 'effect_failed') || event.kind !== HTTP_EFFECT) throw unexpectedEvent(node, event);
    return answer(node, event);
  },
};
