// The fake Graph API's template management (reference/whatsapp-templates.md §1–2): list, create and
// delete on /{WABA_ID}/message_templates, edit on /{TEMPLATE_ID}, and the account webhooks Meta sends afterwards (template status,
// quality and category; a user's marketing stop/resume), signed like every other webhook.
import type { IncomingMessage } from 'node:http';
import * as P from './whatsapp-payloads';

/** A template the fake knows, with how many parameters each component takes. */
export type FakeTemplate = {
  name: string; language: string; status: string; bodyParams: number; headerParams?: number; category?: string;
  /** Set by template management. */
  id?: string; components?: unknown[]; quality?: string;
  /** Why Meta rejected it (listed as `rejected_reason`), set by a REJECTED review. */
  reason?: string;
};

type Reply = (status: number, body: unknown) => void;
type GraphError = (status: number, code: number, message: string, subcode?: number) => void;

let nextId = 1_689_556_908_129_000;

export type FakeTemplateApi = {
  /** Handles the request when it is a template call; false otherwise. */
  handle(req: IncomingMessage, path: string, raw: string, reply: Reply, graphError: GraphError): boolean;
  /** Meta's review outcome (APPROVED, REJECTED, PAUSED…): the fake's copy changes and the webhook is posted. */
  /** `wabaId`: the business account the webhook names (another one on the same app: `WABA-2`). */
  review(name: string, language: string, event: string, reason?: string, wabaId?: string): Promise<number>;
  quality(name: string, language: string, score: string): Promise<number>;
  recategorize(name: string, language: string, category: string): Promise<number>;
  /** WhatsApp's own "stop/resume offers" for a user (`user_preferences`). */
  userPreference(waId: string, value: 'stop' | 'resume', phoneNumberId: string): Promise<number>;
  /** Template creations received, in order. */
  created: Array<Record<string, unknown>>;
  /** Edits received (`POST /{TEMPLATE_ID}`: the id and the body), in order, refused ones too. */
  edits: Array<{ id: string; body: Record<string, unknown> }>;
  /** Deletions received (their query), in order, refused ones too. */
  deletions: Array<Record<string, string>>;
  /** The token lacks `whatsapp_business_management`: deletes are refused with error 200. */
  withoutManagement: boolean;
  /** Meta is down: every template call answers 503 (Graph code 2, "Service temporarily unavailable"). */
  down: boolean;
};

const idOf = (t: FakeTemplate) => (t.id ??= String(nextId++));

function paramCount(components: any[], type: string): number {
  const text: string = components.find((c) => c?.type === type)?.text ?? '';
  return new Set([...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1])).size;
}

export function fakeTemplateApi(o: {
  accessToken: string; appSecret: string; templates: Map<string, FakeTemplate>; post: (raw: string, signature: string) => Promise<number>;
}): FakeTemplateApi {
  const created: Array<Record<string, unknown>> = [];
  const edits: FakeTemplateApi['edits'] = [];
  const editedAt = new Map<string, number[]>();
  const deletions: Array<Record<string, string>> = [];
  const api = { withoutManagement: false, down: false };
  /**
   * `?name=` (every language), `?hsm_id=&name=` (that one) or `?hsm_ids=[…]` (≤ 100) → `{"success": true}`.
   * What Meta answers for an id or name it does not hold is not in the reference: code 100, as for
   * any other parameter it cannot use.
   */
  const remove = (url: URL, reply: Reply, graphError: GraphError) => {
    deletions.push(Object.fromEntries(url.searchParams));
    if (api.withoutManagement) return graphError(403, 200, '(#200) Requires whatsapp_business_management permission to manage the object');
    const name = url.searchParams.get('name');
    const hsmId = url.searchParams.get('hsm_id');
    const hsmIds = url.searchParams.get('hsm_ids');
    const all = [...o.templates.entries()];
    let doomed: typeof all;
    if (hsmIds !== null) {
      let ids: unknown;
      try { ids = JSON.parse(hsmIds); } catch { ids = null; }
      if (!Array.isArray(ids) || ids.length === 0 || ids.length > 100) return graphError(400, 100, 'Invalid parameter: hsm_ids');
      doomed = all.filter(([, t]) => ids.map(String).includes(idOf(t)));
      if (doomed.length !== ids.length) return graphError(400, 100, 'Invalid parameter: hsm_ids');
    } else {
      if (!name) return graphError(400, 100, 'The parameter name is required');
      doomed = all.filter(([, t]) => t.name === name && (hsmId === null || idOf(t) === hsmId));
      if (!doomed.length) return graphError(400, 100, `Invalid parameter: no message template ${name}${hsmId === null ? '' : ` with id ${hsmId}`}`);
    }
    for (const [key] of doomed) o.templates.delete(key);
    reply(200, { success: true });
  };
  /**
   * `POST /{TEMPLATE_ID}` with `components` (they replace all) and/or `category`; only an APPROVED,
   * REJECTED or PAUSED template; an approved one keeps its category and takes 1 edit per 24 h and 10
   * per 30 days. Edited, it is reviewed again (PENDING). Meta's codes for these refusals are not in
   * the reference: code 100, as for any other parameter it cannot use. Answers `{"success": true}`.
   */
  const edit = (id: string, raw: string, reply: Reply, graphError: GraphError) => {
    const t = [...o.templates.values()].find((x) => idOf(x) === id);
    let body: any;
    try { body = JSON.parse(raw); } catch { return graphError(400, 100, 'Invalid JSON'); }
    edits.push({ id, body });
    if (!t) return graphError(400, 100, `Unsupported post request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`);
    if (body?.components === undefined && body?.category === undefined) return graphError(400, 100, 'The parameter components or category is required');
    if (body.components !== undefined && (!Array.isArray(body.components) || !body.components.some((c: any) => c?.type === 'BODY'))) return graphError(400, 100, 'Invalid parameter: components');
    if (body.category !== undefined && !['MARKETING', 'UTILITY', 'AUTHENTICATION'].includes(body.category)) return graphError(400, 100, 'Invalid parameter: category');
    if (!['APPROVED', 'REJECTED', 'PAUSED'].includes(t.status)) return graphError(400, 100, `Message template can't be edited: its status is ${t.status}. Only approved, rejected or paused templates can be edited.`);
    if (t.status === 'APPROVED') {
      const now = Date.now();
      const recent = (editedAt.get(id) ?? []).filter((at) => now - at < 30 * 86_400_000);
      if (body.category !== undefined && body.category !== (t.category ?? 'UTILITY')) return graphError(400, 100, "The category of an approved message template can't be changed");
      if (recent.some((at) => now - at < 86_400_000) || recent.length >= 10) return graphError(400, 100, 'Approved message templates can be edited once a day and 10 times in 30 days');
      editedAt.set(id, [...recent, now]);
    }
    if (body.components !== undefined) Object.assign(t, { components: body.components, bodyParams: paramCount(body.components, 'BODY'), headerParams: paramCount(body.components, 'HEADER') });
    if (body.category !== undefined) t.category = body.category;
    t.status = 'PENDING';
    t.reason = undefined;
    reply(200, { success: true });
  };
  const emit = (field: string, value: Record<string, unknown>, wabaId = 'WABA-1') => {
    const raw = P.metaJson({ object: 'whatsapp_business_account', entry: [{ id: wabaId, time: Math.floor(Date.now() / 1000), changes: [{ field, value }] }] });
    return o.post(raw, P.signMeta(raw, o.appSecret));
  };
  const find = (name: string, language: string) => {
    const t = o.templates.get(`${name}:${language}`);
    if (!t) throw new Error(`the fake has no template ${name}:${language}`);
    return t;
  };
  const ref = (t: FakeTemplate) => ({ message_template_id: Number(idOf(t)), message_template_name: t.name, message_template_language: t.language });
  const view = (t: FakeTemplate) => ({
    id: idOf(t), name: t.name, language: t.language, status: t.status, category: t.category ?? 'UTILITY', parameter_format: 'POSITIONAL',
    components: t.components ?? [{ type: 'BODY', text: Array.from({ length: t.bodyParams }, (_, i) => `{{${i + 1}}}`).join(' e ') || 'Olá' }],
    ...(t.reason ? { rejected_reason: t.reason } : {}),
    ...(t.quality ? { quality_score: { score: t.quality, date: Math.floor(Date.now() / 1000) } } : {}),
  });
  return {
    created,
    edits,
    deletions,
    get withoutManagement() { return api.withoutManagement; },
    set withoutManagement(v: boolean) { api.withoutManagement = v; },
    get down() { return api.down; },
    set down(v: boolean) { api.down = v; },
    handle(req, path, raw, reply, graphError) {
      const one = req.method === 'POST' ? /^\/v\d+\.\d+\/(\d+)$/.exec(path) : null;
      const m = /^\/v\d+\.\d+\/([^/]+)\/message_templates$/.exec(path);
      if (!m && !one) return false;
      if (api.down) { graphError(503, 2, 'Service temporarily unavailable'); return true; }
      if (req.headers.authorization !== `Bearer ${o.accessToken}`) { graphError(401, 190, 'Invalid OAuth access token'); return true; }
      if (one) {
        edit(one[1]!, raw, reply, graphError);
        return true;
      }
      if (req.method === 'GET') {
        const all = [...o.templates.values()];
        const url = new URL(req.url ?? '/', 'http://fake');
        const start = Number(url.searchParams.get('after') ?? 0);
        const limit = Math.min(Number(url.searchParams.get('limit') ?? 25), 2); // small pages, so paging is exercised
        const page = all.slice(start, start + limit).map(view);
        const more = start + limit < all.length;
        reply(200, { data: page, paging: { cursors: { before: String(start), after: String(start + limit) }, ...(more ? { next: `https://graph.example/next?after=${start + limit}` } : {}) } });
        return true;
      }
      if (req.method === 'DELETE') {
        remove(new URL(req.url ?? '/', 'http://fake'), reply, graphError);
        return true;
      }
      let body: any;
      try { body = JSON.parse(raw); } catch { graphError(400, 100, 'Invalid JSON'); return true; }
      const name = body?.name;
      const language = body?.language;
      if (typeof name !== 'string' || !/^[a-z0-9_]{1,512}$/.test(name)) { graphError(400, 100, 'Invalid parameter: name'); return true; }
      if (!['MARKETING', 'UTILITY', 'AUTHENTICATION'].includes(body.category)) { graphError(400, 100, 'Invalid parameter: category'); return true; }
      if (!Array.isArray(body.components) || !body.components.some((c: any) => c?.type === 'BODY')) { graphError(400, 100, 'Invalid parameter: components'); return true; }
      if (o.templates.has(`${name}:${language}`)) {
        graphError(400, 100, 'Content in this language already exists', 2388024);
        return true;
      }
      created.push(body);
      const t: FakeTemplate = {
        name, language, status: 'PENDING', category: body.category, components: body.components,
        bodyParams: paramCount(body.components, 'BODY'), headerParams: paramCount(body.components, 'HEADER'),
      };
      o.templates.set(`${name}:${language}`, t);
      reply(200, { id: idOf(t), status: 'PENDING', category: body.category });
      return true;
    },
    review(name, language, event, reason, wabaId = 'WABA-1') {
      const t = find(name, language);
      if (wabaId === 'WABA-1') { // else a namesake in the app's other account
        t.status = event;
        t.reason = event === 'REJECTED' ? reason : undefined;
      }
      return emit('message_template_status_update', { event, ...ref(t), reason: reason ?? 'NONE', message_template_category: t.category ?? 'UTILITY' }, wabaId);
    },
    quality(name, language, score) {
      const t = find(name, language);
      const previous = t.quality ?? 'UNKNOWN';
      t.quality = score;
      return emit('message_template_quality_update', { previous_quality_score: previous, new_quality_score: score, ...ref(t) });
    },
    recategorize(name, language, category) {
      const t = find(name, language);
      const previous = t.category ?? 'UTILITY';
      t.category = category;
      return emit('template_category_update', { ...ref(t), previous_category: previous, new_category: category });
    },
    userPreference(waId, value, phoneNumberId) {
      return emit('user_preferences', {
        messaging_product: 'whatsapp', metadata: { display_phone_number: '15550000000', phone_number_id: phoneNumberId },
        contacts: [{ wa_id: waId, profile: { name: 'Cliente' } }],
        user_preferences: [{ wa_id: waId, detail: value === 'stop' ? 'User requested to stop marketing messages' : 'User requested to resume marketing messages', category: 'marketing_messages', value, timestamp: Math.floor(Date.now() / 1000) }],
      });
    },
  };
}
