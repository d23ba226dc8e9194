import { z } from 'zod';
import { localized, truncate, type Localized } from '../localized';
import type { ProblemDraft } from '../validate/problems';
import type { ButtonParameter } from '../whatsapp-templates/template-send';
import { handle } from './common';
import { defineNode } from './define-node';
import { field } from './field-meta';

// An approved WhatsApp template: the one message WhatsApp delivers more than 24 hours after the
// customer last wrote (e.g. after a two-day wait). Its values may use {{placeholders}}; the engine
// fills them from the contact and the flow's variables when the step runs.
const HEADER_TYPES = ['none', 'text', 'image', 'video', 'document'] as const;
/** The buttons that take a value at send, as buttonParameters finds them; quick-reply payloads are optional and not asked for. */
const BUTTON_TYPES = ['url', 'copy_code'] as const satisfies ReadonlyArray<ButtonParameter['subType']>;

/**
 * The value of one button that takes one at send (buttonParameters): the end of a URL button's
 * address (…/pedido/{{1}}) or a copy-code button's code. WhatsApp refuses the send without it (132000).
 */
const buttonValue = z.object({
  index: field(z.int().min(0).max(9), { label: localized('Button', 'Botão'), widget: 'hidden' }),
  subType: field(z.enum(BUTTON_TYPES), {
    label: localized('Button kind', 'Tipo do botão'),
    optionLabels: { url: localized('Link ending', 'Final do link'), copy_code: localized('Coupon code', 'Código do cupom') },
  }),
  value: field(z.string().max(1024), {
    label: localized('Button value', 'Valor do botão'),
    placeholder: localized('e.g. {{pedido}}', 'ex.: {{pedido}}'),
  }),
});

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
  // Defaulted, so a step saved before buttons took values reads as one with none.
  buttons: field(z.array(buttonValue).max(10).default(() => []), {
    label: localized('Button values', 'Valores dos botões'),
    hint: localized(
      'The end of a link button’s address, or a coupon code. Use the contact’s fields or flow variables, e.g. {{pedido}}.',
      'O final do endereço de um botão de link, ou um código de cupom. Use campos do contato ou variáveis do fluxo, ex.: {{pedido}}.',
    ),
  }),
  /** The template's body with its {{n}} markers, kept when picked so the inbox shows what the customer read. */
  text: field(z.string().max(1024), { label: localized('Body', 'Corpo'), widget: 'hidden' }),
});

export type SendTemplateConfig = z.output<typeof sendTemplateConfig>;
export type SendTemplateButton = SendTemplateConfig['buttons'][number];

/** What an empty button value is called in its problem: the place and kind, as a marketer sees the template. */
export const buttonName = (b: Pick<SendTemplateButton, 'index' | 'subType'>): Localized =>
  b.subType === 'url'
    ? localized(`Link ending of button ${b.index + 1}`, `Final do link do botão ${b.index + 1}`)
    : localized(`Coupon code of button ${b.index + 1}`, `Código do cupom do botão ${b.index + 1}`);

function check(config: SendTemplateConfig): ProblemDraft[] {
  const problems: ProblemDraft[] = [];
  if (config.name === '') problems.push({ code: 'required_field', path: 'name' });
  if (config.language === '') problems.push({ code: 'required_field', path: 'language' });
  if (config.headerType !== 'none' && config.header.trim() === '') problems.push({ code: 'required_field', path: 'header' });
  config.buttons.forEach((b, i) => {
    if (b.value.trim() === '') problems.push({ code: 'required_field', path: `buttons.${i}.value`, params: { path: buttonName(b) } });
  });
  return problems;
}

export const sendTemplateNode = defineNode({
  type: 'send_template',
  // 2: buttons (defaulted to none, so a version-1 config parses unchanged).
  version: 2,
  icon: 'send',
  color: 'green',
  label: localized('Send a template', 'Enviar modelo'),
  description: localized(
    'Sends an approved WhatsApp template, the only message WhatsApp delivers 24 hours after the customer last wrote.',
    'Envia um modelo aprovado do WhatsApp, a única mensagem que o WhatsApp entrega 24 horas depois da última mensagem do cliente.',
  ),
  config: sendTemplateConfig,
  isEntry: false,
  defaults: (): SendTemplateConfig => ({ name: '', language: 'pt_BR', body: [], headerType: 'none', header: '', buttons: [], text: '' }),
  outputs: () => [handle('next', localized('Next', 'Próximo'), false)],
  summary: (config, locale = 'en') => truncate(config.name ? `${config.name} · ${config.language}` : locale === 'en' ? 'Choose a template' : 'Escolha um modelo', 60),
  waitsForCustomer: () => false,
  templates: (config) => [
    ...config.body.map((text, i) => ({ path: `body.${i}`, text })),
    ...(config.headerType === 'none' ? [] : [{ path: 'header', text: config.header }]),
    ...config.buttons.map((b, i) => ({ path: `buttons.${i}.value`, text: b.value })),
  ],
  check,
});
