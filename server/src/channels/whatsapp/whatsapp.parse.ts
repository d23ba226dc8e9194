// Meta webhook payload → our InboundItems. Pure and lenient: unknown fields and event kinds are
// skipped, never thrown on, because a non-2xx answer only makes Meta retry the same payload. Each
// message and status stands alone: one that cannot be used becomes a Rejection, the others go on.
import type { ContactRef, DeliveryStatus, InboundContent, InboundItem } from '../channel-adapter';
import { rejection, type Rejection } from '../inbound-rejection';
import { MAX_NAME, MAX_REPLY_ID, cleanId, cleanMimeType, cleanText, finiteNumber, isoFromUnix } from '../inbound-text';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const MEDIA_TYPES = ['image', 'audio', 'video', 'document', 'sticker'] as const;
const STATUSES: readonly string[] = ['sent', 'delivered', 'read', 'failed'];

export type WhatsAppChange = { phoneNumberId: string | null; items: InboundItem[]; rejected: Rejection[] };

/** Contacts may come without a phone number (business-scoped user ids): key on user_id first. */
function contactOf(message: Obj, contacts: Obj[]): ContactRef | null {
  const from = cleanId(message.from);
  const fromUser = cleanId(message.from_user_id);
  // A contact entry of someone else must never name this sender; only a message that names no
  // sender at all borrows the first contact.
  const match = contacts.find((c) => (fromUser && c.user_id === fromUser) || (from && c.wa_id === from)) ?? (from || fromUser ? {} : (contacts[0] ?? {}));
  const externalId = cleanId(match.user_id) ?? fromUser ?? cleanId(match.wa_id) ?? from;
  if (!externalId) return null;
  return { externalId, phone: cleanId(match.wa_id) ?? from, name: cleanText(obj(match.profile).name, MAX_NAME) };
}

function mediaOf(m: Obj): InboundContent['media'] {
  const id = cleanId(m.id);
  return id ? { providerMediaId: id, mimeType: cleanMimeType(m.mime_type), filename: cleanText(m.filename, MAX_NAME), voice: m.voice === true } : null;
}

export function contentOf(message: Obj): InboundContent {
  const type = cleanId(message.type, 32) ?? 'other';
  const base: InboundContent = { type, text: '', replyId: null, media: null };
  if (type === 'text') return { ...base, text: cleanText(obj(message.text).body) ?? '' };
  if (type === 'interactive') {
    const i = obj(message.interactive);
    const reply = obj(i.button_reply ?? i.list_reply);
    return { ...base, text: cleanText(reply.title) ?? '', replyId: cleanId(reply.id, MAX_REPLY_ID) };
  }
  if (type === 'button') {
    const b = obj(message.button);
    return { ...base, text: cleanText(b.text) ?? '', replyId: cleanId(b.payload, MAX_REPLY_ID) };
  }
  if ((MEDIA_TYPES as readonly string[]).includes(type)) {
    const m = obj(message[type]);
    return { ...base, text: cleanText(m.caption) ?? '', media: mediaOf(m) };
  }
  if (type === 'location') {
    const l = obj(message.location);
    const label = [cleanText(l.name, MAX_NAME), cleanText(l.address, MAX_NAME)].filter(Boolean).join(' — ');
    return { ...base, text: label || `${finiteNumber(l.latitude) ?? ''},${finiteNumber(l.longitude) ?? ''}` };
  }
  return base;
}

function messageOf(m: Obj, contacts: Obj[], now: Date): InboundItem | Rejection | null {
  if (m.type === 'system') return null;
  const id = cleanId(m.id);
  if (!id) return rejection('Message id is missing or malformed', m);
  const contact = contactOf(m, contacts);
  if (!contact) return rejection('Message has no usable sender (from, wa_id or user_id)', m);
  if (m.type === 'text' && typeof obj(m.text).body !== 'string') return rejection('Text message without a text body', m);
  return { kind: 'message', eventId: id, contact, content: contentOf(m), at: isoFromUnix(m.timestamp, now) };
}

function statusOf(s: Obj, now: Date): InboundItem | Rejection | null {
  const id = cleanId(s.id);
  if (!id) return rejection('Status without a usable message id', s);
  const status = typeof s.status === 'string' ? s.status : null;
  if (status === null) return rejection('Status without a status name', s);
  // Statuses we do not track (played, deleted, newer ones) are expected and skipped.
  if (!STATUSES.includes(status)) return null;
  const err = obj(arr(s.errors)[0]);
  const reason = cleanText(obj(err.error_data).details, 1024) ?? cleanText(err.message, 1024) ?? cleanText(err.title, 1024);
  return {
    kind: 'status',
    eventId: `${id}:${status}`,
    providerMessageId: id,
    status: status as DeliveryStatus,
    callbackData: cleanId(s.biz_opaque_callback_data, 512),
    error: status === 'failed' ? { code: cleanId(err.code, 64) ?? 'unknown', reason: reason ?? 'Delivery failed' } : null,
    at: isoFromUnix(s.timestamp, now),
  };
}

/** Each element of a list the change should carry; a present non-list is itself rejected. */
function listOf(value: Obj, key: string, rejected: Rejection[]): Obj[] {
  const v = value[key];
  if (v !== undefined && v !== null && !Array.isArray(v)) rejected.push(rejection(`"${key}" is not a list`, v));
  return arr(v).map(obj);
}

function parseChange(value: Obj, now: Date): WhatsAppChange {
  const out: WhatsAppChange = { phoneNumberId: cleanId(obj(value.metadata).phone_number_id), items: [], rejected: [] };
  const contacts = arr(value.contacts).map(obj);
  const results = [
    ...listOf(value, 'messages', out.rejected).map((m) => messageOf(m, contacts, now)),
    ...listOf(value, 'statuses', out.rejected).map((s) => statusOf(s, now)),
  ];
  for (const r of results) {
    if (r && 'kind' in r) out.items.push(r);
    else if (r) out.rejected.push(r);
  }
  return out;
}

/** Returns the phone_number_id each change was addressed to, with its items and rejections. */
export function parseWhatsAppWebhook(body: unknown, now = new Date()): WhatsAppChange[] {
  const out: WhatsAppChange[] = [];
  for (const entry of arr(obj(body).entry)) {
    for (const change of arr(obj(entry).changes)) {
      const c = obj(change);
      if (c.field === 'messages') out.push(parseChange(obj(c.value), now));
    }
  }
  return out;
}
