// Provider webhooks skip express: they need the raw bytes for signature checks and they are the
// hot path (express + body parsing cost a third of the pipeline's throughput). Everything else
// falls through to the express app.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { httpDuration, webhookAck } from '../metrics/metrics';

export type WebhookReply = { status: number; body: string | Record<string, unknown>; contentType?: string };

export type ProviderWebhook = {
  get?(channelId: string, query: URLSearchParams): Promise<WebhookReply>;
  post(channelId: string, raw: Buffer, headers: IncomingMessage['headers']): Promise<WebhookReply>;
};

const PREFIX = '/v1/webhooks/';
const MAX_BODY = 1024 * 1024;
const CLOSE_GRACE_MS = 5_000;

export const errorReply = (status: number, code: string, message: string): WebhookReply => ({
  status,
  body: { error: { code, message } },
});

/** The body, or null once it passes MAX_BODY (the rest is left unread; see tooLarge). */
function readBody(req: IncomingMessage): Promise<Buffer | null> {
  if (Number(req.headers['content-length']) > MAX_BODY) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) return void chunks.push(chunk);
      req.off('data', onData);
      resolve(null);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

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
function tooLarge(req: IncomingMessage, res: ServerResponse) {
  res.on('finish', () => setTimeout(() => req.socket.destroy(), CLOSE_GRACE_MS).unref());
  send(res, errorReply(413, 'payload_too_large', 'Body over 1 MiB'), { connection: 'close' });
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
    res.on('finish', () => {
      const elapsed = performance.now() - started;
      const status = String(res.statusCode);
      if (req.method === 'POST') webhookAck.observe({ provider, status }, elapsed);
      httpDuration.observe({ method: req.method ?? 'GET', route: `${PREFIX}${provider}/:channelId`, status }, elapsed);
    });
    void (async () => {
      try {
        if (req.method === 'GET' && handler.get) return send(res, await handler.get(channelId, parsed.searchParams));
        if (req.method !== 'POST') return send(res, errorReply(405, 'method_not_allowed', 'Use POST'));
        const raw = await readBody(req);
        if (!raw) return tooLarge(req, res);
        send(res, await handler.post(channelId, raw, req.headers));
      } catch (err) {
        onError(err);
        if (!res.headersSent) send(res, errorReply(500, 'internal', 'Something went wrong'));
      }
    })();
  };
}
