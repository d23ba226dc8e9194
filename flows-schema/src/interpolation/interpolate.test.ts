import { describe, expect, it } from 'vitest';
import { interpolate } from './interpolate';
import { extractVariables, findMalformedPlaceholders, parseTemplate } from './parse-template';

describe('interpolate', () => {
  const vars = { 'contact.name': 'Ana', last_reply: 'sim', city: '', order_id: '42' };

  it('when a placeholder names a known variable, then its value is inserted', () => {
    expect(interpolate('Oi {{contact.name}}, pedido {{ order_id }}!', vars)).toBe('Oi Ana, pedido 42!');
  });

  it('when whitespace surrounds the name, the pipe or the default, then it is still a placeholder', () => {
    expect(interpolate('{{   contact.name   |   "cliente"   }}', vars)).toBe('Ana');
    expect(interpolate('{{\nlast_reply\n}}', vars)).toBe('sim');
  });

  it('when the value is unknown or empty, then the default renders, or nothing without a default', () => {
    expect(interpolate('Oi {{contact.phone | "sem telefone"}}', vars)).toBe('Oi sem telefone');
    expect(interpolate('Cidade: {{city|"?"}}', vars)).toBe('Cidade: ?');
    expect(interpolate('[{{missing}}]', vars)).toBe('[]');
  });

  it('when the default contains escaped quotes, braces or a pipe, then they render literally', () => {
    expect(interpolate('{{missing | "diga \\"oi\\" | }} \\\\"}}', {})).toBe('diga "oi" | }} \\');
  });

  it('when "{{" does not start a valid placeholder, then the text is left as is', () => {
    const template = 'a {{ contact email }} b {{ 12 }} c {{ name | default }} d {{ open';
    expect(interpolate(template, { name: 'x' })).toBe(template);
  });

  it('when a variable is named like an Object.prototype member, then it is treated as unknown', () => {
    expect(interpolate('[{{constructor}}][{{toString|"d"}}]', {})).toBe('[][d]');
  });

  it('when a name differs only in letter case, then it reads the value with anyCase (a contact\'s attributes), and not without', () => {
    const contact = { Cidade: 'Recife', cidade_natal: 'Olinda', Série: '3' };
    expect(interpolate('{{cidade}} {{CIDADE_NATAL}} {{série}} {{serie|"?"}}', contact, { anyCase: true })).toBe('Recife Olinda 3 ?');
    expect(interpolate('[{{cidade}}]', contact)).toBe('[]');
    expect(interpolate('{{Cidade}}', { cidade: 'Natal', Cidade: 'Recife' }, { anyCase: true })).toBe('Recife');
    expect(interpolate('[{{CONSTRUCTOR}}]', {}, { anyCase: true })).toBe('[]');
  });

  it('when anyCase is a function, then only the names it accepts read another letter case', () => {
    const vars = { 'contact.Cidade': 'Recife', nome: 'Ana' };
    const contactOnly = (name: string) => name.startsWith('contact.');
    expect(interpolate('{{contact.cidade}} {{contact.CIDADE}} [{{NOME}}]', vars, { anyCase: contactOnly })).toBe('Recife Recife []');
  });

  it('when a value itself contains a placeholder, then it is not interpolated again', () => {
    expect(interpolate('{{last_reply}}', { last_reply: '{{contact.name}}', 'contact.name': 'Ana' })).toBe(
      '{{contact.name}}',
    );
  });
});

describe('parseTemplate', () => {
  it('when a template mixes text and placeholders, then it splits them in order', () => {
    expect(parseTemplate('Oi {{ contact.name | "você" }}!')).toEqual([
      { kind: 'text', text: 'Oi ' },
      { kind: 'variable', name: 'contact.name', fallback: 'você', raw: '{{ contact.name | "você" }}' },
      { kind: 'text', text: '!' },
    ]);
  });
});

describe('extractVariables', () => {
  it('when names repeat, then each is listed once in order of first use, built-ins included', () => {
    expect(extractVariables('{{b}} {{contact.name}} {{b|"x"}} {{a}} {{ no pe }}')).toEqual([
      'b',
      'contact.name',
      'a',
    ]);
  });

  it('when there are no placeholders, then the list is empty', () => {
    expect(extractVariables('plain {text} {{}}')).toEqual([]);
  });
});

describe('findMalformedPlaceholders', () => {
  it('when braces enclose something that is not a placeholder, then it is reported', () => {
    expect(findMalformedPlaceholders('{{ok}} {{ contact email }} {{}} {{x|"}}"}}')).toEqual([
      '{{ contact email }}',
      '{{}}',
    ]);
  });
});
