import { describe, expect, it } from 'vitest';
import type { OutboundContent } from '@zyntra/flows-schema';
import { formatEvolutionMessage } from './evolution.format';

const to = { externalId: '5511988887777', phone: '5511988887777' };
const msg = (c: Partial<OutboundContent>): OutboundContent => ({ text: '', buttons: [], list: null, media: null, typingDelayMs: 0, ...c });

describe('formatEvolutionMessage', () => {
  const cases: Array<[string, OutboundContent, unknown, typeof to | { externalId: string; phone: null }]> = [
    ['when plain text is sent, then it goes to sendText as {number, text}', msg({ text: 'Olá!' }),
      { path: '/message/sendText', body: { number: '5511988887777', text: 'Olá!' } }, to],
    ['when the node has a typing delay, then it is not sent as Evolution\'s delay (that would hold the HTTP call)', msg({ text: 'Olá!', typingDelayMs: 1200 }),
      { path: '/message/sendText', body: { number: '5511988887777', text: 'Olá!' } }, to],
    ['when the contact is known only by a LID, then the full JID is the number', msg({ text: 'Oi' }),
      { path: '/message/sendText', body: { number: '123456789012345@lid', text: 'Oi' } }, { externalId: '123456789012345@lid', phone: null }],
    ['when the message has buttons, then their titles follow the text, numbered, one per line', msg({ text: 'Confirma o pedido?', buttons: [{ id: 'y', title: 'Sim' }, { id: 'n', title: 'Não' }] }),
      { path: '/message/sendText', body: { number: '5511988887777', text: 'Confirma o pedido?\n\n1. Sim\n2. Não' } }, to],
    ['when the message has a list, then rows follow the text with their descriptions', msg({ text: 'Escolha o frete', list: { buttonLabel: 'Ver opções', rows: [{ id: 'r1', title: 'Expresso', description: '1-2 dias' }, { id: 'r2', title: 'Normal' }] } }),
      { path: '/message/sendText', body: { number: '5511988887777', text: 'Escolha o frete\n\n1. Expresso (1-2 dias)\n2. Normal' } }, to],
    ['when buttons come with no text, then only the options are sent', msg({ buttons: [{ id: 'y', title: 'Sim' }] }),
      { path: '/message/sendText', body: { number: '5511988887777', text: '1. Sim' } }, to],
    ['when an image has a URL, then it goes to sendMedia with the text as caption', msg({ text: 'Catálogo', media: { kind: 'image', url: 'https://cdn.example/cat.jpg' } }),
      { path: '/message/sendMedia', body: { number: '5511988887777', mediatype: 'image', media: 'https://cdn.example/cat.jpg', caption: 'Catálogo', fileName: 'cat.jpg' } }, to],
    ['when a document has a filename, then it is the fileName', msg({ text: 'Nota', media: { kind: 'document', url: 'https://cdn.example/x?id=1', filename: 'nota.pdf' } }),
      { path: '/message/sendMedia', body: { number: '5511988887777', mediatype: 'document', media: 'https://cdn.example/x?id=1', caption: 'Nota', fileName: 'nota.pdf' } }, to],
    ['when audio carries text, then no caption is sent', msg({ text: 'ouça', media: { kind: 'audio', url: 'https://cdn.example/a.ogg' }, typingDelayMs: 500 }),
      { path: '/message/sendMedia', body: { number: '5511988887777', mediatype: 'audio', media: 'https://cdn.example/a.ogg', fileName: 'a.ogg' } }, to],
    ['when media has no URL (stored file only), then the text goes alone', msg({ text: 'Segue', media: { kind: 'image', storageKey: 'k/1.jpg' } }),
      { path: '/message/sendText', body: { number: '5511988887777', text: 'Segue' } }, to],
    ['when the agent answers a message, then it is quoted by its key (fromMe: one we sent)', msg({ text: 'Chega amanhã', context: { messageId: '3EB0C767D26A1D5B7F2A', fromMe: false, text: 'Quando chega?' } }),
      { path: '/message/sendText', body: { number: '5511988887777', text: 'Chega amanhã', quoted: { key: { id: '3EB0C767D26A1D5B7F2A', fromMe: false } } } }, to],
  ];
  it.each(cases)('%s', (_name, content, expected, recipient) => {
    expect(formatEvolutionMessage(recipient, content)).toEqual(expected);
  });
});
