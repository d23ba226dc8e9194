// The only code that talks HTTP to an Evolution API server. Each channel brings its own server
// (baseUrl), instance and apikey, so nothing here is global config.
import type { OutboundContent } from '../../engine/actions';
import { SendError, type ChannelAdapter, type SendErrorKind } from '../channel-adapter';
import type { ChannelRecord } from '../channel-types';
import { formatEvolutionMessage } from './evolution.format';

/** Evolution's error envelope: `{status, error, response: {message: string | Array<string | {jid, exists, number}>}}`. */
type Envelope = { status?: number; error?: string; response?: { message?: unknown } };

export type ClassifiedError = { kind: SendErrorKind; code: string; reason: string };

/** Not-on-WhatsApp answers list the numbers checked, each with `exists: false`. */
function missingNumbers(message: unknown): string[] {
  if (!Array.isArray(message)) return [];
  return message
    .filter((m): m is { exists: false; number?: unknown; jid?: unknown } => Boolean(m) && typeof m === 'object' && (m as { exists?: unknown }).exists === false)
    .map((m) => String(m.number ?? m.jid ?? '?'));
}

function messageText(message: unknown): string | null {
  const parts = (Array.isArray(message) ? message : [message]).filter((m): m is string => typeof m === 'string' && m.length > 0);
  return parts.length ? parts.join('; ') : null;
}

/** Turns an HTTP status (0 = no answer) and Evolution's envelope into a send outcome a person can read. */
export function classifyEvolutionError(httpStatus: number, body: unknown): ClassifiedError {
  const env = (body && typeof body === 'object' ? body : {}) as Envelope;
  const detail = messageText(env.response?.message) ?? env.error ?? `HTTP ${httpStatus}`;
  if (httpStatus === 429) return { kind: 'rate_limited', code: 'rate_limited', reason: `Evolution API is rate limiting: ${detail}` };
  if (httpStatus === 0 || httpStatus === 408 || httpStatus >= 500) return { kind: 'retry', code: httpStatus ? `http_${httpStatus}` : 'network', reason: detail };
  const missing = missingNumbers(env.response?.message);
  if (httpStatus === 400 && missing.length > 0) {
    return { kind: 'permanent', code: 'not_on_whatsapp', reason: `The number ${missing.join(', ')} is not on WhatsApp` };
  }
  if (httpStatus === 401 || httpStatus === 403) {
    return { kind: 'permanent', code: 'unauthorized', reason: `Evolution API refused the channel's API key: ${detail}` };
  }
  if (httpStatus === 404) return { kind: 'permanent', code: 'not_found', reason: `Evolution API instance or route not found: ${detail}` };
  return { kind: 'permanent', code: httpStatus === 400 ? 'bad_request' : `http_${httpStatus}`, reason: detail };
}

const retryAfterMs = (res: Response) => {
  const seconds = Number(res.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
};

export function createEvolutionAdapter(): ChannelAdapter {
  return {
    type: 'evolution',
    // Evolution echoes nothing of ours in its webhooks, so our message id has no use here.
    async send(channel: ChannelRecord, to, content: OutboundContent) {
      const { path, body } = formatEvolutionMessage(to, content);
      const url = `${channel.config.baseUrl.replace(/\/+$/, '')}${path}/${encodeURIComponent(channel.config.instance)}`;
      let res: Response;
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: { apikey: channel.secrets.apiKey ?? '', 'content-type': 'application/json' },
          body: JSON.stringify(body),
          // Evolution holds the answer while it shows "typing…" for `delay` ms.
          signal: AbortSignal.timeout(15_000 + content.typingDelayMs),
        });
      } catch (err) {
        throw new SendError('retry', 'network', `Evolution API unreachable: ${(err as Error).message}`);
      }
      const answer: unknown = await res.json().catch(() => ({}));
      const id = (answer as { key?: { id?: unknown } }).key?.id;
      if (res.ok && typeof id === 'string' && id) return { providerMessageId: id };
      // A 2xx without a message id cannot be reconciled; sending again could double the message.
      const e = res.ok ? { kind: 'permanent' as const, code: 'bad_response', reason: `Evolution API answered ${res.status} without key.id` } : classifyEvolutionError(res.status, answer);
      throw new SendError(e.kind, e.code, e.reason, e.kind === 'retry' || e.kind === 'rate_limited' ? retryAfterMs(res) : undefined);
    },
  };
}
