// The words under a contact's name in the inbox list: the conversation's last message as the
// thread names it (ConversationRow reads it with messageWords), in the reader's language.
import { describe, expect, it } from 'vitest';
import type { LastMessage } from '../api/inbox-types';
import { messageWords } from '../thread/message-words';

/** A customer's last message as the list carries it: the stored pt-BR text and its content. */
const fromCustomer = (type: string, text: string, content: Record<string, unknown>): LastMessage => ({
  text, direction: 'in', author: 'contact', type, payload: { type, text: '', replyId: null, media: null, ...content },
});
const preview = (last: LastMessage) => [messageWords(last, 'pt-BR'), messageWords(last, 'en')];

describe('inbox list preview', () => {
  it("when a customer's last message is a location, a contact card or a sticker, then it is named in the reader's language", () => {
    const location = { latitude: -23.56, longitude: -46.65, name: null, address: 'Av. Paulista, 1000', url: null };
    expect(preview(fromCustomer('location', 'Localização: Av. Paulista, 1000', { location }))).toEqual(['Localização: Av. Paulista, 1000', 'Location: Av. Paulista, 1000']);
    const card = { name: 'Ana Prado', phones: [], emails: [], organization: null };
    expect(preview(fromCustomer('contacts', 'Contato: Ana Prado', { contacts: [card] }))).toEqual(['Contato: Ana Prado', 'Contact: Ana Prado']);
    const sticker = { providerMediaId: 'm1', mimeType: 'image/webp', filename: null, voice: false };
    expect(preview(fromCustomer('sticker', 'Figurinha', { media: sticker }))).toEqual(['Figurinha', 'Sticker']);
    expect(preview(fromCustomer('text', 'Quero saber do meu pedido', { text: 'Quero saber do meu pedido' }))).toEqual(['Quero saber do meu pedido', 'Quero saber do meu pedido']);
  });

  it('when the customer deleted their last message, then it is said to be deleted, never its words', () => {
    const deleted = fromCustomer('text', 'mandei para a pessoa errada', { text: 'mandei para a pessoa errada', deleted: { at: '2026-12-06T10:00:00Z' } });
    expect(preview(deleted)).toEqual(['Mensagem apagada', 'Message deleted']);
  });

  it('when the last message has no words, then its type names it, and a type without a word of its own is a message, not a document', () => {
    const sent = (type: string): LastMessage => ({ text: '', direction: 'out', author: 'agent', type, payload: null });
    expect(preview(sent('sticker'))).toEqual(['Figurinha', 'Sticker']);
    expect(preview(sent('image'))).toEqual(['Foto', 'Photo']);
    expect(preview(sent('template_card'))).toEqual(['Mensagem', 'Message']);
    expect(preview({ ...sent('text'), text: 'Segue o boleto' })).toEqual(['Segue o boleto', 'Segue o boleto']);
  });
});
