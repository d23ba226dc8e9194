// Provider webhooks skip express: they need the raw bytes for signature checks and they are the
// hot path (express + body parsing cost a third of the pipeline's throughput). Everything else
// falls through to the express app.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

export type WebhookReply = { status: number; body: string | Record<string, unknown>; contentType?: string };

export type ProviderWebhook = {
  get?(channelId: string, query: URLSearchParams): Promise<WebhookReply>;
  post(channelId: string, raw: Buffer, headers: IncomingMessage['headers']): Promise<WebhookReply>;
};

const PREFIX = '/v1/webhooks/';
const MAX_BODY = 1024 * 1024;

export const errorReply = (status: number, code: string, message: string): WebhookReply => ({
  status,
  body: { error: { code, message } },
});

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, reply: WebhookReply) {
  const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    'content-type': reply.contentType ?? (typeof reply.body === 'string' ? 'text/plain' : 'application/json'),
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
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
    void (async () => {
      try {
        if (req.method === 'GET' && handler.get) return send(res, await handler.get(channelId, parsed.searchParams));
        if (req.method !== 'POST') return send(res, errorReply(405, 'method_not_allowed', 'Use POST'));
        const raw = await readBody(req);
        if (!raw) return send(res, errorReply(413, 'payload_too_large', 'Body over 1 MiB'));
        send(res, await handler.post(channelId, raw, req.headers));
      } catch (err) {
        onError(err);
        if (!res.headersSent) send(res, errorReply(500, 'internal', 'Something went wrong'));
      }
    })();
  };
}
