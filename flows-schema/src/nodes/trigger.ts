import { z } from 'zod';
import { localized, truncate } from '../localized';
import { normalizeText } from '../text/normalize';
import type { ProblemDraft } from '../validate/problems';
import { handle, regexProblems } from './common';
import { defineNode, type CheckContext } from './define-node';
import { field } from './field-meta';

/** A keyword is a word or a short phrase a customer types; like a regex, it is held to 200 characters. */
const MAX_KEYWORD_LENGTH = 200;

const keywordSchema = z.object({
  match: field(z.enum(['exact', 'contains', 'starts_with', 'regex']), {
    label: localized('How it matches', 'Como compara'),
    optionLabels: {
      exact: localized('Is exactly', 'É exatamente'),
      contains: localized('Contains', 'Contém'),
      starts_with: localized('Starts with', 'Começa com'),
      regex: localized('Regex', 'Regex'),
    },
  }),
  value: field(z.string(), {
    label: localized('Keyword', 'Palavra-chave'),
    placeholder: localized('e.g. promo', 'ex.: promo'),
  }),
});

const triggerConfig = z.object({
  keywords: field(z.array(keywordSchema), {
    label: localized('Keywords', 'Palavras-chave'),
    hint: localized(
      'Case and accents are ignored: “promo” also matches “PROMO”. “Contains” looks where a word starts: “promo” matches “promoção”, “oi” does not match “depois”.',
      'Maiúsculas e acentos são ignorados: “promo” também pega “PROMO”. “Contém” procura no começo das palavras: “promo” pega “promoção”, “oi” não pega “depois”.',
    ),
  }),
  newContact: field(z.boolean(), {
    label: localized("Start on a new contact's first message", 'Iniciar na primeira mensagem de um novo contato'),
  }),
  fallback: field(z.boolean(), {
    label: localized('Start when no other flow matches', 'Iniciar quando nenhum outro fluxo corresponder'),
    hint: localized('Good for a welcome menu.', 'Bom para um menu de boas-vindas.'),
  }),
  channelIds: field(z.array(z.string()), {
    label: localized('Channels (empty = all)', 'Canais (vazio = todos)'),
    widget: 'tags',
  }),
  priority: field(z.int().min(0).max(100), {
    label: localized('Priority', 'Prioridade'),
    hint: localized(
      'When several flows match, the highest priority wins.',
      'Quando vários fluxos correspondem, vence a maior prioridade.',
    ),
  }),
});

export type TriggerConfig = z.output<typeof triggerConfig>;

function keywordProblems(
  keyword: TriggerConfig['keywords'][number],
  path: string,
  ctx: CheckContext,
): ProblemDraft[] {
  if (keyword.match === 'regex') {
    if (keyword.value === '') return [{ code: 'keyword_empty', path: `${path}.value` }];
    return regexProblems(keyword.value, `${path}.value`, ctx);
  }
  // A keyword made only of spaces or accents would match every message after normalization.
  if (normalizeText(keyword.value) === '') return [{ code: 'keyword_empty', path: `${path}.value` }];
  const length = Array.from(keyword.value).length;
  return length > MAX_KEYWORD_LENGTH ? [{ code: 'keyword_too_long', path: `${path}.value`, params: { max: MAX_KEYWORD_LENGTH, length } }] : [];
}

export const triggerNode = defineNode({
  type: 'trigger',
  version: 1,
  icon: 'bolt',
  color: 'orange',
  label: localized('Trigger', 'Gatilho'),
  description: localized(
    'Starts the flow when a message matches a keyword, a new contact writes, or nothing else matches.',
    'Inicia o fluxo quando uma mensagem corresponde a uma palavra-chave, um novo contato escreve ou nada mais corresponde.',
  ),
  config: triggerConfig,
  isEntry: true,
  defaults: () => ({ keywords: [], newContact: false, fallback: false, channelIds: [], priority: 0 }),
  outputs: () => [handle('next', localized('Next', 'Próximo'), true)],
  summary(config, locale = 'en') {
    const parts = config.keywords.map((keyword) =>
      keyword.match === 'regex' ? `/${keyword.value}/` : keyword.value,
    );
    if (config.newContact) parts.push(locale === 'en' ? 'new contact' : 'novo contato');
    if (config.fallback) parts.push(locale === 'en' ? 'when no other flow matches' : 'quando nenhum outro fluxo corresponder');
    return truncate(parts.join(', '), 60);
  },
  waitsForCustomer: () => false,
  templates: () => [],
  check(config, ctx) {
    const problems = config.keywords.flatMap((keyword, index) =>
      keywordProblems(keyword, `keywords.${index}`, ctx),
    );
    if (config.keywords.length === 0 && !config.newContact && !config.fallback) {
      problems.push({ code: 'trigger_without_condition', path: 'keywords' });
    }
    return problems;
  },
});
