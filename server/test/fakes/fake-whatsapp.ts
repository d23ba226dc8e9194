// A local stand-in for Meta's Graph API: accepts /messages sends in the Cloud API format (with the
// documented limits), records them, can be told to fail with Graph error codes, and emits signed
// webhooks (messages and statuses) to the app under test. Media follows Meta's two-step download:
// GET /{version}/{media-id} → metadata with a URL on this server, GET that URL → bytes (both Bearer).
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as P from './whatsapp-payloads';
import { fakeTemplateApi, type FakeTemplate, type FakeTemplateApi } from './fake-whatsapp-templates';

export type RecordedSend = { phoneNumberId: string; body: any; id: string; at: number };
type Failure = { httpStatus: number; code: number; details: string; async?: boolean };

/** A template the fake knows, with how many parameters each component takes. */
export type { FakeTemplate } from './fake-whatsapp-templates';

/** How Meta answers the per-recipient errors a campaign meets (reference/whatsapp-templates.md §4). */
export const RECIPIENT_FAILURES: Record<number, Failure> = {
  131049: { httpStatus: 200, code: 131049, details: 'This message was not delivered to maintain healthy ecosystem engagement.', async: true },
  131050: { httpStatus: 200, code: 131050, details: 'User has stopped marketing messages from this business.', async: true },
  130472: { httpStatus: 200, code: 130472, details: "User's number is part of an experiment", async: true },
  131056: { httpStatus: 429, code: 131056, details: 'Too many messages sent from this phone number to the same phone number in a short period.' },
};

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
  /** Templates by `name:language`; sends of others fail with 132001. */
  templates: Map<string, FakeTemplate>;
  addTemplate(t: FakeTemplate): void;
  /** Template management endpoints and the account webhooks (template reviews, marketing preferences). */
  templateApi: FakeTemplateApi;
  /**
   * Makes sends to `to` fail with this Graph error code (131049, 131050, 130472 as a failed status
   * after acceptance; 131056 as a 429) the next `times` times (default: always).
   */
  failFor(to: string, code: keyof typeof RECIPIENT_FAILURES | number, times?: number): void;
  /** Accepted sends per recipient (`to`). */
  sendsTo(to: string): RecordedSend[];
  /** Makes a media id downloadable. */
  addMedia(id: string, bytes: Uint8Array, mimeType: string): void;
  /** Media ids whose bytes were fetched (step 2), in order. */
  mediaFetches: string[];
  /** Holds the bytes of a media id: its downloads hang (a slow CDN) until releaseMedia(). */
  holdMedia(id: string): void;
  /** Answers every held download and stops holding. */
  releaseMedia(): void;
  /** Accepted sends are recorded at once and answered after this many ms (a slow or hanging provider). */
  answerAfter(ms: (phoneNumberId: string, body: any) => number): void;
  /** The number's messaging limit tier Graph tells when asked for it (none when unset). */
  messagingLimit: string | undefined;
  /** "Mark as read" calls (with the typing indicator when asked for), in order. */
  reads: Array<{ messageId: string; typing: string | null; at: number }>;
  close(): Promise<void>;
};

function validate(body: any): string | null {
  if (body?.messaging_product !== 'whatsapp') return 'messaging_product must be whatsapp';
  if (!body.to && !body.recipient) return 'to is required';
  // A quoted reply names the message it answers by its wamid: {"context": {"message_id": "wamid…"}}.
  if (body.context !== undefined && !(typeof body.context?.message_id === 'string' && body.context.message_id.length > 0)) return 'context.message_id';
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

/** 132001 (unknown or not approved), 132015/132016 (paused/disabled), 132000 (parameter count), else null. */
function checkTemplate(body: any, templates: Map<string, FakeTemplate>): Failure | null {
  const name = body.template?.name;
  const language = body.template?.language?.code;
  const t = templates.get(`${name}:${language}`);
  if (!t || !['APPROVED', 'PAUSED', 'DISABLED'].includes(t.status)) {
    return { httpStatus: 404, code: 132001, details: `template name (${name}) does not exist in ${language}` };
  }
  if (t.status === 'PAUSED') return { httpStatus: 400, code: 132015, details: `Template ${name} is paused due to low quality` };
  if (t.status === 'DISABLED') return { httpStatus: 400, code: 132016, details: `Template ${name} has been disabled` };
  const count = (type: string) => (body.template.components ?? []).filter((c: any) => c.type === type).flatMap((c: any) => c.parameters ?? []).length;
  if (count('body') !== t.bodyParams || count('header') !== (t.headerParams ?? 0)) {
    return { httpStatus: 400, code: 132000, details: `body: number of localizable_params (${count('body')}) does not match the expected number of params (${t.bodyParams})` };
  }
  // A template made with named parameters ({{first_name}}) takes each body value with its
  // `parameter_name`, in any order (reference/whatsapp-templates.md §3). Which code Meta answers
  // without them is not in the reference: the fake says 132000, the parameters not matching.
  const bodyText = (t.components ?? []).find((c: any) => String(c?.type).toUpperCase() === 'BODY') as { text?: string } | undefined;
  const names = [...new Set([...(bodyText?.text ?? '').matchAll(/\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}/g)].map((x) => x[1]))];
  if (names.length > 0) {
    const given = (body.template.components ?? []).filter((c: any) => c.type === 'body').flatMap((c: any) => c.parameters ?? []).map((x: any) => x.parameter_name);
    if (given.length !== names.length || names.some((n) => !given.includes(n))) {
      return { httpStatus: 400, code: 132000, details: `body: named parameters (${names.join(', ')}) expected, got (${given.join(', ')})` };
    }
  }
  // A URL button whose address ends in {{1}} and a copy-code button each take their one parameter.
  const listed = (t.components ?? []).find((c: any) => String(c?.type).toUpperCase() === 'BUTTONS') as { buttons?: any[] } | undefined;
  for (const [index, b] of (listed?.buttons ?? []).entries()) {
    const subType = b.type === 'COPY_CODE' ? 'copy_code' : b.type === 'URL' && /\{\{1\}\}$/.test(b.url ?? '') ? 'url' : null;
    if (!subType) continue;
    const sent = (body.template.components ?? []).find((c: any) => c.type === 'button' && c.sub_type === subType && Number(c.index) === index);
    if (sent?.parameters?.length !== 1) {
      return { httpStatus: 400, code: 132000, details: `button at index ${index}: number of localizable_params (${sent?.parameters?.length ?? 0}) does not match the expected number of params (1)` };
    }
  }
  return null;
}

export async function startFakeWhatsApp(opts: { accessToken: string; appSecret: string; webhookUrl?: () => string; autoStatuses?: boolean }): Promise<FakeWhatsApp> {
  const sends: RecordedSend[] = [];
  const failures: Failure[] = [];
  const media = new Map<string, { bytes: Buffer; mimeType: string }>();
  const mediaFetches: string[] = [];
  const holding = new Set<string>();
  let held: Array<() => void> = [];
  const reads: FakeWhatsApp['reads'] = [];
  let answerAfter: (phoneNumberId: string, body: any) => number = () => 0;
  const templates = new Map<string, FakeTemplate>();
  const perRecipient = new Map<string, { failure: Failure; left: number }>();
  const recipientFailure = (to: string): Failure | undefined => {
    const f = perRecipient.get(to);
    if (!f || f.left <= 0) return undefined;
    f.left--;
    return f.failure;
  };
  const post = async (raw: string, signature: string) => {
    const res = await fetch(opts.webhookUrl!(), { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }, body: raw });
    await res.text();
    return res.status;
  };
  const templateApi = fakeTemplateApi({ accessToken: opts.accessToken, appSecret: opts.appSecret, templates, post });
  const emit = (phoneNumberId: string, value: Record<string, unknown>) => {
    const raw = P.metaJson(P.envelope(phoneNumberId, value));
    return post(raw, P.signMeta(raw, opts.appSecret));
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const reply = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      const graphError = (status: number, code: number, message: string, subcode?: number) =>
        reply(status, { error: { message, type: 'OAuthException', code, ...(subcode ? { error_subcode: subcode } : {}), error_data: { messaging_product: 'whatsapp', details: message }, fbtrace_id: 'fake' } });
      const fullPath = new URL(req.url ?? '/', 'http://fake').pathname;
      if (templateApi.handle(req, fullPath, Buffer.concat(chunks).toString('utf8'), reply, graphError)) return;
      if (req.method === 'GET') {
        if (req.headers.authorization !== `Bearer ${opts.accessToken}`) return graphError(401, 190, 'Invalid OAuth access token');
        const path = new URL(req.url ?? '/', 'http://fake').pathname;
        const bytesPath = /^\/media-bytes\/([^/]+)$/.exec(path);
        const id = decodeURIComponent((bytesPath ?? /^\/v\d+\.\d+\/([^/]+)$/.exec(path))?.[1] ?? '');
        // Phone-number info (what "test connection" asks): GET /{version}/{phone-number-id}?fields=….
        if (!bytesPath && id === phoneNumberIdFor) {
          const fields = new URL(req.url ?? '/', 'http://fake').searchParams.get('fields')?.split(',') ?? [];
          const tier = fake.messagingLimit && fields.includes('whatsapp_business_manager_messaging_limit') ? { whatsapp_business_manager_messaging_limit: fake.messagingLimit } : {};
          return reply(200, { verified_name: 'Loja Teste', display_phone_number: '+1 555-078-3881', quality_rating: 'GREEN', ...tier, id });
        }
        const item = media.get(id);
        if (!item) return graphError(400, 100, `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`);
        if (bytesPath) {
          mediaFetches.push(id);
          const answer = () => void res.writeHead(200, { 'content-type': item.mimeType, 'content-length': item.bytes.length }).end(item.bytes);
          if (holding.has(id)) held.push(answer);
          else answer();
          return;
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
      if (body.type === 'template') {
        const bad = checkTemplate(body, templates);
        if (bad) return graphError(bad.httpStatus, bad.code, bad.details);
      }
      const failure = failures.shift() ?? recipientFailure(body.to ?? body.recipient);
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
  const fake: FakeWhatsApp = {
    baseUrl,
    messagingLimit: undefined,
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
    templates,
    templateApi,
    addTemplate: (t) => void templates.set(`${t.name}:${t.language}`, t),
    failFor(to, code, times = Number.POSITIVE_INFINITY) {
      const failure = RECIPIENT_FAILURES[code] ?? { httpStatus: 400, code, details: `error ${code}` };
      perRecipient.set(to, { failure, left: times });
    },
    sendsTo: (to) => sends.filter((x) => (x.body.to ?? x.body.recipient) === to),
    addMedia: (id, bytes, mimeType) => void media.set(id, { bytes: Buffer.from(bytes), mimeType }),
    mediaFetches,
    holdMedia: (id) => void holding.add(id),
    releaseMedia() {
      holding.clear();
      const waiting = held;
      held = [];
      for (const answer of waiting) answer();
    },
    reads,
    answerAfter: (fn) => void (answerAfter = fn),
    close: () => new Promise<void>((r) => {
      server.close(() => r());
      server.closeAllConnections(); // a hanging answer must not keep the fake open
    }),
  };
  return fake;
  function currentPhoneId() {
    return phoneNumberIdFor;
  }
}

/** Tests use one phone number id per fake. */
export const phoneNumberIdFor = '106540352242922';
