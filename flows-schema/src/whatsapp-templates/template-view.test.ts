import { describe, expect, it } from 'vitest';
import { templateView } from './template-view';

const send = (parameters: Parameters<typeof templateView>[1]['parameters']) => ({ name: 'pedido_saiu', language: 'pt_BR', parameters });

describe('templateView', () => {
  it('when the template has a text header, a footer and buttons, then they read as the customer saw them, values filled in', () => {
    const components = [
      { type: 'HEADER', format: 'TEXT', text: 'Pedido {{1}}' },
      { type: 'BODY', text: 'Olá {{1}}' },
      { type: 'FOOTER', text: 'Loja Exemplo' },
      { type: 'BUTTONS', buttons: [
        { type: 'QUICK_REPLY', text: 'Quero!' },
        { type: 'URL', text: 'Rastrear', url: 'https://loja.example/r/{{1}}' },
        { type: 'PHONE_NUMBER', text: 'Ligar', phone_number: '+5511999990000' },
        { type: 'COPY_CODE', example: 'PROMO10' },
      ] },
    ];
    const view = templateView(components, send({
      body: ['Ana'], header: { type: 'text', value: '#1023' },
      buttons: [{ index: 0, subType: 'quick_reply', value: 'quero' }, { index: 1, subType: 'url', value: 'Gonçalves 1' }, { index: 3, subType: 'copy_code', value: 'NATAL20' }],
    }));
    expect(view).toEqual({
      name: 'pedido_saiu', language: 'pt_BR',
      header: { type: 'text', text: 'Pedido #1023' },
      footer: 'Loja Exemplo',
      buttons: [
        { type: 'quick_reply', text: 'Quero!' },
        { type: 'url', text: 'Rastrear', url: 'https://loja.example/r/Gon%C3%A7alves%201' },
        { type: 'phone_number', text: 'Ligar', phone: '+5511999990000' },
        { type: 'copy_code', text: 'NATAL20' },
      ],
    });
  });

  it('when the header is a file, then its address is kept only when it is a link (a media id is not one)', () => {
    const components = [{ type: 'HEADER', format: 'IMAGE' }, { type: 'BODY', text: 'Oi' }];
    expect(templateView(components, send({ header: { type: 'image', value: 'https://cdn.example/banner.jpg' } })).header).toEqual({ type: 'image', mediaUrl: 'https://cdn.example/banner.jpg' });
    expect(templateView(components, send({ header: { type: 'image', value: '1234567890' } })).header).toEqual({ type: 'image' });
    expect(templateView([{ type: 'header', format: 'location' }], send({})).header).toEqual({ type: 'location' });
  });

  it('when the template has a body only or its components are malformed, then only the name and language remain', () => {
    expect(templateView([{ type: 'BODY', text: 'Oi' }], send({}))).toEqual({ name: 'pedido_saiu', language: 'pt_BR' });
    expect(templateView([null, 'x', { type: 'BUTTONS', buttons: 'no' }, { type: 'HEADER', format: 'TEXT' }], send({}))).toEqual({ name: 'pedido_saiu', language: 'pt_BR' });
  });
});
