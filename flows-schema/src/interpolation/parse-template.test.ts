import { describe, expect, it } from 'vitest';
import { interpolate } from './interpolate';
import { IDENTIFIER_PATTERN, extractVariables, findMalformedPlaceholders } from './parse-template';
import { contactVars } from '../whatsapp-templates/template-send';

describe('placeholder names', () => {
  it('when a name is a spreadsheet column with accents, dots or dashes, then it is a placeholder, as a contact attribute may be called', () => {
    expect(extractVariables('{{Observação}} {{Região | "Nordeste"}} {{Endereço}} {{contact.bairro}} {{cep-entrega}} {{_x}}'))
      .toEqual(['Observação', 'Região', 'Endereço', 'contact.bairro', 'cep-entrega', '_x']);
    expect(findMalformedPlaceholders('{{Observação | "x"}} {{contact.bairro | "20%"}}')).toEqual([]);
    expect(interpolate('{{Observação | "x"}} / {{Região | "x"}}', { Observação: 'Portão azul' })).toBe('Portão azul / x');
  });

  it('when a {{…}} cannot be a placeholder, then it is literal text and reported as malformed', () => {
    expect(findMalformedPlaceholders('{{nome completo}} {{contact.bairro | 20%}} {{Cidade | "x}} {{a/b}}'))
      .toEqual(['{{nome completo}}', '{{contact.bairro | 20%}}', '{{Cidade | "x}}', '{{a/b}}']);
    expect(extractVariables('{{nome completo}}')).toEqual([]);
  });

  it("when a name is all digits, then it stays a WhatsApp template's positional variable, not a name", () => {
    expect(extractVariables('Olá {{1}}, pedido {{12}}')).toEqual([]);
    expect(interpolate('Olá {{1}}', { 1: 'x' })).toBe('Olá {{1}}');
    expect(IDENTIFIER_PATTERN.test('2via')).toBe(true);
    expect(IDENTIFIER_PATTERN.test('2024')).toBe(false);
    expect(IDENTIFIER_PATTERN.test('a'.repeat(65))).toBe(false);
  });

  it('when a contact has attributes, then each fills {{name}} and {{contact.name}} forms; name and phone stay built in', () => {
    const vars = contactVars({ name: 'Ana', phone: '5511999990000', attributes: { bairro: 'Pina', name: 'outro' } });
    expect(interpolate('{{contact.bairro}} {{bairro}} {{contact.name}}', vars)).toBe('Pina Pina Ana');
  });
});

describe('placeholder scanning cost', () => {
  it('when a text is long runs of name characters after "{{" (all digits, never a name), then it is read in bounded time', () => {
    const hostile = `${'{{'.padEnd(70_000, '1')} ${'{{1'.repeat(20_000)}`;
    const started = Date.now();
    expect(extractVariables(hostile)).toEqual([]);
    findMalformedPlaceholders(hostile);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
