// The message the agent is answering ("Reply" on a bubble): quoted above the reply box until sent,
// cancelled or another chat is opened, and sent as the reply's replyTo.
import { create } from 'zustand';
import type { MessageItem } from '../api/inbox-types';

export type Quote = NonNullable<MessageItem['replyTo']>;
export type ReplyTarget = { conversationId: string; quote: Quote };

/** A message can be answered when the customer saw it: not a note, a line of the product's own, a deleted one or one still on its way. */
export function canQuote(m: MessageItem): boolean {
  if (m.type === 'note' || m.status === 'note' || m.id.startsWith('local-')) return false;
  if (m.author === 'system' && m.direction !== 'out') return false;
  if (m.type === 'reaction' || (m.payload as { deleted?: unknown } | null | undefined)?.deleted) return false;
  return m.status !== 'pending' && m.status !== 'failed';
}

/** A message as the reply's bubble quotes it: the shape the server answers in replyTo. */
export const quoteOf = (m: MessageItem): Quote => ({ id: m.id, author: m.author, type: m.type, text: m.text });

export const useReplyTarget = create<{ target: ReplyTarget | null; choose(conversationId: string, m: MessageItem): void; clear(): void }>()((set) => ({
  target: null,
  choose: (conversationId, m) => set({ target: { conversationId, quote: quoteOf(m) } }),
  clear: () => set({ target: null }),
}));

/** The quote for this chat, if the agent chose one in it. */
export const useQuoteFor = (conversationId: string | undefined): Quote | null =>
  useReplyTarget((s) => (s.target && s.target.conversationId === conversationId ? s.target.quote : null));
