import { describe, expect, it } from 'vitest';
import type { MessageItem } from '../api/inbox-types';
import { displayText, messageWords } from './message-words';

const media = (voice = false) => ({ providerMediaId: 'm1', mimeType: 'audio/ogg', filename: null, voice });
/** A customer's message as stored: the pt-BR text for previews, the content in the payload. */
const inbound = (type: string, payload: Record<string, unknown>, text = ''): MessageItem =>
  ({ id: '1', direction: 'in', author: 'contact', type, text, status: 'received', payload: { type, text: '', replyId: null, media: null, ...payload }, createdAt: '' });
const words = (m: MessageItem) => [messageWords(m, 'pt-BR'), messageWords(m, 'en')];

describe('message words', () => {
  it('when a customer sends something without words, then it is named for what it is, in each language', () => {
    const location = { latitude: -23.56, longitude: -46.65, name: null, address: 'Av. Paulista, 1000', url: null };
    expect(words(inbound('location', { location }, 'Localização: Av. Paulista, 1000'))).toEqual(['Localização: Av. Paulista, 1000', 'Location: Av. Paulista, 1000']);
    const card = { name: 'Ana Prado', phones: [], emails: [], organization: null };
    expect(words(inbound('contacts', { contacts: [card] }, 'Contato: Ana Prado'))).toEqual(['Contato: Ana Prado', 'Contact: Ana Prado']);
    expect(words(inbound('sticker', { media: media() }, 'Figurinha'))).toEqual(['Figurinha', 'Sticker']);
    expect(words(inbound('audio', { media: media() }, 'Áudio'))).toEqual(['Áudio', 'Audio']);
    expect(words(inbound('audio', { media: media(true) }, 'Mensagem de voz'))).toEqual(['Mensagem de voz', 'Voice message']);
    expect(words(inbound('video', { media: media() }, 'Vídeo'))).toEqual(['Vídeo', 'Video']);
    expect(words(inbound('image', { media: media() }, 'Foto'))).toEqual(['Foto', 'Photo']);
    expect(words(inbound('document', { media: media() }, 'Documento'))).toEqual(['Documento', 'Document']);
    expect(words(inbound('reaction', { reaction: { messageId: 'w1', emoji: '👍', targetText: 'Qual o preço?' } }))).toEqual(["Reagiu com 👍 a 'Qual o preço?'", "Reacted 👍 to 'Qual o preço?'"]);
    expect(words(inbound('order', { order: { catalogId: null, text: null, items: [{ productId: 'p', quantity: 1, price: null, currency: null }] } }))).toEqual(['Pedido: 1 item', 'Order: 1 item']);
    expect(words(inbound('unsupported', {}))).toEqual(['Mensagem não suportada', 'Unsupported message']);
    expect(words(inbound('other', {}))).toEqual(['Mensagem', 'Message']);
  });

  it('when a message has words, then they are its words; without stored content, its type names it', () => {
    expect(words(inbound('text', { text: 'Quero saber do meu pedido' }, 'Quero saber do meu pedido'))).toEqual(['Quero saber do meu pedido', 'Quero saber do meu pedido']);
    expect(words(inbound('image', { text: 'Olha o bolo', media: media() }, 'Olha o bolo'))).toEqual(['Olha o bolo', 'Olha o bolo']);
    const sent = { id: '2', direction: 'out', author: 'agent', type: 'image', text: null, status: 'sent', createdAt: '' } as MessageItem;
    expect(words(sent)).toEqual(['Foto', 'Photo']);
    expect(words({ ...sent, text: 'Segue a foto' })).toEqual(['Segue a foto', 'Segue a foto']);
  });

  it('when a customer sends a photo or a sticker without a caption, then the words under it are in the reader\'s language; a caption, also edited, is its own', () => {
    const under = (m: MessageItem) => [displayText(m, 'pt-BR'), displayText(m, 'en')];
    expect(under(inbound('image', { media: media() }, 'Foto'))).toEqual(['Foto', 'Photo']);
    expect(under(inbound('sticker', { media: media() }, 'Figurinha'))).toEqual(['Figurinha', 'Sticker']);
    expect(under(inbound('audio', { media: media(true) }, 'Mensagem de voz'))).toEqual(['Mensagem de voz', 'Voice message']);
    expect(under(inbound('image', { text: 'Olha o bolo', media: media() }, 'Olha o bolo'))).toEqual(['Olha o bolo', 'Olha o bolo']);
    const edited = inbound('image', { text: 'Olha o bolo', media: media(), edited: { at: '2026-12-06T10:00:00Z' } }, 'Olha o bolo de chocolate');
    expect(under(edited)).toEqual(['Olha o bolo de chocolate', 'Olha o bolo de chocolate']);
  });
});
