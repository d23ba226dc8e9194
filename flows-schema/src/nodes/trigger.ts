import { z } from 'zod';
import { localized, truncate } from '../localized';
import { normalizeText } from '../text/normalize';
import type { ProblemDraft } from '../validate/problems';
import { handle, regexProblems } from './common';
import { defineNode, type CheckContext } from './define-node';

const keywordSchema = z.object({
  match: z.enum(['exact', 'contains', 'starts_with', 'regex']),
  value: z.string().meta({ label: localized('Keyword', 'Palavra-chave'), placeholder: 'oi' }),
});

const triggerConfig = z.object({
  keywords: z.array(keywordSchema).meta({ label: localized('Keywords', 'Palavras-chave') }),
  newContact: z
    .boolean()
    .meta({ label: localized('First message of a new contact', 'Primeira mensagem de um novo contato') }),
  fallback: z
    .boolean()
    .meta({ label: localized('When no other flow matches', 'Quando nenhum outro fluxo corresponder') }),
  channelIds: z
    .array(z.string())
    .meta({ label: localized('Channels (empty = all)', 'Canais (vazio = todos)') }),
  priority: z
    .int()
    .min(0)
    .max(100)
    .meta({ label: localized('Priority (higher wins)', 'Prioridade (maior vence)') }),
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
  return normalizeText(keyword.value) === '' ? [{ code: 'keyword_empty', path: `${path}.value` }] : [];
}

export const triggerNode = defineNode({
  type: 'trigger',
  version: 1,
  icon: 'bolt',
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
    if (config.fallback) parts.push('fallback');
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
