import { describe, expect, it } from 'vitest';
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
});
