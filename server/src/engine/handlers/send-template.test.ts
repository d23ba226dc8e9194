import { describe, expect, it } from 'vitest';
import { node, session, testContext } from '../testing/fixtures';
import { sendTemplate } from './send-template';

describe('send_template handler', () => {
  it('when entered, then it sends the template with its values filled from the contact and flow variables, and moves on', () => {
    const step = node('send_template', 'remind', {
      name: 'pedido_saiu', language: 'pt_BR', body: ['{{contact.name}}', '#{{pedido}}'], text: 'Olá {{1}}, seu pedido {{2}} saiu.',
    });
    expect(sendTemplate.enter(step, session({ vars: { pedido: '1023' } }), testContext())).toEqual({
      next: 'next',
      actions: [{
        type: 'send_message', nodeId: 'remind',
        content: {
          text: 'Olá Ana, seu pedido #1023 saiu.', buttons: [], list: null, media: null, typingDelayMs: 0,
          template: { name: 'pedido_saiu', language: 'pt_BR', parameters: { body: ['Ana', '#1023'] } },
        },
      }],
    });
  });

  it('when the template has a header and no body values or text, then the header is sent and the name stands for the text', () => {
    const step = node('send_template', 'x', { name: 'promo', language: 'en_US', headerType: 'image', header: 'https://shop.example/{{banner}}.jpg' });
    const { actions } = sendTemplate.enter(step, session({ vars: { banner: 'natal' } }), testContext());
    expect(actions[0]).toMatchObject({ content: { text: 'promo', template: { name: 'promo', language: 'en_US', parameters: { header: { type: 'image', value: 'https://shop.example/natal.jpg' } } } } });
  });
});
