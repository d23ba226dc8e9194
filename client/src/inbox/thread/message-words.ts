// The words of a message as the thread names it, read from the stored content (see
// docs/message-content.md) with the describer the server and the quotes use, in the reader's language.
import { describeContent, type Locale, type MessageContent } from '@zyntra/flows-schema';
import type { MessageItem } from '../api/inbox-types';

type Payload = Partial<MessageContent> & {
  reactions?: Array<{ by: string; emoji: string }>;
  edited?: { at: string };
  deleted?: { at: string };
};

/** What the words are read from: a thread's message, or a list row's last message. */
type Said = Pick<MessageItem, 'direction' | 'type' | 'text' | 'payload'>;

export const payloadOf = (m: Said) => (m.payload ?? {}) as Payload;

const localeOf = (language: string): Locale => (language === 'en' ? 'en' : 'pt-BR');

/** Types whose words come from the describer rather than from `text`. */
const DESCRIBED = new Set(['order', 'system', 'unsupported', 'interactive', 'edit', 'revoke']);
/**
 * The types that hold a file (a photo, audio, video, document or sticker), drawn as one in a bubble. A
 * customer's: its caption, else its stored word, which is the describer's in Portuguese ("Foto"): an
 * English reader gets "Photo". An edited caption is `text`.
 */
export const MEDIA_TYPES: ReadonlySet<string> = new Set(['image', 'audio', 'video', 'document', 'sticker']);

/** The text under a bubble: none for a deleted message, nor beside a location or a contact card (drawn instead). */
export function displayText(m: Said, language: string): string | null {
  const p = payloadOf(m);
  if (p.deleted) return null;
  const media = p.type && MEDIA_TYPES.has(p.type) && !p.edited;
  if (m.direction === 'in' && p.type && (DESCRIBED.has(p.type) || media) && !(p.type === 'interactive' && p.text)) {
    return describeContent(p as MessageContent, localeOf(language));
  }
  if (p.location || p.contacts) return null;
  return m.text;
}

/**
 * A message in words, for one who does not see it: a customer's, from what it holds ("Localização:
 * Av. Paulista, 1000", "Contato: Ana", "Figurinha", "Mensagem de voz", or its own words); a message
 * without stored content, its text, else its type's word, as a quote names it. A deleted one is said
 * to be deleted, with the describer's words for a deletion.
 */
export function messageWords(m: Said, language: string): string {
  const p = payloadOf(m);
  const bare = { text: '', replyId: null, media: null };
  if (p.deleted) return describeContent({ ...bare, type: 'revoke', revoke: { messageId: '' } } as MessageContent, localeOf(language));
  if (m.direction === 'in' && p.type) return describeContent({ ...bare, ...p } as MessageContent, localeOf(language));
  return displayText(m, language) || describeContent({ ...bare, type: m.type } as MessageContent, localeOf(language));
}
