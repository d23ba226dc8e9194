import type { NodeConfig } from '@zyntra/flows-schema';
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

  it('when the template has link and coupon buttons, then each button is sent with its value filled like the body', () => {
    const step = node('send_template', 'shipped', {
      name: 'pedido_saiu', language: 'pt_BR', body: ['{{contact.name}}'], text: 'Olá {{1}}, seu pedido saiu.',
      buttons: [{ index: 0, subType: 'url', value: '{{pedido}}' }, { index: 2, subType: 'copy_code', value: 'VOLTA-{{contact.name | "CLIENTE"}}' }],
    });
    const { actions } = sendTemplate.enter(step, session({ vars: { pedido: '1023/A' } }), testContext());
    expect(actions[0]).toMatchObject({
      content: {
        text: 'Olá Ana, seu pedido saiu.',
        template: {
          name: 'pedido_saiu', language: 'pt_BR',
          // Filled as typed: the WhatsApp adapter percent-encodes a link's ending when it sends.
          parameters: { body: ['Ana'], buttons: [{ index: 0, subType: 'url', value: '1023/A' }, { index: 2, subType: 'copy_code', value: 'VOLTA-Ana' }] },
        },
      },
    });
  });

  it('when the step was published before buttons took values, then it sends no button parameters', () => {
    const step = node('send_template', 'old', { name: 'promo', language: 'pt_BR', body: ['x'] });
    const { buttons: _none, ...stored } = step.config;
    const { actions } = sendTemplate.enter({ ...step, config: stored as NodeConfig<'send_template'> }, session(), testContext());
    expect(actions[0]).toMatchObject({ content: { template: { name: 'promo', parameters: { body: ['x'] } } } });
    expect(actions[0]).not.toHaveProperty('content.template.parameters.buttons');
  });
});
