// Provider webhooks skip express: they need the raw bytes for signature checks and they are the
// hot path (express + body parsing cost a third of the pipeline's throughput). Everything else
// falls through to the express app.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { httpDuration, webhookAck } from '../metrics/metrics';
import { randomUUID } from 'node:crypto';
import { withTrace } from '../log/trace';
import { readBody, readElidedBody, type ElidedBody } from './webhook-body';

const traceIdOf = (incoming: unknown) => (typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID());

export type WebhookReply = { status: number; body: string | Record<string, unknown>; contentType?: string };

export type ProviderWebhook = {
  get?(channelId: string, query: URLSearchParams): Promise<WebhookReply>;
  post(channelId: string, raw: Buffer, headers: IncomingMessage['headers']): Promise<WebhookReply>;
  /**
   * Asked from the headers alone, before any of the body is read: a larger upload with its long JSON
   * strings dropped (see webhook-body), or null for the exact bytes up to 1 MiB. `post` still judges
   * the request; this only decides how it is read.
   */
  elidedBody?(channelId: string, headers: IncomingMessage['headers']): Promise<ElidedBody | null>;
};

const PREFIX = '/v1/webhooks/';
const CLOSE_GRACE_MS = 5_000;

export const errorReply = (status: number, code: string, message: string): WebhookReply => ({
  status,
  body: { error: { code, message } },
});

function send(res: ServerResponse, reply: WebhookReply, headers: Record<string, string> = {}) {
  const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    'content-type': reply.contentType ?? (typeof reply.body === 'string' ? 'text/plain' : 'application/json'),
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

/**
 * Answers 413 while the sender may still be uploading. Destroying the socket first would reset the
 * connection before the client reads any answer; instead Node discards the rest of the body after
 * the response and closes the connection (`connection: close`). A sender that keeps streaming gets
 * cut off after a short grace.
 */
function tooLarge(req: IncomingMessage, res: ServerResponse, message: string) {
  res.on('finish', () => setTimeout(() => req.socket.destroy(), CLOSE_GRACE_MS).unref());
  send(res, errorReply(413, 'payload_too_large', message), { connection: 'close' });
}

export function withProviderWebhooks(
  fallback: RequestListener,
  providers: Record<string, ProviderWebhook>,
  onError: (err: unknown) => void,
): RequestListener {
  return (req, res) => {
    const url = req.url ?? '/';
    if (!url.startsWith(PREFIX)) return fallback(req, res);
    const parsed = new URL(url, 'http://local');
    const [provider, channelId, extra] = parsed.pathname.slice(PREFIX.length).split('/');
    const handler = provider ? providers[provider] : undefined;
    if (!handler || !channelId || extra !== undefined) return fallback(req, res);
    const started = performance.now();
    // The trace starts here (or continues the caller's x-request-id) and follows the work into the queues.
    const traceId = traceIdOf(req.headers['x-request-id']);
    res.setHeader('x-request-id', traceId);
    res.on('finish', () => {
      const elapsed = performance.now() - started;
      const status = String(res.statusCode);
      if (req.method === 'POST') webhookAck.observe({ provider, status }, elapsed);
      httpDuration.observe({ method: req.method ?? 'GET', route: `${PREFIX}${provider}/:channelId`, status }, elapsed);
    });
    void withTrace(traceId, async () => {
      try {
        if (req.method === 'GET' && handler.get) return send(res, await handler.get(channelId, parsed.searchParams));
        if (req.method !== 'POST') {
          const allow = handler.get ? 'GET, POST' : 'POST';
          return send(res, errorReply(405, 'method_not_allowed', `${req.method} is not allowed here; it takes ${allow}`), { allow });
        }
        const elided = handler.elidedBody ? await handler.elidedBody(channelId, req.headers) : null;
        const body = elided ? await readElidedBody(req, elided) : await readBody(req);
        if ('over' in body) return tooLarge(req, res, body.over);
        send(res, await handler.post(channelId, body.raw, req.headers));
      } catch (err) {
        onError(err);
        if (!res.headersSent) send(res, errorReply(500, 'internal', 'Something went wrong'));
      }
    });
  };
}
