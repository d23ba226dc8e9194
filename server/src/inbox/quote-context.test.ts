import { describe, expect, it } from 'vitest';
import { QUOTE_SNIPPET_CHARS, quoteContext } from './quote-context';

const row = { channel_id: 'ch-1', direction: 'in', status: 'received', text: 'Qual o prazo de entrega?', provider_message_id: 'wamid.ABC' };

describe('quoteContext', () => {
  it('when the quoted message has a provider id on this channel, then the reply quotes it by that id', () => {
    expect(quoteContext(row, 'ch-1')).toEqual({ messageId: 'wamid.ABC', fromMe: false, text: 'Qual o prazo de entrega?' });
    expect(quoteContext({ ...row, direction: 'out' }, 'ch-1')?.fromMe).toBe(true);
  });

  it('when it has no provider id (pending, failed, a note) or is on another number, then there is no quote', () => {
    expect(quoteContext({ ...row, provider_message_id: null }, 'ch-1')).toBeNull();
    expect(quoteContext({ ...row, status: 'note' }, 'ch-1')).toBeNull();
    expect(quoteContext(row, 'ch-2')).toBeNull();
  });

  it('when the quoted text is long, then only its first words ride along', () => {
    const long = quoteContext({ ...row, text: 'x'.repeat(5000) }, 'ch-1');
    expect(long?.text).toHaveLength(QUOTE_SNIPPET_CHARS);
    expect(quoteContext({ ...row, text: null }, 'ch-1')?.text).toBe('');
  });
});
