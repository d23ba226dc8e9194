import { describe, expect, it } from 'vitest';
import { templateView } from './template-view';
import { contactVars, fillTemplateSend, templateBodyText, templateParameterIssues, templateParameterNames } from './template-send';

const components = [
  { type: 'HEADER', format: 'TEXT', text: 'Pedido {{1}}' },
  { type: 'BODY', text: 'Olá {{1}}, seu pedido {{2}} saiu.' },
  { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Falar' }, { type: 'URL', text: 'Rastrear', url: 'https://loja.example/r/{{1}}' }] },
];

describe('contactVars', () => {
  it('when a contact has attributes, then they fill by their names beside contact.name and contact.phone (the id when no phone)', () => {
    const vars = contactVars({ name: 'Ana', phone: null, external_id: '5511999', attributes: { cidade: 'Recife', vazio: null } });
    expect(vars).toEqual({ cidade: 'Recife', 'contact.cidade': 'Recife', 'contact.name': 'Ana', 'contact.phone': '5511999' });
  });
});

describe('fillTemplateSend', () => {
  it('when parameters hold placeholders, then they are filled once and the readable body uses the filled values', () => {
    const out = fillTemplateSend(
      { name: 'pedido', language: 'pt_BR', text: 'Olá {{1}}, seu pedido {{2}} saiu.', parameters: { body: ['{{contact.name}}', '#{{pedido}}'], buttons: [{ index: 1, subType: 'url', value: '{{pedido}}' }] } },
      { 'contact.name': '{{pedido}}', pedido: '1023' },
    );
    expect(out.text).toBe('Olá {{pedido}}, seu pedido #1023 saiu.');
    expect(out.template).toEqual({ name: 'pedido', language: 'pt_BR', parameters: { body: ['{{pedido}}', '#1023'], buttons: [{ index: 1, subType: 'url', value: '1023' }] } });
  });

  it('when the template was made with named variables, then the readable body shows the values in their places', () => {
    const out = fillTemplateSend({ name: 'oferta', language: 'pt_BR', text: 'Olá {{first_name}}, ofertas em {{city}} para {{first_name}}!', parameters: { body: ['{{contact.name}}', 'Recife'] } }, { 'contact.name': 'Ana' });
    expect(out.text).toBe('Olá Ana, ofertas em Recife para Ana!');
    expect(templateView([{ type: 'HEADER', format: 'TEXT', text: 'Oi {{nome}}' }, { type: 'BODY', text: 'x' }], { ...out.template!, parameters: { header: { type: 'text', value: 'Ana' } } }).header).toEqual({ type: 'text', text: 'Oi Ana' });
  });

  it('when the template has no text, then the body values stand in for it, or the name when there are none', () => {
    expect(fillTemplateSend({ name: 't', language: 'en', parameters: { body: ['a', 'b'] } }, {}).text).toBe('a · b');
    expect(fillTemplateSend({ name: 'hello', language: 'en', parameters: {} }, {}).text).toBe('hello');
  });
});

describe('templateParameterIssues', () => {
  it('when every component gets what it takes, then there is no issue', () => {
    expect(templateBodyText(components)).toBe('Olá {{1}}, seu pedido {{2}} saiu.');
    expect(templateParameterIssues(components, { body: ['a', 'b'], header: { type: 'text', value: '1' }, buttons: [{ index: 1, subType: 'url', value: 'x' }, { index: 0, subType: 'quick_reply', value: 'p' }] })).toEqual([]);
  });

  it('when the body count, header or a button value is wrong, then each is named', () => {
    expect(templateParameterIssues(components, { body: ['a'] })).toEqual([
      'The body takes 2 value(s); 1 given', 'The header takes a text value', 'Button 2 takes a value',
    ]);
    expect(templateParameterIssues([{ type: 'BODY', text: 'Oi' }], { body: ['x'], header: { type: 'image', value: 'https://x/y.png' }, buttons: [{ index: 0, subType: 'url', value: 'x' }] })).toEqual([
      'The body takes 0 value(s); 1 given', 'This template’s header takes no value', 'Button 1 takes no url value',
    ]);
  });

  it('when the components are malformed, then they count as taking nothing rather than throwing', () => {
    expect(templateParameterIssues([null, 'x', { type: 7 }], {})).toEqual([]);
  });
});

describe('templateParameterNames', () => {
  it('when a template was made with named parameters, then its names come in order of first use; a positional one has none', () => {
    const named = [{ type: 'HEADER', format: 'TEXT', text: 'Oi {{nome}}' }, { type: 'BODY', text: 'Olá {{nome}}, o pedido {{pedido}} de {{nome}} saiu.' }];
    expect(templateParameterNames(named)).toEqual({ header: 'nome', body: ['nome', 'pedido'] });
    expect(templateParameterNames([{ type: 'BODY', text: 'Olá {{1}}, pedido {{2}}.' }])).toBeNull();
    expect(templateParameterNames([{ type: 'BODY', text: 'Sem variáveis.' }])).toBeNull();
  });
});
