// The only code that talks HTTP to the Graph API. Errors are classified on error.code (not on the
// HTTP status), as Meta documents.
import type { Config } from '../../config/env';
import type { OutboundContent } from '@zyntra/flows-schema';
import { PROVIDER_TIMEOUT_MS, SendError, type ChannelAdapter, type SendErrorKind } from '../channel-adapter';
import type { ChannelRecord } from '../channel-types';
import { formatTypingIndicator, formatWhatsAppMessage } from './whatsapp.format';
import { createWhatsAppMediaDownload } from './whatsapp.media';
import { readJsonCapped } from '../capped-json';

// 131057: the number is being moved to a higher throughput (≤ 1 min, reference/whatsapp-templates.md §5).
const RATE_LIMIT_CODES = new Set([130429, 131056, 80007, 4, 131048, 131057]);
const TRANSIENT_CODES = new Set([131000, 2, 1, 133004]);

export function classifyWhatsAppError(httpStatus: number, code: number | null): SendErrorKind {
  if (code !== null && RATE_LIMIT_CODES.has(code)) return 'rate_limited';
  if (code !== null && TRANSIENT_CODES.has(code)) return 'retry';
  if (httpStatus === 429) return 'rate_limited';
  if (httpStatus >= 500 || httpStatus === 0) return 'retry';
  return 'permanent';
}

type GraphError = { error?: { code?: number; message?: string; error_data?: { details?: string } } };

export function createWhatsAppAdapter(config: Pick<Config, 'WHATSAPP_GRAPH_BASE_URL' | 'WHATSAPP_GRAPH_VERSION'>): ChannelAdapter {
  const base = config.WHATSAPP_GRAPH_BASE_URL.replace(/\/$/, '');
  return {
    type: 'whatsapp_cloud',
    downloadMedia: createWhatsAppMediaDownload(config, classifyWhatsAppError),
    // WhatsApp has no "stopped typing": the indicator ends with our reply or after 25 s.
    async typing(channel, _to, signal) {
      if (!signal.on || !signal.replyTo) return;
      const res = await fetch(`${base}/${config.WHATSAPP_GRAPH_VERSION}/${channel.config.phoneNumberId}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${channel.secrets.accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(formatTypingIndicator(signal.replyTo)),
        signal: AbortSignal.timeout(5_000),
      });
      await res.body?.cancel().catch(() => {}); // its answer says nothing we use: free the connection
      if (!res.ok) throw new SendError('permanent', String(res.status), `typing indicator refused: HTTP ${res.status}`);
    },
    async send(channel: ChannelRecord, to, content: OutboundContent, messageId) {
      const url = `${base}/${config.WHATSAPP_GRAPH_VERSION}/${channel.config.phoneNumberId}/messages`;
      let res: Response;
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: { authorization: `Bearer ${channel.secrets.accessToken}`, 'content-type': 'application/json' },
          body: JSON.stringify(formatWhatsAppMessage(to, content, messageId)),
          // A send cut off early is sent again; a slow Graph API answer is not worth a double message.
          signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
        });
      } catch (err) {
        throw new SendError('retry', 'network', `WhatsApp unreachable: ${(err as Error).message}`);
      }
      const body = (await readJsonCapped(res)) as GraphError & { messages?: Array<{ id?: string }> };
      const id = body.messages?.[0]?.id;
      if (res.ok && id) return { providerMessageId: id };
      const code = typeof body.error?.code === 'number' ? body.error.code : null;
      const reason = body.error?.error_data?.details ?? body.error?.message ?? `HTTP ${res.status}`;
      const retryAfter = Number(res.headers.get('retry-after'));
      throw new SendError(classifyWhatsAppError(res.status, code), String(code ?? res.status), reason, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined);
    },
  };
}
