import { describe, expect, it } from 'vitest';
import type { MessageItem } from '../api/inbox-types';
import { canQuote, quoteOf, useReplyTarget } from './reply-target';

const msg = (m: Partial<MessageItem>): MessageItem => ({
  id: 'm1', direction: 'in', author: 'contact', type: 'text', text: 'Qual o prazo?', status: 'received', createdAt: '2026-12-05T10:00:00Z', ...m,
});

describe('canQuote', () => {
  it('when the customer saw the message (theirs, the bot’s, an agent’s once sent), then it can be answered', () => {
    expect(canQuote(msg({}))).toBe(true);
    expect(canQuote(msg({ direction: 'out', author: 'bot', status: 'delivered' }))).toBe(true);
    expect(canQuote(msg({ direction: 'out', author: 'system', status: 'sent' }))).toBe(true);
  });

  it('when it is a note, a system line, a reaction, deleted, or not sent yet, then it cannot', () => {
    expect(canQuote(msg({ type: 'note', status: 'note', direction: 'out', author: 'agent' }))).toBe(false);
    expect(canQuote(msg({ author: 'system', direction: 'in' }))).toBe(false);
    expect(canQuote(msg({ type: 'reaction' }))).toBe(false);
    expect(canQuote(msg({ payload: { deleted: { at: '2026-12-05T10:01:00Z' } } }))).toBe(false);
    expect(canQuote(msg({ id: 'local-1', direction: 'out', author: 'agent', status: 'pending' }))).toBe(false);
    expect(canQuote(msg({ direction: 'out', author: 'agent', status: 'failed' }))).toBe(false);
  });
});

describe('the reply target', () => {
  it('when a message is chosen, then its quote is kept for that chat until cleared', () => {
    useReplyTarget.getState().choose('c1', msg({}));
    expect(useReplyTarget.getState().target).toEqual({ conversationId: 'c1', quote: { id: 'm1', author: 'contact', type: 'text', text: 'Qual o prazo?' } });
    expect(quoteOf(msg({ text: null, type: 'image' }))).toEqual({ id: 'm1', author: 'contact', type: 'image', text: null });
    useReplyTarget.getState().clear();
    expect(useReplyTarget.getState().target).toBeNull();
  });
});
