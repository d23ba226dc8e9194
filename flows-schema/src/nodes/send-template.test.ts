import { describe, expect, it } from 'vitest';
import { edge, flow, node, trigger } from '../testing/flow-builders';
import { validateFlow } from '../validate/validate-flow';
import { sendTemplateNode } from './send-template';

const ctx = { declaredVariables: new Set<string>() };

describe('send_template node', () => {
  it('when created with its defaults, then the config parses, it has one optional output and asks for a template', () => {
    const d = sendTemplateNode.defaults();
    expect(sendTemplateNode.config.parse(d)).toEqual(d);
    expect(sendTemplateNode.outputs(d).map((o) => [o.id, o.required])).toEqual([['next', false]]);
    expect(sendTemplateNode.check!(d, ctx).map((p) => p.path)).toEqual(['name']);
    expect(sendTemplateNode.summary(d, 'pt-BR')).toBe('Escolha um modelo');
  });

  it('when filled in, then it is fine, its card names it and its values are checked as placeholders', () => {
    const c = { ...sendTemplateNode.defaults(), name: 'pedido_saiu', body: ['{{contact.name}}', '{{pedido}}'], headerType: 'text' as const, header: 'Pedido {{pedido}}' };
    expect(sendTemplateNode.check!(c, ctx)).toEqual([]);
    expect(sendTemplateNode.summary(c)).toBe('pedido_saiu · pt_BR');
    expect(sendTemplateNode.templates(c).map((t) => t.path)).toEqual(['body.0', 'body.1', 'header']);
  });

  it('when a name is not a WhatsApp template name or a header type needs a value, then it is refused', () => {
    expect(sendTemplateNode.config.safeParse({ ...sendTemplateNode.defaults(), name: 'Pedido Saiu' }).success).toBe(false);
    expect(sendTemplateNode.check!({ ...sendTemplateNode.defaults(), name: 'x', headerType: 'image' }, ctx).map((p) => p.path)).toEqual(['header']);
  });

  it('when saved before buttons took values, then it parses with none, and its parsed form parses to itself', () => {
    const { buttons: _none, ...before } = { ...sendTemplateNode.defaults(), name: 'promo', body: ['{{contact.name}}'] };
    const parsed = sendTemplateNode.config.parse(before);
    expect(parsed.buttons).toEqual([]);
    expect(sendTemplateNode.config.parse(JSON.parse(JSON.stringify(parsed)))).toEqual(parsed);
  });

  it('when a button that takes a value is left empty, then it is a required field named by its place and kind, and the values are checked as placeholders', () => {
    const c = {
      ...sendTemplateNode.defaults(), name: 'pedido_saiu',
      buttons: [{ index: 1, subType: 'url' as const, value: ' ' }, { index: 2, subType: 'copy_code' as const, value: '{{cupom}}' }],
    };
    expect(sendTemplateNode.check!(c, ctx)).toEqual([
      { code: 'required_field', path: 'buttons.0.value', params: { path: { en: 'Link ending of button 2', 'pt-BR': 'Final do link do botão 2' } } },
    ]);
    expect(sendTemplateNode.templates(c)).toEqual([{ path: 'buttons.0.value', text: ' ' }, { path: 'buttons.1.value', text: '{{cupom}}' }]);
    const copy = { ...c, buttons: [{ index: 0, subType: 'copy_code' as const, value: '' }] };
    expect(sendTemplateNode.check!(copy, ctx)[0]?.params).toEqual({ path: { en: 'Coupon code of button 1', 'pt-BR': 'Código do cupom do botão 1' } });
  });

  it('when a button is not a link or coupon, or names no button a template can have, then it is refused', () => {
    const withButton = (b: object) => sendTemplateNode.config.safeParse({ ...sendTemplateNode.defaults(), buttons: [{ index: 0, subType: 'url', value: 'x', ...b }] }).success;
    expect(withButton({})).toBe(true);
    expect(withButton({ subType: 'quick_reply' })).toBe(false);
    expect(withButton({ index: 10 })).toBe(false);
    expect(withButton({ value: 'x'.repeat(1025) })).toBe(false);
  });

  it('when a flow has the step, then an empty button value and an undeclared variable in one are reported at their paths', () => {
    const doc = flow(
      [trigger(), node('tpl', 'send_template', {
        name: 'pedido_saiu', buttons: [{ index: 1, subType: 'url', value: '' }, { index: 2, subType: 'copy_code', value: '{{cupom}}' }],
      })],
      [edge('start', 'next', 'tpl')],
    );
    const problems = validateFlow(doc).filter((p) => p.path.startsWith('config.buttons'));
    expect(problems.map((p) => `${p.code}@${p.nodeId}:${p.path}`).sort()).toEqual(['required_field@tpl:config.buttons.0.value', 'undeclared_variable@tpl:config.buttons.1.value']);
    expect(problems.find((p) => p.code === 'required_field')?.message['pt-BR']).toBe('“Final do link do botão 2” é obrigatório.');
  });
});
