// Evolution API (v2) webhook body → our InboundItems. Pure and lenient: unknown events, groups and
// message kinds we cannot use are skipped, never thrown on, because Evolution only retries the
// same event on a non-2xx answer.
import type { ContactRef, DeliveryStatus, InboundContent, InboundItem } from '../channel-adapter';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

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
  PLAYED: 'read',
  ERROR: 'failed',
};

/** Protocol noise (deletes, edits, reactions, key exchange) that must not wake the bot. */
const IGNORED_MESSAGES = ['protocolMessage', 'reactionMessage', 'editedMessage', 'senderKeyDistributionMessage', 'pollUpdateMessage'];

const isoFromUnix = (ts: unknown, now: Date) => {
  const n = Number(ts);
  return (Number.isFinite(n) && n > 0 ? new Date(n * 1000) : now).toISOString();
};

/** "5511…:12@s.whatsapp.net" → "5511…": the number without the device suffix or the domain. */
const userOf = (jid: string) => jid.split('@')[0]!.split(':')[0]!;

/**
 * The customer of a one-to-one chat. LID-addressed chats carry the phone JID in remoteJidAlt;
 * without it the LID itself is the key, kept as a full JID because sends must address it as such.
 */
export function contactOfKey(key: Obj, name: string | null): ContactRef | null {
  const jid = str(key.remoteJid);
  if (!jid) return null;
  const alt = str(key.remoteJidAlt);
  if (jid.endsWith('@lid')) {
    if (alt?.endsWith('@s.whatsapp.net')) return { externalId: userOf(alt), phone: userOf(alt), name };
    return { externalId: `${userOf(jid)}@lid`, phone: null, name };
  }
  // Groups (@g.us), status stories (@broadcast) and channels (@newsletter) are not conversations we run.
  if (!jid.endsWith('@s.whatsapp.net') && !jid.endsWith('@c.us')) return null;
  const number = userOf(jid);
  return /^\d+$/.test(number) ? { externalId: number, phone: number, name } : null;
}

function mediaContent(kind: string, m: Obj, data: Obj, message: Obj, keyId: string): EvolutionContent {
  const mimeType = str(m.mimetype) ?? undefined;
  const fileName = str(m.fileName) ?? undefined;
  // Baileys' own `url` points at encrypted WhatsApp CDN bytes, useless without the media key; only
  // Evolution's stored copy (mediaUrl, with S3 on) or inline base64 (webhook base64 on) is usable.
  // The base64 is not copied into our rows: the key id fetches it again (getBase64FromMediaMessage).
  const stored = str(message.mediaUrl) ?? str(data.mediaUrl);
  const inline = str(message.base64);
  const media =
    stored || inline
      ? { providerMediaId: stored ?? keyId, mimeType: mimeType ?? 'application/octet-stream', filename: fileName ?? null, voice: m.ptt === true }
      : null;
  return {
    type: kind,
    text: str(m.caption) ?? '',
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
  const base = { text: '', replyId: null, media: null };
  const conversation = str(message.conversation) ?? str(obj(message.extendedTextMessage).text);
  if (conversation) return { ...base, type: 'text', text: conversation };
  // Documents sent with a caption arrive wrapped one level deeper.
  const doc = obj(obj(message.documentWithCaptionMessage).message).documentMessage;
  if (doc) return mediaContent('document', obj(doc), data, message, keyId);
  for (const [field, kind] of Object.entries(MEDIA)) {
    if (message[field]) return mediaContent(kind, obj(message[field]), data, message, keyId);
  }
  const button = obj(message.buttonsResponseMessage);
  if (str(button.selectedButtonId)) return { ...base, type: 'interactive', text: str(button.selectedDisplayText) ?? '', replyId: str(button.selectedButtonId) };
  const list = obj(message.listResponseMessage);
  const rowId = str(obj(list.singleSelectReply).selectedRowId);
  if (rowId) return { ...base, type: 'interactive', text: str(list.title) ?? '', replyId: rowId };
  const location = obj(message.locationMessage);
  if (Object.keys(location).length > 0) {
    const label = [str(location.name), str(location.address)].filter(Boolean).join(' — ');
    return { ...base, type: 'location', text: label || `${location.degreesLatitude ?? ''},${location.degreesLongitude ?? ''}` };
  }
  return { ...base, type: 'other' };
}

function upsertItem(data: Obj, now: Date): InboundItem | null {
  const key = obj(data.key);
  const id = str(key.id);
  if (!id || typeof key.fromMe !== 'boolean') return null;
  // On a fromMe message pushName is the business's own name, not the customer's.
  const contact = contactOfKey(key, key.fromMe ? null : str(data.pushName));
  const content = contact ? contentOf(data, id) : null;
  if (!contact || !content) return null;
  const at = isoFromUnix(data.messageTimestamp, now);
  // fromMe upserts are typed on the business phone (Evolution reports its API sends as send.message):
  // an echo pauses the bot and never runs the flow.
  return { kind: key.fromMe ? 'echo' : 'message', eventId: id, contact, content, at };
}

function updateItem(data: Obj, now: Date): InboundItem | null {
  const keyId = str(data.keyId) ?? str(obj(data.key).id);
  const raw = str(data.status);
  const status = raw ? STATUSES[raw] : undefined;
  // Receipts for the customer's own messages (fromMe false) name no message of ours, nor do group
  // chats and status stories (every view of a story is a READ on status@broadcast).
  const chat = str(data.remoteJid) ?? '';
  if (!keyId || !raw || !status || data.fromMe === false || /@(g\.us|broadcast|newsletter)$/.test(chat)) return null;
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

const PARSERS: Record<string, (data: Obj, now: Date) => InboundItem | null> = {
  'messages.upsert': upsertItem,
  'messages.update': updateItem,
};

/** `send.message` (our own API sends) and every other event yield nothing. */
export function parseEvolutionWebhook(body: unknown, now = new Date()): { instance: string | null; items: InboundItem[] } {
  const b = obj(body);
  const event = str(b.event)?.toLowerCase().replace(/_/g, '.') ?? '';
  const parse = PARSERS[event];
  const parsed = parse ? items(b.data).map((d) => parse(d, now)) : [];
  return { instance: str(b.instance), items: parsed.filter((i): i is InboundItem => i !== null) };
}
