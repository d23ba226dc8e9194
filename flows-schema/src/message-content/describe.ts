// The readable text of a stored message in either language: what list previews, search and the
// inbox show for types that carry no words of their own ("Reagiu com 👍 a 'Qual o preço?'",
// "Localização: Av. Paulista, 1000"). Pure; the server stores one language's text in the message
// row for previews and search, the browser renders its own language from the same content.
import { truncate, type Locale } from '../localized';
import type { MessageContent } from './content';

type Words = {
  reacted: (emoji: string, target: string | null) => string;
  unreacted: (target: string | null) => string;
  location: (label: string) => string;
  contact: (names: string) => string;
  order: (items: number) => string;
  edited: (text: string) => string;
  deleted: string;
  numberChanged: (number: string | null) => string;
  system: string;
  unsupported: string;
  callAccepted: string;
  callDeclined: string;
  form: (name: string) => string;
  media: Record<string, string>;
  other: string;
};

const quote = (t: string | null) => (t ? ` '${truncate(t, 60)}'` : '');

const WORDS: Record<Locale, Words> = {
  en: {
    reacted: (e, t) => (t ? `Reacted ${e} to${quote(t)}` : `Reacted ${e}`),
    unreacted: (t) => (t ? `Removed a reaction from${quote(t)}` : 'Removed a reaction'),
    location: (l) => `Location: ${l}`,
    contact: (n) => `Contact: ${n}`,
    order: (n) => `Order: ${n} ${n === 1 ? 'item' : 'items'}`,
    edited: (t) => `Edited: ${t}`,
    deleted: 'Message deleted',
    numberChanged: (n) => (n ? `Changed their number to +${n}` : 'Changed their number'),
    system: 'System notice',
    unsupported: 'Unsupported message',
    callAccepted: 'Allowed calls',
    callDeclined: 'Declined calls',
    form: (n) => `Form sent: ${n}`,
    media: { image: 'Photo', audio: 'Audio', voice: 'Voice message', video: 'Video', document: 'Document', sticker: 'Sticker' },
    other: 'Message',
  },
  'pt-BR': {
    reacted: (e, t) => (t ? `Reagiu com ${e} a${quote(t)}` : `Reagiu com ${e}`),
    unreacted: (t) => (t ? `Removeu a reação de${quote(t)}` : 'Removeu uma reação'),
    location: (l) => `Localização: ${l}`,
    contact: (n) => `Contato: ${n}`,
    order: (n) => `Pedido: ${n} ${n === 1 ? 'item' : 'itens'}`,
    edited: (t) => `Editou: ${t}`,
    deleted: 'Mensagem apagada',
    numberChanged: (n) => (n ? `Mudou o número para +${n}` : 'Mudou de número'),
    system: 'Aviso do sistema',
    unsupported: 'Mensagem não suportada',
    callAccepted: 'Permitiu ligações',
    callDeclined: 'Recusou ligações',
    form: (n) => `Formulário enviado: ${n}`,
    media: { image: 'Foto', audio: 'Áudio', voice: 'Mensagem de voz', video: 'Vídeo', document: 'Documento', sticker: 'Figurinha' },
    other: 'Mensagem',
  },
};

function locationLabel(c: MessageContent): string {
  const l = c.location;
  if (!l) return '';
  const words = [l.name, l.address].filter(Boolean).join(', ');
  return words || (l.latitude !== null && l.longitude !== null ? `${l.latitude}, ${l.longitude}` : '');
}

function interactiveText(c: MessageContent, w: Words): string | null {
  const i = c.interactive;
  if (!i) return null;
  if (i.kind === 'call_permission_reply') return i.accepted ? w.callAccepted : w.callDeclined;
  if (i.kind === 'nfm_reply') {
    // Keys in a fixed order: stored JSON does not keep the order the form sent them in.
    const answers = Object.entries(i.response).filter(([k]) => k !== 'flow_token').sort(([a], [b]) => (a < b ? -1 : 1)).map(([, v]) => (typeof v === 'string' ? v : JSON.stringify(v)));
    return w.form(truncate(answers.join(', ') || i.name || i.body || '', 80));
  }
  return null;
}

/** The text a person reads for this message in `locale`; empty only for a text message without words. */
export function describeContent(c: MessageContent, locale: Locale): string {
  const w = WORDS[locale];
  const interactive = interactiveText(c, w);
  if (interactive) return interactive;
  if (c.reaction) return c.reaction.emoji ? w.reacted(c.reaction.emoji, c.reaction.targetText ?? null) : w.unreacted(c.reaction.targetText ?? null);
  if (c.location) return w.location(locationLabel(c));
  if (c.contacts?.length) return w.contact(c.contacts.map((k) => k.name).join(', '));
  if (c.order) return c.text ? `${w.order(c.order.items.length)} — ${c.text}` : w.order(c.order.items.length);
  if (c.edit) return w.edited(c.edit.text);
  if (c.revoke) return w.deleted;
  if (c.system) return c.system.kind.endsWith('changed_number') ? w.numberChanged(c.system.newWaId) : (c.system.body ?? w.system);
  if (c.unsupported || c.type === 'unsupported') return w.unsupported;
  // A text message is its words, even when the provider sent none.
  if (c.text || c.type === 'text') return c.text;
  const mediaKey = c.media?.voice ? 'voice' : c.type;
  return w.media[mediaKey] ?? w.other;
}

/** Readable text in every language, for tests and documents. */
export const describeAll = (c: MessageContent) => ({ en: describeContent(c, 'en'), 'pt-BR': describeContent(c, 'pt-BR') });
