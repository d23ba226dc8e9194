import { describe, expect, it } from 'vitest';
import { templateDefinition, templateEdit, templateVariables } from './template-definition';

const valid = {
  name: 'pedido_saiu', language: 'pt_BR', category: 'UTILITY',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Pedido {{1}}', example: { header_text: ['#1023'] } },
    { type: 'BODY', text: 'Olá {{1}}, seu pedido {{2}} saiu para entrega.', example: { body_text: [['Ana', '#1023']] } },
    { type: 'FOOTER', text: 'Loja Exemplo' },
    { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Falar com atendente' }, { type: 'URL', text: 'Rastrear', url: 'https://loja.example/r/{{1}}', example: ['1023'] }] },
  ],
};

const messages = (t: unknown) => {
  const r = templateDefinition.safeParse(t);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};
const withBody = (text: string, ex: string[]) => ({ ...valid, components: [{ type: 'BODY', text, example: { body_text: [ex] } }] });

describe('templateDefinition', () => {
  it('when the template follows the rules, then it is accepted', () => {
    expect(messages(valid)).toEqual([]);
    expect(templateVariables('Olá {{1}} e {{ 2 }}')).toEqual(['1', '2']);
  });

  it.each([
    [withBody('{{1}}, seu pedido saiu', ['Ana']), 'A variable cannot start or end the text'],
    [withBody('Seu pedido saiu, {{1}}', ['Ana']), 'A variable cannot start or end the text'],
    [withBody('Olá {{1}} {{2}} tudo bem', ['Ana', 'B']), 'Two variables cannot be side by side'],
    [withBody('Olá {{2}} tudo bem', ['Ana']), 'Number the variables {{1}}, {{2}}, … in order, without gaps'],
    [withBody('Olá {{1}} e {{2}} ok', ['Ana']), 'Give one example for each of the 2 variables'],
    [withBody('Olá {{nome}} ok', ['Ana']), 'Variables are written {{1}}, {{2}}, …'],
    [{ ...valid, name: 'Pedido Saiu' }, 'Lower-case letters, digits and _ only'],
    [{ ...valid, components: [valid.components[2]] }, 'Exactly one body is required'],
    [{ ...valid, components: [valid.components[1], { type: 'FOOTER', text: 'Oi {{1}}' }] }, 'The footer takes no variables'],
    [{ ...valid, components: [valid.components[1], { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'a' }, { type: 'URL', text: 'b', url: 'https://x.example' }, { type: 'QUICK_REPLY', text: 'c' }] }] }, 'Keep the quick replies together, before or after the other buttons'],
    [{ ...valid, components: [valid.components[1], { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'b', url: 'https://x.example/{{1}}/a' }] }] }, 'One variable, {{1}}, at the end of the address'],
    [{ ...valid, components: [{ type: 'HEADER', format: 'IMAGE' }, valid.components[1]] }, 'A media header needs a sample file handle'],
  ])('when a rule is broken (%#), then the message says which: %s', (t, message) => {
    expect(messages(t)).toContain(message);
  });

  it('when a button label is too long, then it is refused', () => {
    const t = { ...valid, components: [valid.components[1], { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'x'.repeat(26) }] }] };
    expect(messages(t)).toContain('At most 25 characters');
  });
});

describe('templateEdit', () => {
  const edited = (t: unknown) => {
    const r = templateEdit.safeParse(t);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('when new components (and a category) follow the rules, then the edit is accepted', () => {
    expect(edited({ components: valid.components })).toEqual([]);
    expect(edited({ components: valid.components, category: 'MARKETING' })).toEqual([]);
  });

  it('when the components break a rule, then the same message as for a new template names the part', () => {
    expect(edited({ components: [{ type: 'BODY', text: '{{1}} chegou', example: { body_text: [['x']] } }] })).toEqual(['components.0.text: A variable cannot start or end the text']);
    expect(edited({ components: [] })).toContain('components: Exactly one body is required');
    expect(edited({ category: 'UTILITY' })).toHaveLength(1);
  });

  it('when the body names the template or its language, then it is refused: Meta cannot change either', () => {
    expect(edited({ components: valid.components, name: 'outro' })).toEqual([expect.stringContaining('name')]);
    expect(edited({ components: valid.components, language: 'en_US' })).toEqual([expect.stringContaining('language')]);
  });
});
