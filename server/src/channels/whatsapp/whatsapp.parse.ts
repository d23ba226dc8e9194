// Meta webhook payload → our InboundItems. Pure and lenient: unknown fields and event kinds are
// skipped, never thrown on, because a non-2xx answer only makes Meta retry the same payload. Each
// message and status stands alone: one that cannot be used becomes a Rejection, the others go on.
import { isUpdateContent } from '@zyntra/flows-schema';
import type { ContactRef, DeliveryStatus, InboundItem } from '../channel-adapter';
import { rejection, type Rejection } from '../inbound-rejection';
import { MAX_NAME, boundedRaw, cleanId, cleanText, isoFromUnix } from '../inbound-text';
import { arr, contentOf, obj } from './whatsapp.content';
import { noticesOf, type ChannelNotice } from './whatsapp.notices';

type Obj = Record<string, unknown>;

const STATUSES: readonly string[] = ['sent', 'delivered', 'read', 'played', 'failed'];

/** `notices`: value-level errors and account or quality events, for the channel's health line. */
export type WhatsAppChange = { phoneNumberId: string | null; items: InboundItem[]; rejected: Rejection[]; notices: ChannelNotice[] };


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

function messageOf(m: Obj, contacts: Obj[], now: Date): InboundItem | Rejection | null {
  const id = cleanId(m.id);
  if (!id) return rejection('Message id is missing or malformed', m);
  const contact = contactOf(m, contacts);
  if (!contact) return rejection('Message has no usable sender (from, wa_id or user_id)', m);
  if (m.type === 'text' && typeof obj(m.text).body !== 'string') return rejection('Text message without a text body', m);
  const content = contentOf(m);
  // Reactions, edits, deletions, system notices and call-permission answers are not messages to answer.
  const kind = isUpdateContent(content) ? 'update' : 'message';
  return { kind, eventId: id, contact, content, at: isoFromUnix(m.timestamp, now), raw: boundedRaw(m) };
}

/**
 * A message a person sent from the WhatsApp Business app on the same number (coexistence): `from`
 * is the business, `to` the customer.
 */
function echoOf(m: Obj, now: Date): InboundItem | Rejection {
  const id = cleanId(m.id);
  if (!id) return rejection('Echo id is missing or malformed', m);
  const to = cleanId(m.to) ?? cleanId(m.to_user_id);
  if (!to) return rejection('Echo has no usable recipient (to)', m);
  const contact: ContactRef = { externalId: to, phone: cleanId(m.to) , name: null };
  return { kind: 'echo', eventId: id, contact, content: contentOf(m), at: isoFromUnix(m.timestamp, now), raw: boundedRaw(m) };
}

function statusOf(s: Obj, now: Date): InboundItem | Rejection | null {
  const id = cleanId(s.id);
  if (!id) return rejection('Status without a usable message id', s);
  const status = typeof s.status === 'string' ? s.status : null;
  if (status === null) return rejection('Status without a status name', s);
  // Statuses we do not track (deleted, newer ones) are expected and skipped.
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

function parseChange(field: string, value: Obj, now: Date): WhatsAppChange {
  const out: WhatsAppChange = { phoneNumberId: cleanId(obj(value.metadata).phone_number_id), items: [], rejected: [], notices: noticesOf(field, value) };
  const contacts = arr(value.contacts).map(obj);
  const results = field === 'smb_message_echoes'
    ? listOf(value, 'message_echoes', out.rejected).map((m) => echoOf(m, now))
    : field === 'messages'
      ? [
        ...listOf(value, 'messages', out.rejected).map((m) => messageOf(m, contacts, now)),
        ...listOf(value, 'statuses', out.rejected).map((s) => statusOf(s, now)),
      ]
      : [];
  for (const r of results) {
    if (r && 'kind' in r) out.items.push(r);
    else if (r) out.rejected.push(r);
  }
  return out;
}

/** Fields we read; others (templates, user_preferences) are other modules' or acknowledged and skipped. */
const PARSED_FIELDS: readonly string[] = ['messages', 'smb_message_echoes', 'account_update', 'phone_number_quality_update', 'account_alerts'];

/** Returns the phone_number_id each change was addressed to, with its items and rejections. */
export function parseWhatsAppWebhook(body: unknown, now = new Date()): WhatsAppChange[] {
  const out: WhatsAppChange[] = [];
  for (const entry of arr(obj(body).entry)) {
    for (const change of arr(obj(entry).changes)) {
      const c = obj(change);
      if (typeof c.field === 'string' && PARSED_FIELDS.includes(c.field)) out.push(parseChange(c.field, obj(c.value), now));
    }
  }
  return out;
}
