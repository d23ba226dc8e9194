// The only code that talks HTTP to an Evolution API server. Each channel brings its own server
// (baseUrl), instance and apikey, so nothing here is global config. The base URL is the tenant's:
// every call goes through the outbound client (address checks, caps, no redirects).
import type { OutboundContent } from '@zyntra/flows-schema';
import { OutboundError, type Outbound, type OutboundResponse } from '../../net';
import { PROVIDER_TIMEOUT_MS, SendError, type ChannelAdapter, type SendErrorKind } from '../channel-adapter';
import type { ChannelRecord } from '../channel-types';
import { formatEvolutionMessage, numberOf } from './evolution.format';
import { createEvolutionMediaDownload } from './evolution.media';

/** Evolution's error envelope: `{status, error, response: {message: string | Array<string | {jid, exists, number}>}}`. */
type Envelope = { status?: number; error?: string; response?: { message?: unknown } };

export type ClassifiedError = { kind: SendErrorKind; code: string; reason: string };

/** Not-on-WhatsApp answers list the numbers checked, each with `exists: false`. */
function saysNotOnWhatsApp(message: unknown): boolean {
  return Array.isArray(message) && message.some((m) => Boolean(m) && typeof m === 'object' && (m as { exists?: unknown }).exists === false);
}

/**
 * Turns an HTTP status (0 = no answer) and Evolution's envelope into a send outcome a person can
 * read. The reason is in our words with the status: the server is the tenant's choice, so its text
 * is never passed on (it could be any service's error page). `number` is the one we sent to.
 */
export function classifyEvolutionError(httpStatus: number, body: unknown, number: string): ClassifiedError {
  const env = (body && typeof body === 'object' ? body : {}) as Envelope;
  const status = `HTTP ${httpStatus}`;
  if (httpStatus === 429) return { kind: 'rate_limited', code: 'rate_limited', reason: `Evolution API is rate limiting (${status})` };
  if (httpStatus === 0 || httpStatus === 408 || httpStatus >= 500) {
    return { kind: 'retry', code: httpStatus ? `http_${httpStatus}` : 'network', reason: httpStatus ? `Evolution API failed (${status})` : 'Evolution API did not answer' };
  }
  if (httpStatus === 400 && saysNotOnWhatsApp(env.response?.message)) {
    return { kind: 'permanent', code: 'not_on_whatsapp', reason: `The number ${number} is not on WhatsApp` };
  }
  if (httpStatus === 401 || httpStatus === 403) {
    return { kind: 'permanent', code: 'unauthorized', reason: `Evolution API refused the channel's API key (${status})` };
  }
  if (httpStatus === 404) return { kind: 'permanent', code: 'not_found', reason: `Evolution API instance or route not found (${status})` };
  return { kind: 'permanent', code: httpStatus === 400 ? 'bad_request' : `http_${httpStatus}`, reason: `Evolution API refused the message (${status})` };
}

const retryAfterMs = (res: OutboundResponse) => {
  const seconds = Number(res.headers['retry-after']);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
};

/** What a refused or failed call means for the message: only a network failure or timeout is worth retrying. */
function sendErrorOf(err: unknown): SendError {
  if (!(err instanceof OutboundError)) return new SendError('retry', 'network', 'Evolution API call failed');
  const retry = err.kind === 'network' || err.kind === 'timeout';
  return new SendError(retry ? 'retry' : 'permanent', err.kind, `Evolution API: ${err.message}`);
}

/** An Evolution answer is a small JSON record; anything bigger is not one. */
const MAX_ANSWER_BYTES = 256 * 1024;

export function createEvolutionAdapter(outbound: Outbound): ChannelAdapter {
  return {
    type: 'evolution',
    waitsTypingDelay: true,
    downloadMedia: createEvolutionMediaDownload(outbound),
    // Evolution echoes nothing of ours in its webhooks, so our message id has no use here.
    async send(channel: ChannelRecord, to, content: OutboundContent) {
      const { path, body } = formatEvolutionMessage(to, content);
      let res: OutboundResponse;
      try {
        res = await outbound({
          method: 'POST',
          url: `${channel.config.baseUrl.replace(/\/+$/, '')}${path}/${encodeURIComponent(channel.config.instance)}`,
          headers: { apikey: channel.secrets.apiKey ?? '', 'content-type': 'application/json' },
          body: JSON.stringify(body),
          // The typing delay is waited out by the sender before this call, not held inside it.
          timeoutMs: PROVIDER_TIMEOUT_MS,
          maxResponseBytes: MAX_ANSWER_BYTES,
        });
      } catch (err) {
        throw sendErrorOf(err);
      }
      const answer = res.json() ?? {};
      const id = (answer as { key?: { id?: unknown } }).key?.id;
      if (res.ok && typeof id === 'string' && id) return { providerMessageId: id };
      // A 2xx without a message id cannot be reconciled; sending again could double the message.
      const e = res.ok ? { kind: 'permanent' as const, code: 'bad_response', reason: `Evolution API answered ${res.status} without key.id` } : classifyEvolutionError(res.status, answer, numberOf(to));
      throw new SendError(e.kind, e.code, e.reason, e.kind === 'retry' || e.kind === 'rate_limited' ? retryAfterMs(res) : undefined);
    },
  };
}
