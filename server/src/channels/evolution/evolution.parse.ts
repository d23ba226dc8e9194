// Evolution API (v2) webhook body → our InboundItems. Pure and lenient: unknown events, groups and
// message kinds we cannot use are skipped, never thrown on, because Evolution only retries the
// same event on a non-2xx answer. An item that cannot be used becomes a Rejection, never a throw.
import type { ContactRef, DeliveryStatus, InboundContent, InboundItem } from '../channel-adapter';
import { rejection, type Rejection } from '../inbound-rejection';
import { createHash } from 'node:crypto';
import { isUpdateContent } from '@zyntra/flows-schema';
import { MAX_NAME, MAX_REPLY_ID, boundedRaw, cleanId, cleanMimeType, cleanText, isoFromUnix } from '../inbound-text';
import { EDIT, decorate, richContent, textOf } from './evolution.rich';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});

/** Evolution sends one message per `messages.upsert`, but an array costs nothing to accept. */
const items = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(obj) : v && typeof v === 'object' ? [obj(v)] : []);

/** Extra fields kept in the stored message payload, so the inbox can show what the file was. */
export type EvolutionContent = InboundContent & { mimeType?: string; fileName?: string };

const MEDIA: Record<string, string> = {
  imageMessage: 'image',
  audioMessage: 'audio',
  videoMessage: 'video',
  documentMessage: 'document',
  stickerMessage: 'sticker',
};

const STATUSES: Record<string, DeliveryStatus> = {
  SERVER_ACK: 'sent',
  DELIVERY_ACK: 'delivered',
  READ: 'read',
  PLAYED: 'played',
  ERROR: 'failed',
};

/** Key exchange and poll tallies: not the customer's words. Reactions, edits and deletions are read by richContent. */
const IGNORED_MESSAGES = ['senderKeyDistributionMessage', 'pollUpdateMessage'];

/** "5511…:12@s.whatsapp.net" → "5511…": the number without the device suffix or the domain. */
const userOf = (jid: string) => jid.split('@')[0]!.split(':')[0]!;

/**
 * The customer of a one-to-one chat. LID-addressed chats carry the phone JID in remoteJidAlt;
 * without it the LID itself is the key, kept as a full JID because sends must address it as such.
 */
export function contactOfKey(key: Obj, name: string | null): ContactRef | null {
  const jid = cleanId(key.remoteJid);
  if (!jid) return null;
  const alt = cleanId(key.remoteJidAlt);
  if (jid.endsWith('@lid')) {
    if (alt?.endsWith('@s.whatsapp.net')) return { externalId: userOf(alt), phone: userOf(alt), name };
    return { externalId: `${userOf(jid)}@lid`, phone: null, name };
  }
  // Groups (@g.us), status stories (@broadcast) and channels (@newsletter) are not conversations we run.
  if (!jid.endsWith('@s.whatsapp.net') && !jid.endsWith('@c.us')) return null;
  const number = userOf(jid);
  return /^\d+$/.test(number) ? { externalId: number, phone: number, name } : null;
}

function mediaContent(kind: string, m: Obj, keyId: string): EvolutionContent {
  const mimeType = typeof m.mimetype === 'string' ? cleanMimeType(m.mimetype) : undefined;
  const fileName = cleanText(m.fileName, MAX_NAME) ?? undefined;
  // Baileys' own `url` points at encrypted WhatsApp CDN bytes, useless without the media key, and
  // Evolution's stored copy (mediaUrl) and inline base64 are options a tenant may have off. Evolution
  // hands the file over by the message's key id whatever its settings (getBase64FromMediaMessage),
  // so that is what the media is keyed on; inline bytes are never copied into our rows.
  const media = { providerMediaId: keyId, mimeType: mimeType ?? 'application/octet-stream', filename: fileName ?? null, voice: m.ptt === true };
  return {
    type: kind,
    text: cleanText(m.caption) ?? '',
    replyId: null,
    media,
    ...(mimeType ? { mimeType } : {}),
    ...(fileName ? { fileName } : {}),
  };
}

/** The content of a Baileys message, or null for protocol messages that are not a customer's words. */
export function contentOf(data: Obj, keyId: string): EvolutionContent | null {
  const message = obj(data.message);
  if (IGNORED_MESSAGES.some((k) => k in message)) return null;
  const rich = richContent(message);
  if (rich === 'ignore') return null;
  const content = rich ?? plainContent(message, keyId);
  return decorate(content, data, message);
}

function plainContent(message: Obj, keyId: string): EvolutionContent {
  const base = { text: '', replyId: null, media: null };
  const conversation = cleanText(message.conversation) ?? cleanText(obj(message.extendedTextMessage).text);
  if (conversation) return { ...base, type: 'text', text: conversation };
  // Documents sent with a caption arrive wrapped one level deeper.
  const doc = obj(obj(message.documentWithCaptionMessage).message).documentMessage;
  if (doc) return mediaContent('document', obj(doc), keyId);
  for (const [field, kind] of Object.entries(MEDIA)) {
    if (message[field]) return mediaContent(kind, obj(message[field]), keyId);
  }
  const button = obj(message.buttonsResponseMessage);
  const buttonId = cleanId(button.selectedButtonId, MAX_REPLY_ID);
  if (buttonId) return { ...base, type: 'interactive', text: cleanText(button.selectedDisplayText) ?? '', replyId: buttonId };
  const list = obj(message.listResponseMessage);
  const rowId = cleanId(obj(list.singleSelectReply).selectedRowId, MAX_REPLY_ID);
  if (rowId) return { ...base, type: 'interactive', text: cleanText(list.title) ?? '', replyId: rowId };
  return { ...base, type: 'other' };
}

type Parsed = InboundItem | Rejection | null;

function upsertItem(data: Obj, now: Date): Parsed {
  const key = obj(data.key);
  const id = cleanId(key.id);
  if (!id) return rejection('Message without a usable id (key.id)', data);
  if (typeof key.fromMe !== 'boolean') return rejection('Message without key.fromMe', data);
  if (!cleanId(key.remoteJid)) return rejection('Message without a usable chat (key.remoteJid)', data);
  // On a fromMe message pushName is the business's own name, not the customer's.
  const contact = contactOfKey(key, key.fromMe ? null : cleanText(data.pushName, MAX_NAME));
  const content = contact ? contentOf(data, id) : null;
  // Groups, broadcasts and protocol messages are not ours to run: skipped, not rejected.
  if (!contact || !content) return null;
  const at = isoFromUnix(data.messageTimestamp, now);
  // fromMe upserts are typed on the business phone (Evolution reports its API sends as send.message):
  // an echo pauses the bot and never runs the flow. Reactions, edits and deletions update the
  // thread and never run a flow; an edit made on the business phone changes its message and
  // pauses nothing (and, naming no customer's message, is never a row of its own).
  if (content.edit) return { kind: 'update', eventId: id, contact, content, at, raw: boundedRaw(data), ...(key.fromMe ? { ifTargetUnknown: 'drop' as const } : {}) };
  const kind = key.fromMe ? 'echo' : isUpdateContent(content) ? 'update' : 'message';
  return { kind, eventId: id, contact, content, at, raw: boundedRaw(data) };
}

/** An edit's own id: Evolution gives none, so the edited message's id and when (or what) it became. */
function editEventId(messageId: string, timestampMs: unknown, text: string): string {
  const ms = typeof timestampMs === 'number' ? String(timestampMs) : timestampMs;
  const stamp = typeof ms === 'string' && /^\d{1,15}$/.test(ms) ? ms : createHash('sha256').update(text).digest('hex').slice(0, 16);
  return `${messageId}:edit:${stamp}`;
}

/**
 * `messages.edited`: Evolution (2.3.6) forwards every Baileys protocol message it receives here,
 * as `data` itself: {key: {remoteJid, fromMe, id: <edited message>}, type, editedMessage, timestampMs}.
 * Only edits (type 14 / MESSAGE_EDIT) are ours; deletions come again as messages.delete with the
 * chat's key, and the rest (key shares, history sync, disappearing-message settings) is skipped.
 * The key is as the editor's phone wrote it (Baileys flips it for its own events; Evolution does
 * not), so fromMe and remoteJid cannot tell who wrote the message: the edit changes the message
 * with that id whoever wrote it, never pauses the bot, and is dropped when no such message exists.
 * Older Evolution versions sent the whole record with the protocol message under `message`.
 */
function editedItem(data: Obj, now: Date): Parsed {
  const message = obj(data.message);
  const wrapped = obj(message.protocolMessage ?? obj(obj(message.editedMessage).message).protocolMessage);
  const p = Object.keys(wrapped).length ? wrapped : data;
  if (!EDIT.includes(p.type as never)) return null;
  const key = obj(p.key);
  const messageId = cleanId(key.id);
  if (!messageId) return rejection('Edit without a usable message id (key.id)', data);
  const chatKey = cleanId(key.remoteJid) ? key : obj(data.key);
  if (!cleanId(chatKey.remoteJid)) return rejection('Edit without a usable chat (key.remoteJid)', data);
  // Groups, broadcasts and channels are not conversations we run.
  const contact = contactOfKey(chatKey, null);
  if (!contact) return null;
  const text = textOf(obj(p.editedMessage));
  const ms = Number(typeof p.timestampMs === 'string' || typeof p.timestampMs === 'number' ? p.timestampMs : NaN);
  const at = Number.isFinite(ms) ? isoFromUnix(Math.floor(ms / 1000), now) : isoFromUnix(data.messageTimestamp, now);
  const content: EvolutionContent = { type: 'edit', text, replyId: null, media: null, edit: { messageId, text } };
  return { kind: 'update', eventId: editEventId(messageId, p.timestampMs, text), contact, content, at, raw: boundedRaw(data), ifTargetUnknown: 'drop' };
}

function updateItem(data: Obj, now: Date): Parsed {
  const keyId = cleanId(data.keyId) ?? cleanId(obj(data.key).id);
  if (!keyId) return rejection('Status update without a usable message id (keyId)', data);
  const raw = typeof data.status === 'string' ? data.status : null;
  const status = raw && Object.hasOwn(STATUSES, raw) ? STATUSES[raw] : undefined;
  // Receipts for the customer's own messages (fromMe false) name no message of ours, nor do group
  // chats and status stories (every view of a story is a READ on status@broadcast).
  const chat = typeof data.remoteJid === 'string' ? data.remoteJid : '';
  if (!raw || !status || data.fromMe === false || /@(g\.us|broadcast|newsletter)$/.test(chat)) return null;
  return {
    kind: 'status',
    eventId: `${keyId}:${raw}`,
    providerMessageId: keyId,
    status,
    callbackData: null,
    error: status === 'failed' ? { code: 'ERROR', reason: 'WhatsApp reported the message as not delivered' } : null,
    at: now.toISOString(),
  };
}

/**
 * `messages.delete`: the customer deleted a message for everyone; `data` is the message key (or
 * carries it). Deletions of the business's own messages name no customer message and are skipped.
 */
function deleteItem(data: Obj, now: Date): Parsed {
  const key = Object.keys(obj(data.key)).length ? obj(data.key) : data;
  const id = cleanId(key.id);
  if (!id) return rejection('Deletion without a usable message id (key.id)', data);
  const contact = key.fromMe === true ? null : contactOfKey(key, null);
  if (!contact) return null;
  const content: EvolutionContent = { type: 'revoke', text: '', replyId: null, media: null, revoke: { messageId: id } };
  return { kind: 'update', eventId: `${id}:revoke`, contact, content, at: now.toISOString(), raw: boundedRaw(data) };
}

const PARSERS: Record<string, (data: Obj, now: Date) => Parsed> = {
  'messages.upsert': upsertItem,
  'messages.update': updateItem,
  'messages.edited': editedItem,
  'messages.delete': deleteItem,
};

export type EvolutionEvent = { instance: string | null; items: InboundItem[]; rejected: Rejection[] };

/** `send.message` (our own API sends) and every other event yield nothing. */
export function parseEvolutionWebhook(body: unknown, now = new Date()): EvolutionEvent {
  const b = obj(body);
  const event = typeof b.event === 'string' ? b.event.toLowerCase().replace(/_/g, '.') : '';
  const parse = Object.hasOwn(PARSERS, event) ? PARSERS[event] : undefined;
  const out: EvolutionEvent = { instance: cleanId(b.instance), items: [], rejected: [] };
  if (!parse) return out;
  const list = items(b.data);
  if (list.length === 0) out.rejected.push(rejection(`${event} without data`, b.data ?? null));
  for (const r of list.map((d) => parse(d, now))) {
    if (r && 'kind' in r) out.items.push(r);
    else if (r) out.rejected.push(r);
  }
  return out;
}
