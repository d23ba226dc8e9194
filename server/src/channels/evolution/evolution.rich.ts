// The Baileys message kinds beyond text and media, as Evolution forwards them: reactions, edits
// and deletions (protocol messages), contact cards (vCards), locations, and the quote/forward
// metadata in contextInfo. Pure; an unusable field is left out.
import type { ContactCard } from '@zyntra/flows-schema';
import type { InboundContent } from '../channel-adapter';
import { MAX_NAME, cleanId, cleanText, finiteNumber } from '../inbound-text';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const base = { text: '', replyId: null, media: null };

/** Baileys protocol message types (proto.Message.ProtocolMessage.Type), by number or by name. */
const REVOKE = [0, 'REVOKE'];
export const EDIT = [14, 'MESSAGE_EDIT'];

/** The words of an edited message: its text, or the new caption of a photo, video or document. */
export const textOf = (m: Obj) => cleanText(m.conversation) ?? cleanText(obj(m.extendedTextMessage).text) ?? cleanText(obj(m.imageMessage).caption) ?? cleanText(obj(m.videoMessage).caption) ?? cleanText(obj(m.documentMessage).caption) ?? '';

function protocolOf(message: Obj): InboundContent | 'ignore' | null {
  const p = obj(message.protocolMessage ?? obj(obj(message.editedMessage).message).protocolMessage);
  if (Object.keys(p).length === 0) return null;
  const messageId = cleanId(obj(p.key).id);
  if (!messageId) return 'ignore';
  if (REVOKE.includes(p.type as never)) return { ...base, type: 'revoke', revoke: { messageId } };
  if (EDIT.includes(p.type as never)) {
    const text = textOf(obj(p.editedMessage));
    return { ...base, type: 'edit', text, edit: { messageId, text } };
  }
  // History sync, key exchange, ephemeral settings…: not the customer's words.
  return 'ignore';
}

/** One vCard's name, phones (with their WhatsApp id) and e-mails. */
export function cardOfVcard(displayName: unknown, vcard: unknown): ContactCard {
  const lines = typeof vcard === 'string' ? vcard.slice(0, 8192).split(/\r?\n/) : [];
  const value = (l: string) => l.slice(l.indexOf(':') + 1).trim();
  const fn = lines.find((l) => /^FN[:;]/i.test(l));
  const phones = lines.filter((l) => /^(item\d+\.)?TEL[:;]/i.test(l)).slice(0, 10).map((l) => {
    const waId = /waid=(\d{5,20})/i.exec(l)?.[1] ?? null;
    const type = /type=([A-Za-z]+)/i.exec(l)?.[1] ?? null;
    return { phone: cleanText(value(l), MAX_NAME) ?? waId ?? '', type, waId };
  }).filter((p) => p.phone);
  const emails = lines.filter((l) => /^(item\d+\.)?EMAIL[:;]/i.test(l)).slice(0, 10).map((l) => cleanText(value(l), MAX_NAME)).filter((e): e is string => !!e);
  const org = lines.find((l) => /^ORG[:;]/i.test(l));
  return {
    name: cleanText(displayName, MAX_NAME) ?? (fn ? cleanText(value(fn), MAX_NAME) : null) ?? '?',
    phones, emails, organization: org ? cleanText(value(org).replace(/;+$/, ''), MAX_NAME) : null,
  };
}

/** Reactions, edits, deletions, contact cards and locations; null when the message is none of these. */
export function richContent(message: Obj): InboundContent | 'ignore' | null {
  const reaction = obj(message.reactionMessage);
  if (Object.keys(reaction).length > 0) {
    const messageId = cleanId(obj(reaction.key).id);
    return messageId ? { ...base, type: 'reaction', reaction: { messageId, emoji: cleanText(reaction.text, 32) } } : 'ignore';
  }
  const protocol = protocolOf(message);
  if (protocol) return protocol;
  const card = obj(message.contactMessage);
  if (Object.keys(card).length > 0) return { ...base, type: 'contacts', contacts: [cardOfVcard(card.displayName, card.vcard)] };
  const many = obj(message.contactsArrayMessage);
  if (Array.isArray(many.contacts)) {
    return { ...base, type: 'contacts', contacts: many.contacts.slice(0, 20).map(obj).map((c) => cardOfVcard(c.displayName, c.vcard)) };
  }
  const l = obj(message.locationMessage ?? message.liveLocationMessage);
  if (Object.keys(l).length > 0) {
    return {
      ...base, type: 'location',
      location: { latitude: finiteNumber(l.degreesLatitude), longitude: finiteNumber(l.degreesLongitude), name: cleanText(l.name, MAX_NAME), address: cleanText(l.address, MAX_NAME), url: cleanText(l.url, 2048) },
    };
  }
  return null;
}

/** The quote and forward marks Baileys keeps in the message's contextInfo (or beside it in `data`). */
export function decorate(content: InboundContent, data: Obj, message: Obj): InboundContent {
  const inner = Object.values(message).find((v) => obj(v).contextInfo);
  const ctx = obj(obj(inner).contextInfo ?? data.contextInfo);
  const quoted = cleanId(ctx.stanzaId);
  const out = { ...content };
  if (quoted && content.type !== 'reaction') out.context = { messageId: quoted, from: cleanId(ctx.participant) };
  if (ctx.isForwarded === true) out.forwarded = true;
  if (finiteNumber(ctx.forwardingScore) !== null && finiteNumber(ctx.forwardingScore)! >= 5) out.frequentlyForwarded = true;
  const ad = obj(ctx.externalAdReply);
  if (Object.keys(ad).length > 0) {
    out.referral = {
      sourceUrl: cleanText(ad.sourceUrl, 2048), sourceType: cleanText(ad.mediaType, 64), sourceId: cleanId(ad.sourceId),
      headline: cleanText(ad.title, 1024), body: cleanText(ad.body, 4096), ctwaClid: cleanId(ad.ctwaClid, 1024),
    };
  }
  return out;
}
