// Meta webhook payload → our InboundItems. Pure and lenient: unknown fields and event kinds are
// skipped, never thrown on, because a non-2xx answer only makes Meta retry the same payload.
import type { ContactRef, DeliveryStatus, InboundContent, InboundItem } from '../channel-adapter';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

const MEDIA_TYPES = ['image', 'audio', 'video', 'document', 'sticker'] as const;
const STATUSES: readonly string[] = ['sent', 'delivered', 'read', 'failed'];

const isoFromUnix = (ts: unknown) => {
  const n = Number(ts);
  return new Date(Number.isFinite(n) && n > 0 ? n * 1000 : Date.now()).toISOString();
};

/** Contacts may come without a phone number (business-scoped user ids): key on user_id first. */
function contactOf(message: Obj, contacts: Obj[]): ContactRef | null {
  const from = str(message.from);
  const fromUser = str(message.from_user_id);
  const match = contacts.find((c) => (fromUser && c.user_id === fromUser) || (from && c.wa_id === from)) ?? contacts[0] ?? {};
  const externalId = str(match.user_id) ?? fromUser ?? str(match.wa_id) ?? from;
  if (!externalId) return null;
  return { externalId, phone: str(match.wa_id) ?? from, name: str(obj(match.profile).name) };
}

export function contentOf(message: Obj): InboundContent {
  const type = str(message.type) ?? 'other';
  const base: InboundContent = { type, text: '', replyId: null, media: null };
  if (type === 'text') return { ...base, text: str(obj(message.text).body) ?? '' };
  if (type === 'interactive') {
    const i = obj(message.interactive);
    const reply = obj(i.button_reply ?? i.list_reply);
    return { ...base, text: str(reply.title) ?? '', replyId: str(reply.id) };
  }
  if (type === 'button') {
    const b = obj(message.button);
    return { ...base, text: str(b.text) ?? '', replyId: str(b.payload) };
  }
  if ((MEDIA_TYPES as readonly string[]).includes(type)) {
    const m = obj(message[type]);
    const id = str(m.id);
    return {
      ...base,
      text: str(m.caption) ?? '',
      media: id ? { providerMediaId: id, mimeType: str(m.mime_type) ?? 'application/octet-stream', filename: str(m.filename), voice: m.voice === true } : null,
    };
  }
  if (type === 'location') {
    const l = obj(message.location);
    const label = [str(l.name), str(l.address)].filter(Boolean).join(' — ');
    return { ...base, text: label || `${l.latitude ?? ''},${l.longitude ?? ''}` };
  }
  return base;
}

function statusOf(s: Obj): InboundItem | null {
  const id = str(s.id);
  const status = str(s.status);
  if (!id || !status || !STATUSES.includes(status)) return null;
  const err = obj(arr(s.errors)[0]);
  const reason = str(obj(err.error_data).details) ?? str(err.message) ?? str(err.title);
  return {
    kind: 'status',
    eventId: `${id}:${status}`,
    providerMessageId: id,
    status: status as DeliveryStatus,
    callbackData: str(s.biz_opaque_callback_data),
    error: status === 'failed' ? { code: String(err.code ?? 'unknown'), reason: reason ?? 'Delivery failed' } : null,
    at: isoFromUnix(s.timestamp),
  };
}

/** Returns the phone_number_id each change was addressed to, with its items. */
export function parseWhatsAppWebhook(body: unknown): Array<{ phoneNumberId: string | null; items: InboundItem[] }> {
  const out: Array<{ phoneNumberId: string | null; items: InboundItem[] }> = [];
  for (const entry of arr(obj(body).entry)) {
    for (const change of arr(obj(entry).changes)) {
      const c = obj(change);
      if (c.field !== 'messages') continue;
      const value = obj(c.value);
      const contacts = arr(value.contacts).map(obj);
      const items: InboundItem[] = [];
      for (const raw of arr(value.messages)) {
        const m = obj(raw);
        const id = str(m.id);
        const contact = contactOf(m, contacts);
        if (!id || !contact || m.type === 'system') continue;
        items.push({ kind: 'message', eventId: id, contact, content: contentOf(m), at: isoFromUnix(m.timestamp) });
      }
      for (const raw of arr(value.statuses)) {
        const item = statusOf(obj(raw));
        if (item) items.push(item);
      }
      out.push({ phoneNumberId: str(obj(value.metadata).phone_number_id), items });
    }
  }
  return out;
}
