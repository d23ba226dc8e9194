import { templateDefinition, type TemplateComponent } from '@zyntra/flows-schema';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import i18n from '../i18n';
import { emptyDraft, fromComponents, toDefinition } from './template-draft';
import { clearedBy, fieldOf, liveMessages, submitFeedback } from './template-fields';

const components: TemplateComponent[] = [
  { type: 'HEADER', format: 'TEXT', text: 'Pedido {{1}}', example: { header_text: ['#1'] } },
  { type: 'BODY', text: 'Olá {{1}}, seu pão saiu.', example: { body_text: [['Ana']] } },
  { type: 'FOOTER', text: 'Padaria' },
  { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Quero' }, { type: 'URL', text: 'Ver', url: 'https://padaria.example/{{1}}', example: ['x'] }] },
];

describe('fieldOf', () => {
  it.each([
    ['name', 'name'], ['category', 'category'], ['components', 'body'], ['components.0.text', 'header'], ['components.0.example', 'headerExample'],
    ['components.1.text', 'body'], ['components.1.example.body_text.0.0', 'example-1'], ['components.1.example', 'body'], ['components.2.text', 'footer'],
    ['components.3.buttons.1.url', 'button-1'], ['components.3.buttons', 'buttons'], ['', 'form'],
  ])('when a problem is at %s, then it is shown at %s', (path, field) => {
    expect(fieldOf(path, components)).toBe(field);
  });
});

describe('template form messages', () => {
  it('when the draft breaks rules, then each problem is worded in Portuguese at its own field', async () => {
    await i18n.changeLanguage('pt-BR');
    const def = toDefinition({ ...emptyDraft(), name: 'Pão', body: '{{1}} chegou', bodyExamples: [''], footer: 'Oi {{1}}' });
    expect(liveMessages(i18n.t, templateDefinition.safeParse(def).error!.issues, def.components)).toEqual({
      name: 'Só letras minúsculas, dígitos e _',
      body: 'Uma variável não pode começar nem terminar o texto, nem seguida só de ponto, ! ou ?: escreva palavras antes e depois dela.',
      'example-1': 'Dê um valor de exemplo',
      footer: 'O rodapé não aceita variáveis',
    });
  });

  it('when the server refuses a duplicate, then it is said at the name, and changing the name or the language answers it', async () => {
    await i18n.changeLanguage('pt-BR');
    const { fields, form } = submitFeedback(i18n.t, new ApiError(409, 'conflict', 'A template with this name and language exists'), components);
    expect(fields).toEqual({ name: 'Já existe um modelo com este nome e idioma.' });
    expect(form).toBeNull();
    expect(clearedBy('name', fields)).toEqual({});
    expect(clearedBy('language', fields)).toEqual({});
    expect(clearedBy('body', fields)).toEqual(fields);
  });

  it('when the server names fields, WhatsApp refuses, or the template is in review, then fields get theirs and the rest is said once for the form', async () => {
    await i18n.changeLanguage('en');
    const issues = [{ path: 'components.1.text', message: 'A variable cannot start or end the text', code: 'custom' }, { path: 'components.3.buttons.0.text', message: 'x', code: 'too_big', origin: 'string', maximum: 25 }];
    expect(submitFeedback(i18n.t, new ApiError(400, 'validation_failed', 'The request is not valid', { issues }), components)).toEqual({
      fields: { body: 'A variable cannot start or end the text, even with only a period, ! or ? after it: write words before and after it.', 'button-0': expect.stringContaining('25') }, form: null,
    });
    expect(submitFeedback(i18n.t, new ApiError(400, 'validation_failed', 'WhatsApp refused the template: bad', { providerCode: 100 }), components).form)
      .toEqual({ text: i18n.t('templates.refused'), detail: 'WhatsApp refused the template: bad' });
    expect(submitFeedback(i18n.t, new ApiError(409, 'template_not_editable', 'x', { status: 'PENDING' }), components).form?.text).toContain(i18n.t('templates.statuses.PENDING'));
  });
});

describe('fromComponents', () => {
  it('when a template has text parts, quick replies and links, then the draft gives the same components back', () => {
    const d = fromComponents({ name: 'pao', language: 'pt_BR', category: 'MARKETING', components })!;
    expect(toDefinition(d)).toEqual({ name: 'pao', language: 'pt_BR', category: 'MARKETING', components });
  });

  it('when a template has a media header or a phone button, then there is no draft: the form would drop them', () => {
    expect(fromComponents({ name: 'p', language: 'pt_BR', category: 'UTILITY', components: [{ type: 'HEADER', format: 'IMAGE', example: { header_handle: ['h'] } }, components[1]!] })).toBeNull();
    expect(fromComponents({ name: 'p', language: 'pt_BR', category: 'UTILITY', components: [components[1]!, { type: 'BUTTONS', buttons: [{ type: 'PHONE_NUMBER', text: 'Ligar', phone_number: '+5511999999999' }] }] })).toBeNull();
  });
});
