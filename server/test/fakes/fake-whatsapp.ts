// A local stand-in for Meta's Graph API: accepts /messages sends in the Cloud API format (with the
// documented limits), records them, can be told to fail with Graph error codes, and emits signed
// webhooks (messages and statuses) to the app under test. Media follows Meta's two-step download:
// GET /{version}/{media-id} → metadata with a URL on this server, GET that URL → bytes (both Bearer).
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as P from './whatsapp-payloads';

export type RecordedSend = { phoneNumberId: string; body: any; id: string; at: number };
type Failure = { httpStatus: number; code: number; details: string; async?: boolean };

export type FakeWhatsApp = {
  baseUrl: string;
  sends: RecordedSend[];
  /** The next `times` sends fail with this Graph error (or, with async, succeed and then get a failed status). */
  failNext(failure: Failure, times?: number): void;
  /** Posts a signed inbound webhook to `webhookUrl`; returns the HTTP status and the message id. */
  inbound(contact: P.WaContact, message: Record<string, unknown>, opts?: { raw?: string; secret?: string }): Promise<{ status: number; id: string; raw: string }>;
  postRaw(raw: string, signature: string): Promise<number>;
  status(id: string, status: string, recipient: string, error?: { code: number; details: string }): Promise<number>;
  waitForSends(n: number, timeoutMs?: number): Promise<RecordedSend[]>;
  /** Makes a media id downloadable. */
  addMedia(id: string, bytes: Uint8Array, mimeType: string): void;
  /** Media ids whose bytes were fetched (step 2), in order. */
  mediaFetches: string[];
  /** Accepted sends are recorded at once and answered after this many ms (a slow or hanging provider). */
  answerAfter(ms: (phoneNumberId: string, body: any) => number): void;
  /** "Mark as read" calls (with the typing indicator when asked for), in order. */
  reads: Array<{ messageId: string; typing: string | null; at: number }>;
  close(): Promise<void>;
};

function validate(body: any): string | null {
  if (body?.messaging_product !== 'whatsapp') return 'messaging_product must be whatsapp';
  if (!body.to && !body.recipient) return 'to is required';
  if (body.type === 'text' && !(typeof body.text?.body === 'string' && body.text.body.length > 0 && body.text.body.length <= 4096)) return 'text.body';
  if (body.type === 'interactive') {
    const i = body.interactive;
    if ((i?.body?.text ?? '').length > 1024) return 'interactive.body.text too long';
    if (i?.type === 'button') {
      const b = i.action?.buttons ?? [];
      const titles = b.map((x: any) => x.reply?.title);
      if (b.length < 1 || b.length > 3 || titles.some((t: string) => !t || t.length > 20) || new Set(titles).size !== titles.length) return 'buttons';
    }
    if (i?.type === 'list') {
      const rows = (i.action?.sections ?? []).flatMap((s: any) => s.rows ?? []);
      if (!i.action?.button || i.action.button.length > 20 || rows.length < 1 || rows.length > 10 || rows.some((r: any) => r.title.length > 24)) return 'list';
    }
  }
  return null;
}

export async function startFakeWhatsApp(opts: { accessToken: string; appSecret: string; webhookUrl?: () => string; autoStatuses?: boolean }): Promise<FakeWhatsApp> {
  const sends: RecordedSend[] = [];
  const failures: Failure[] = [];
  const media = new Map<string, { bytes: Buffer; mimeType: string }>();
  const mediaFetches: string[] = [];
  const reads: FakeWhatsApp['reads'] = [];
  let answerAfter: (phoneNumberId: string, body: any) => number = () => 0;
  const post = async (raw: string, signature: string) => {
    const res = await fetch(opts.webhookUrl!(), { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }, body: raw });
    await res.text();
    return res.status;
  };
  const emit = (phoneNumberId: string, value: Record<string, unknown>) => {
    const raw = P.metaJson(P.envelope(phoneNumberId, value));
    return post(raw, P.signMeta(raw, opts.appSecret));
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const reply = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      const graphError = (status: number, code: number, message: string) =>
        reply(status, { error: { message, type: 'OAuthException', code, error_data: { messaging_product: 'whatsapp', details: message }, fbtrace_id: 'fake' } });
      if (req.method === 'GET') {
        if (req.headers.authorization !== `Bearer ${opts.accessToken}`) return graphError(401, 190, 'Invalid OAuth access token');
        const path = new URL(req.url ?? '/', 'http://fake').pathname;
        const bytesPath = /^\/media-bytes\/([^/]+)$/.exec(path);
        const id = decodeURIComponent((bytesPath ?? /^\/v\d+\.\d+\/([^/]+)$/.exec(path))?.[1] ?? '');
        const item = media.get(id);
        if (!item) return graphError(400, 100, 'Unsupported get request. Object does not exist');
        if (bytesPath) {
          mediaFetches.push(id);
          return res.writeHead(200, { 'content-type': item.mimeType, 'content-length': item.bytes.length }).end(item.bytes);
        }
        const sha256 = createHash('sha256').update(item.bytes).digest('hex');
        const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/media-bytes/${encodeURIComponent(id)}`;
        return reply(200, { messaging_product: 'whatsapp', url, mime_type: item.mimeType, sha256, file_size: String(item.bytes.length), id });
      }
      const m = /^\/v\d+\.\d+\/([^/]+)\/messages$/.exec(req.url ?? '');
      if (req.method !== 'POST' || !m) return graphError(404, 100, 'Unknown path');
      if (req.headers.authorization !== `Bearer ${opts.accessToken}`) return graphError(401, 190, 'Invalid OAuth access token');
      let body: any;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return graphError(400, 100, 'Invalid JSON');
      }
      // Mark as read (optionally with "typing…"): {messaging_product, status: "read", message_id, typing_indicator?}.
      if (body?.status === 'read') {
        if (body.messaging_product !== 'whatsapp' || typeof body.message_id !== 'string') return graphError(400, 131009, 'Parameter value is not valid: message_id');
        reads.push({ messageId: body.message_id, typing: body.typing_indicator?.type ?? null, at: Date.now() });
        return reply(200, { success: true });
      }
      const invalid = validate(body);
      if (invalid) return graphError(400, 131009, `Parameter value is not valid: ${invalid}`);
      const failure = failures.shift();
      if (failure && !failure.async) return graphError(failure.httpStatus, failure.code, failure.details);
      const id = P.wamid();
      sends.push({ phoneNumberId: m[1]!, body, id, at: Date.now() });
      const wait = answerAfter(m[1]!, body);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      reply(200, { messaging_product: 'whatsapp', contacts: [{ input: body.to ?? body.recipient, wa_id: body.to }], messages: [{ id }] });
      // Like Meta: a "sent" (or "failed") status follows each accepted message, echoing biz_opaque_callback_data.
      const status = failure?.async
        ? P.statusValue(id, 'failed', body.to, { code: failure.code, details: failure.details }, body.biz_opaque_callback_data)
        : P.statusValue(id, 'sent', body.to, undefined, body.biz_opaque_callback_data);
      if (opts.webhookUrl && (failure?.async || opts.autoStatuses !== false)) setTimeout(() => void emit(m[1]!, status).catch(() => {}), 20);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    sends,
    failNext: (f, times = 1) => {
      for (let i = 0; i < times; i++) failures.push(f);
    },
    async inbound(contact, message, o = {}) {
      const value = P.messageValue(contact, message);
      const raw = o.raw ?? P.metaJson(P.envelope(currentPhoneId(), value));
      const status = await post(raw, P.signMeta(raw, o.secret ?? opts.appSecret));
      return { status, id: (value.messages[0] as { id: string }).id, raw };
    },
    postRaw: post,
    status: (id, status, recipient, error) => emit(currentPhoneId(), P.statusValue(id, status, recipient, error)),
    async waitForSends(n, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (sends.length < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      return sends;
    },
    addMedia: (id, bytes, mimeType) => void media.set(id, { bytes: Buffer.from(bytes), mimeType }),
    mediaFetches,
    reads,
    answerAfter: (fn) => void (answerAfter = fn),
    close: () => new Promise<void>((r) => {
      server.close(() => r());
      server.closeAllConnections(); // a hanging answer must not keep the fake open
    }),
  };
  function currentPhoneId() {
    return phoneNumberIdFor;
  }
}

/** Tests use one phone number id per fake. */
export const phoneNumberIdFor = '106540352242922';
