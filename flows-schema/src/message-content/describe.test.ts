import { describe, expect, it } from 'vitest';
import type { MessageContent } from './content';
import { describeAll } from './describe';
import { isUpdateContent } from './content';

const c = (more: Partial<MessageContent>): MessageContent => ({ type: 'text', text: '', replyId: null, media: null, ...more });

describe('describeContent', () => {
  const cases: Array<[string, MessageContent, { en: string; 'pt-BR': string }]> = [
    ['a reaction names its emoji and target', c({ type: 'reaction', reaction: { messageId: 'w1', emoji: '👍', targetText: 'Qual o preço?' } }),
      { en: "Reacted 👍 to 'Qual o preço?'", 'pt-BR': "Reagiu com 👍 a 'Qual o preço?'" }],
    ['a removed reaction', c({ type: 'reaction', reaction: { messageId: 'w1', emoji: null } }), { en: 'Removed a reaction', 'pt-BR': 'Removeu uma reação' }],
    ['a location by its address', c({ type: 'location', location: { latitude: 1, longitude: 2, name: null, address: 'Av. Paulista, 1000', url: null } }),
      { en: 'Location: Av. Paulista, 1000', 'pt-BR': 'Localização: Av. Paulista, 1000' }],
    ['a contact card', c({ type: 'contacts', contacts: [{ name: 'Maria', phones: [], emails: [], organization: null }] }), { en: 'Contact: Maria', 'pt-BR': 'Contato: Maria' }],
    ['an order', c({ type: 'order', order: { catalogId: null, text: null, items: [{ productId: 'a', quantity: 1, price: null, currency: null }] } }),
      { en: 'Order: 1 item', 'pt-BR': 'Pedido: 1 item' }],
    ['a deletion', c({ type: 'revoke', revoke: { messageId: 'w1' } }), { en: 'Message deleted', 'pt-BR': 'Mensagem apagada' }],
    ['a number change', c({ type: 'system', system: { kind: 'user_changed_number', body: null, newWaId: '5511', newUserId: null } }),
      { en: 'Changed their number to +5511', 'pt-BR': 'Mudou o número para +5511' }],
    ['an unsupported message', c({ type: 'unsupported', unsupported: { code: '131051', reason: 'x' } }), { en: 'Unsupported message', 'pt-BR': 'Mensagem não suportada' }],
    ['a voice note without words', c({ type: 'audio', media: { providerMediaId: 'm', mimeType: 'audio/ogg', filename: null, voice: true } }),
      { en: 'Voice message', 'pt-BR': 'Mensagem de voz' }],
    ['a caption is the text', c({ type: 'image', text: 'camisa azul' }), { en: 'camisa azul', 'pt-BR': 'camisa azul' }],
    ['an unknown type is never empty', c({ type: 'poll' }), { en: 'Message', 'pt-BR': 'Mensagem' }],
  ];
  it.each(cases)('%s', (_name, content, expected) => {
    expect(describeAll(content)).toEqual(expected);
  });
});

describe('isUpdateContent', () => {
  it('when the content is a reaction, edit, deletion, system notice or call-permission answer, then it is an update, never a message to answer', () => {
    for (const type of ['reaction', 'edit', 'revoke', 'system']) expect(isUpdateContent({ type })).toBe(true);
    expect(isUpdateContent({ type: 'interactive', interactive: { kind: 'call_permission_reply', accepted: true } })).toBe(true);
    expect(isUpdateContent({ type: 'interactive', interactive: { kind: 'button_reply', id: 'a', title: 'A', description: null } })).toBe(false);
    expect(isUpdateContent({ type: 'text' })).toBe(false);
  });
});
