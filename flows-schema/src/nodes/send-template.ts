import { z } from 'zod';
import { localized, truncate } from '../localized';
import type { ProblemDraft } from '../validate/problems';
import { handle } from './common';
import { defineNode } from './define-node';
import { field } from './field-meta';

// An approved WhatsApp template: the one message WhatsApp delivers more than 24 hours after the
// customer last wrote (e.g. after a two-day wait). Its values may use {{placeholders}}; the engine
// fills them from the contact and the flow's variables when the step runs.
const HEADER_TYPES = ['none', 'text', 'image', 'video', 'document'] as const;

const sendTemplateConfig = z.object({
  name: field(z.string().max(512).regex(/^[a-z0-9_]*$/, 'Lower-case letters, digits and _ only'), {
    label: localized('Template', 'Modelo'),
    hint: localized('The approved template’s name, as WhatsApp lists it.', 'O nome do modelo aprovado, como o WhatsApp o lista.'),
    placeholder: localized('e.g. order_shipped', 'ex.: pedido_enviado'),
  }),
  language: field(z.string().max(20).regex(/^([a-z]{2,3}(_[A-Za-z]{2,4})?)?$/, 'A language code such as pt_BR'), {
    label: localized('Language', 'Idioma'),
    placeholder: localized('e.g. pt_BR', 'ex.: pt_BR'),
  }),
  body: field(z.array(z.string().max(1024)).max(60), {
    label: localized('Body values', 'Valores do corpo'),
    hint: localized(
      'One value per variable of the template’s body, in order. Use the contact’s fields or flow variables, e.g. {{contact.name}}.',
      'Um valor por variável do corpo do modelo, em ordem. Use campos do contato ou variáveis do fluxo, ex.: {{contact.name}}.',
    ),
    widget: 'tags',
  }),
  headerType: field(z.enum(HEADER_TYPES), {
    label: localized('Header value', 'Valor do cabeçalho'),
    optionLabels: {
      none: localized('None', 'Nenhum'), text: localized('Text', 'Texto'), image: localized('Image', 'Imagem'),
      video: localized('Video', 'Vídeo'), document: localized('Document', 'Documento'),
    },
  }),
  header: field(z.string().max(2000), {
    label: localized('Header text or file address', 'Texto ou endereço do arquivo do cabeçalho'),
    placeholder: localized('e.g. https://shop.example/banner.jpg', 'ex.: https://loja.example/banner.jpg'),
    widget: 'template',
  }),
  /** The template's body with its {{n}} markers, kept when picked so the inbox shows what the customer read. */
  text: field(z.string().max(1024), { label: localized('Body', 'Corpo'), widget: 'hidden' }),
});

export type SendTemplateConfig = z.output<typeof sendTemplateConfig>;

function check(config: SendTemplateConfig): ProblemDraft[] {
  const problems: ProblemDraft[] = [];
  if (config.name === '') problems.push({ code: 'required_field', path: 'name' });
  if (config.language === '') problems.push({ code: 'required_field', path: 'language' });
  if (config.headerType !== 'none' && config.header.trim() === '') problems.push({ code: 'required_field', path: 'header' });
  return problems;
}

export const sendTemplateNode = defineNode({
  type: 'send_template',
  version: 1,
  icon: 'send',
  color: 'green',
  label: localized('Send a template', 'Enviar modelo'),
  description: localized(
    'Sends an approved WhatsApp template, the only message WhatsApp delivers 24 hours after the customer last wrote.',
    'Envia um modelo aprovado do WhatsApp, a única mensagem que o WhatsApp entrega 24 horas depois da última mensagem do cliente.',
  ),
  config: sendTemplateConfig,
  isEntry: false,
  defaults: (): SendTemplateConfig => ({ name: '', language: 'pt_BR', body: [], headerType: 'none', header: '', text: '' }),
  outputs: () => [handle('next', localized('Next', 'Próximo'), false)],
  summary: (config, locale = 'en') => truncate(config.name ? `${config.name} · ${config.language}` : locale === 'en' ? 'Choose a template' : 'Escolha um modelo', 60),
  waitsForCustomer: () => false,
  templates: (config) => [
    ...config.body.map((text, i) => ({ path: `body.${i}`, text })),
    ...(config.headerType === 'none' ? [] : [{ path: 'header', text: config.header }]),
  ],
  check,
});
