// A local stand-in for an Evolution API v2 server: accepts sendText/sendMedia with the `apikey`
// header, answers 201 with the stored message record, can be told to fail (400 not on WhatsApp,
// 500), hands inbound files over by message key id (chat/getBase64FromMediaMessage), and emits
// webhooks the way Evolution does: customer upserts, fromMe upserts for replies typed on the phone,
// messages.update statuses, and send.message for every API send.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as P from './evolution-payloads';

export type EvolutionSend = { instance: string; endpoint: 'sendText' | 'sendMedia'; apikey: string | undefined; body: any; id: string; at: number };
export type EvolutionFailure = 'not_on_whatsapp' | 'server_error' | { status: number; body: unknown };
/** How a webhook proves itself: our static header, Evolution's jwt_key Bearer JWT, or nothing. */
export type WebhookAuth = { mode: 'header' | 'jwt' | 'none'; token?: string };

export type FakeEvolution = {
  baseUrl: string;
  sends: EvolutionSend[];
  failNext(failure: EvolutionFailure, times?: number): void;
  /** A received media message's file, as Evolution keeps it (by the message's key id). */
  addMedia(keyId: string, bytes: Buffer, mimetype: string, fileName?: string): void;
  /** The key ids getBase64FromMediaMessage was asked for, in order. */
  mediaFetches: string[];
  failMediaNext(failure: EvolutionFailure, times?: number): void;
  /** A customer's message (`messages.upsert`, fromMe false). */
  customer(number: string, message: Record<string, unknown>, o?: { name?: string; id?: string; auth?: WebhookAuth; keyExtra?: Record<string, unknown> }): Promise<{ status: number; id: string; raw: string }>;
  /** A reply typed on the business phone (`messages.upsert`, fromMe true). */
  phoneReply(number: string, text: string, o?: { id?: string }): Promise<{ status: number; id: string }>;
  status(id: string, status: string, number: string, o?: { fromMe?: boolean }): Promise<number>;
  emit(event: string, data: unknown, o?: { auth?: WebhookAuth; instance?: string }): Promise<{ status: number; raw: string }>;
  postRaw(raw: string, auth: WebhookAuth): Promise<number>;
  waitForSends(n: number, timeoutMs?: number): Promise<EvolutionSend[]>;
  close(): Promise<void>;
};

type Options = { apiKey: string; instance: string; webhookUrl: () => string; webhookToken: () => string; auth?: 'header' | 'jwt'; autoStatuses?: boolean };

const envelopeError = (status: number, error: string, message: unknown) => ({ status, error, response: { message } });

function invalid(endpoint: string, body: any): string | null {
  if (typeof body?.number !== 'string' || !/^(\d+|[^@\s]+@(s\.whatsapp\.net|g\.us|lid))$/.test(body.number)) return 'instance requires property "number"';
  if (endpoint === 'sendText' && !(typeof body.text === 'string' && body.text.length > 0)) return 'instance requires property "text"';
  if (endpoint === 'sendMedia') {
    if (!['image', 'video', 'audio', 'document'].includes(body.mediatype)) return 'mediatype must be image, video, audio or document';
    if (typeof body.media !== 'string' || !body.media) return 'instance requires property "media"';
  }
  // A quoted reply: {"quoted": {"key": {"id", "remoteJid"?, "fromMe"?}, "message"?}}.
  if (body.quoted !== undefined && !(typeof body.quoted?.key?.id === 'string' && body.quoted.key.id.length > 0)) return 'quoted.key.id must be a string';
  if (body.quoted?.key?.fromMe !== undefined && typeof body.quoted.key.fromMe !== 'boolean') return 'quoted.key.fromMe must be a boolean';
  if (body.delay !== undefined && !Number.isInteger(body.delay)) return 'delay must be an integer';
  return null;
}

type StoredMedia = { bytes: Buffer; mimetype: string; fileName?: string };

/** Evolution's answer: the Baileys media message's fields plus the decrypted file as base64 (2.3.6 `getBase64FromMediaMessage`). */
function mediaAnswer(keyId: string, m: StoredMedia) {
  const kind = m.mimetype.startsWith('image/') ? 'image' : m.mimetype.startsWith('audio/') ? 'audio' : m.mimetype.startsWith('video/') ? 'video' : 'document';
  return {
    mediaType: `${kind}Message`,
    fileName: m.fileName ?? `${keyId}.bin`,
    size: { fileLength: String(m.bytes.length) },
    mimetype: m.mimetype,
    base64: m.bytes.toString('base64'),
    buffer: null,
  };
}

export async function startFakeEvolution(opts: Options): Promise<FakeEvolution> {
  const sends: EvolutionSend[] = [];
  const failures: EvolutionFailure[] = [];
  const media = new Map<string, StoredMedia>();
  const mediaFetches: string[] = [];
  const mediaFailures: EvolutionFailure[] = [];
  const defaultAuth = (): WebhookAuth => ({ mode: opts.auth ?? 'header' });

  async function postRaw(raw: string, auth: WebhookAuth) {
    const token = auth.token ?? opts.webhookToken();
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (auth.mode === 'header') headers['x-zyntra-token'] = token;
    if (auth.mode === 'jwt') headers.authorization = `Bearer ${await P.webhookJwt(token)}`;
    const res = await fetch(opts.webhookUrl(), { method: 'POST', headers, body: raw });
    await res.text();
    return res.status;
  }
  async function emit(event: string, data: unknown, o: { auth?: WebhookAuth; instance?: string } = {}) {
    const raw = JSON.stringify(P.envelope(event, o.instance ?? opts.instance, data));
    return { status: await postRaw(raw, o.auth ?? defaultAuth()), raw };
  }
  const later = (fn: () => Promise<unknown>, ms: number) => setTimeout(() => void fn().catch(() => {}), ms);

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const reply = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      // Instance state (what "test connection" asks): {"instance": {"instanceName", "state": "open" | "connecting" | "close"}}.
      const state = /^\/instance\/connectionState\/([^/?]+)$/.exec(req.url ?? '');
      if (req.method === 'GET' && state) {
        if (req.headers.apikey !== opts.apiKey) return reply(401, envelopeError(401, 'Unauthorized', 'Unauthorized'));
        const name = decodeURIComponent(state[1]!);
        if (name !== opts.instance) return reply(404, envelopeError(404, 'Not Found', [`The "${name}" instance does not exist`]));
        return reply(200, { instance: { instanceName: name, state: 'open' } });
      }
      const base64 = /^\/chat\/getBase64FromMediaMessage\/([^/?]+)$/.exec(req.url ?? '');
      if (req.method === 'POST' && base64) {
        if (req.headers.apikey !== opts.apiKey) return reply(401, envelopeError(401, 'Unauthorized', 'Unauthorized'));
        const name = decodeURIComponent(base64[1]!);
        if (name !== opts.instance) return reply(404, envelopeError(404, 'Not Found', [`The "${name}" instance does not exist`]));
        let id: unknown;
        try {
          id = JSON.parse(Buffer.concat(chunks).toString('utf8'))?.message?.key?.id;
        } catch {
          return reply(400, envelopeError(400, 'Bad Request', ['Invalid JSON']));
        }
        mediaFetches.push(String(id));
        const failure = mediaFailures.shift();
        if (failure === 'server_error') return reply(500, envelopeError(500, 'Internal Server Error', 'Connection Closed'));
        if (failure && failure !== 'not_on_whatsapp') return reply(failure.status, failure.body);
        // Evolution looks the message up in its own database, and throws every failure as a 400.
        const stored = typeof id === 'string' ? media.get(id) : undefined;
        if (!stored) return reply(400, envelopeError(400, 'Bad Request', ['Message not found']));
        return reply(201, mediaAnswer(id as string, stored));
      }
      const m = /^\/message\/(sendText|sendMedia)\/([^/?]+)$/.exec(req.url ?? '');
      if (req.method !== 'POST' || !m) return reply(404, envelopeError(404, 'Not Found', ['Cannot POST ' + req.url]));
      const apikey = typeof req.headers.apikey === 'string' ? req.headers.apikey : undefined;
      if (apikey !== opts.apiKey) return reply(401, envelopeError(401, 'Unauthorized', 'Unauthorized'));
      const endpoint = m[1] as 'sendText' | 'sendMedia';
      const instance = decodeURIComponent(m[2]!);
      if (instance !== opts.instance) return reply(404, envelopeError(404, 'Not Found', [`The "${instance}" instance does not exist`]));
      let body: any;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return reply(400, envelopeError(400, 'Bad Request', ['Invalid JSON']));
      }
      const problem = invalid(endpoint, body);
      if (problem) return reply(400, envelopeError(400, 'Bad Request', [problem]));
      const failure = failures.shift();
      if (failure === 'not_on_whatsapp') {
        return reply(400, envelopeError(400, 'Bad Request', [{ jid: P.jidOf(body.number), exists: false, number: body.number }]));
      }
      if (failure === 'server_error') return reply(500, envelopeError(500, 'Internal Server Error', 'Connection Closed'));
      if (failure) return reply(failure.status, failure.body);
      const message = endpoint === 'sendText'
        ? P.text(body.text)
        : { [`${body.mediatype}Message`]: { url: body.media, ...(body.caption ? { caption: body.caption } : {}), ...(body.fileName ? { fileName: body.fileName } : {}) } };
      const record = P.messageRecord({ remoteJid: P.jidOf(body.number), fromMe: true, message });
      sends.push({ instance, endpoint, apikey, body, id: record.key.id, at: Date.now() });
      reply(201, record);
      // Like Evolution (Baileys with emitOwnEvents off): API sends are reported as send.message,
      // never as a fromMe upsert; the server's ack follows as messages.update.
      later(() => emit('send.message', record), 10);
      if (opts.autoStatuses !== false) later(() => emit('messages.update', P.updateData(record.key.id, 'SERVER_ACK', record.key.remoteJid)), 30);
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
    addMedia: (keyId, bytes, mimetype, fileName) => void media.set(keyId, { bytes, mimetype, fileName }),
    mediaFetches,
    failMediaNext: (f, times = 1) => {
      for (let i = 0; i < times; i++) mediaFailures.push(f);
    },
    async customer(number, message, o = {}) {
      const record = P.messageRecord({ remoteJid: P.jidOf(number), fromMe: false, id: o.id, pushName: o.name, message, keyExtra: o.keyExtra });
      const { status, raw } = await emit('messages.upsert', record, { auth: o.auth });
      return { status, id: record.key.id, raw };
    },
    async phoneReply(number, text, o = {}) {
      const record = P.messageRecord({ remoteJid: P.jidOf(number), fromMe: true, id: o.id, pushName: 'Loja', message: P.text(text), status: 'SERVER_ACK' });
      const { status } = await emit('messages.upsert', record);
      return { status, id: record.key.id };
    },
    status: async (id, status, number, o = {}) => (await emit('messages.update', P.updateData(id, status, P.jidOf(number), o.fromMe ?? true))).status,
    emit,
    postRaw,
    async waitForSends(n, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (sends.length < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      return sends;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
