// One Cloud API message object → our normalised content, per type (Meta's "Messages" webhook
// reference). Pure and lenient: a field of the wrong shape is left out, never thrown on.
import type { ContactCard, InteractiveReply, OrderContent, Referral } from '@zyntra/flows-schema';
import type { InboundContent } from '../channel-adapter';
import { MAX_NAME, MAX_REPLY_ID, cleanId, cleanMimeType, cleanText, finiteNumber } from '../inbound-text';

type Obj = Record<string, unknown>;
export const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const MEDIA_TYPES: readonly string[] = ['image', 'audio', 'video', 'document', 'sticker'];
const MAX_CARDS = 20;
const MAX_ITEMS = 100;
const MAX_FORM = 8_192;

const name = (v: unknown) => cleanText(v, MAX_NAME);

function mediaOf(m: Obj): InboundContent['media'] {
  const id = cleanId(m.id);
  return id ? { providerMediaId: id, mimeType: cleanMimeType(m.mime_type), filename: name(m.filename), voice: m.voice === true } : null;
}

function cardOf(c: Obj): ContactCard {
  const n = obj(c.name);
  return {
    name: name(n.formatted_name) ?? ([name(n.first_name), name(n.last_name)].filter(Boolean).join(' ') || '?'),
    phones: arr(c.phones).slice(0, 10).map(obj).flatMap((p) => {
      const phone = name(p.phone) ?? cleanId(p.wa_id);
      return phone ? [{ phone, type: name(p.type), waId: cleanId(p.wa_id) }] : [];
    }),
    emails: arr(c.emails).slice(0, 10).map((e) => name(obj(e).email)).filter((e): e is string => !!e),
    organization: name(obj(c.org).company),
  };
}

function orderOf(o: Obj): OrderContent {
  return {
    catalogId: cleanId(o.catalog_id),
    text: cleanText(o.text),
    items: arr(o.product_items).slice(0, MAX_ITEMS).map(obj).flatMap((i) => {
      const productId = cleanId(i.product_retailer_id);
      return productId ? [{ productId, quantity: finiteNumber(i.quantity) ?? 1, price: finiteNumber(i.item_price), currency: cleanId(i.currency, 8) }] : [];
    }),
  };
}

/** A WhatsApp Flow's answers arrive as a JSON string: kept as an object when it is one and small. */
function formResponse(v: unknown): Record<string, unknown> {
  if (typeof v !== 'string' || v.length > MAX_FORM) return {};
  try {
    const parsed: unknown = JSON.parse(v);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) && !v.includes('\\u0000') ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function interactiveOf(i: Obj): InteractiveReply | null {
  const kind = i.type;
  if (kind === 'button_reply' || kind === 'list_reply') {
    const r = obj(i[kind]);
    const id = cleanId(r.id, MAX_REPLY_ID);
    return id ? { kind, id, title: cleanText(r.title) ?? '', description: cleanText(r.description) } : null;
  }
  if (kind === 'nfm_reply') {
    const r = obj(i.nfm_reply);
    return { kind, name: name(r.name), body: cleanText(r.body), response: formResponse(r.response_json) };
  }
  if (kind === 'call_permission_reply') return { kind, accepted: obj(i.call_permission_reply).response === 'accept' };
  return null;
}

function referralOf(r: Obj): Referral {
  return {
    sourceUrl: cleanText(r.source_url, 2048), sourceType: name(r.source_type), sourceId: cleanId(r.source_id),
    headline: cleanText(r.headline, 1024), body: cleanText(r.body, 4096), ctwaClid: cleanId(r.ctwa_clid, 1024),
  };
}

type Part = Partial<InboundContent>;

const PARTS: Record<string, (m: Obj) => Part> = {
  text: (m) => ({ text: cleanText(obj(m.text).body) ?? '' }),
  interactive: (m) => {
    const interactive = interactiveOf(obj(m.interactive));
    if (!interactive) return {};
    const reply = interactive.kind === 'button_reply' || interactive.kind === 'list_reply';
    return { interactive, text: reply ? interactive.title : '', replyId: reply ? interactive.id : null };
  },
  button: (m) => {
    const b = obj(m.button);
    return { text: cleanText(b.text) ?? '', replyId: cleanId(b.payload, MAX_REPLY_ID) };
  },
  location: (m) => {
    const l = obj(m.location);
    return { location: { latitude: finiteNumber(l.latitude), longitude: finiteNumber(l.longitude), name: name(l.name), address: name(l.address), url: cleanText(l.url, 2048) } };
  },
  contacts: (m) => ({ contacts: arr(m.contacts).slice(0, MAX_CARDS).map((c) => cardOf(obj(c))) }),
  order: (m) => {
    const order = orderOf(obj(m.order));
    return { order, text: order.text ?? '' };
  },
  reaction: (m) => {
    const r = obj(m.reaction);
    const messageId = cleanId(r.message_id);
    return messageId ? { reaction: { messageId, emoji: cleanText(r.emoji, 32) } } : {};
  },
  edit: (m) => {
    const e = obj(m.edit);
    const inner = obj(e.message);
    const messageId = cleanId(e.original_message_id);
    const text = cleanText(obj(inner.text).body) ?? cleanText(obj(inner[String(inner.type)]).caption) ?? '';
    return messageId ? { edit: { messageId, text }, text } : {};
  },
  revoke: (m) => {
    const messageId = cleanId(obj(m.revoke).original_message_id);
    return messageId ? { revoke: { messageId } } : {};
  },
  system: (m) => {
    const s = obj(m.system);
    const kind = cleanId(s.type, 64) ?? 'unknown';
    return { system: { kind, body: cleanText(s.body), newWaId: cleanId(s.wa_id) ?? cleanId(s.new_wa_id), newUserId: cleanId(s.user_id) } };
  },
  unsupported: (m) => {
    const err = obj(arr(m.errors)[0]);
    const reason = cleanText(obj(err.error_data).details, 1024) ?? cleanText(err.title, 1024) ?? cleanText(obj(m.unsupported).type, 64) ?? 'Unsupported message type';
    return { unsupported: { code: cleanId(err.code, 32), reason } };
  },
};

/** The whole content of a Cloud API message object (inbound or an echo from the business app). */
export function contentOf(message: Obj): InboundContent {
  const type = cleanId(message.type, 32) ?? 'other';
  const base: InboundContent = { type, text: '', replyId: null, media: null };
  const part = Object.hasOwn(PARTS, type)
    ? PARTS[type]!(message)
    : MEDIA_TYPES.includes(type)
      ? { text: cleanText(obj(message[type]).caption) ?? '', media: mediaOf(obj(message[type])) }
      : {};
  const content: InboundContent = { ...base, ...part };
  const ctx = obj(message.context);
  const quoted = cleanId(ctx.id);
  if (quoted && type !== 'reaction') content.context = { messageId: quoted, from: cleanId(ctx.from) };
  if (ctx.forwarded === true) content.forwarded = true;
  if (ctx.frequently_forwarded === true) content.frequentlyForwarded = true;
  if (message.referral && typeof message.referral === 'object') content.referral = referralOf(obj(message.referral));
  return content;
}
