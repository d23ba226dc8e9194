import { z } from 'zod';
import { localized } from '../localized';
import type { ProblemDraft } from '../validate/problems';
import { formatDuration, handle, variableProblems } from './common';
import { defineNode, type CheckContext, type OutputHandle } from './define-node';
import { field } from './field-meta';

const THIRTY_DAYS_SECONDS = 30 * 24 * 60 * 60;

const seconds = z.int().min(1).max(THIRTY_DAYS_SECONDS);

const waitConfig = z.object({
  mode: field(z.enum(['reply', 'delay']), {
    label: localized('Wait for', 'Esperar'),
    optionLabels: {
      reply: localized('Wait for a reply', 'Esperar resposta'),
      delay: localized('Wait some time', 'Esperar um tempo'),
    },
  }),
  saveAs: field(z.string().nullable(), {
    label: localized('Save the reply in', 'Salvar a resposta em'),
    widget: 'variable',
  }),
  expect: field(z.enum(['any', 'text', 'number', 'email', 'phone', 'option']), {
    label: localized('Expected answer', 'Resposta esperada'),
    optionLabels: {
      any: localized('Anything', 'Qualquer coisa'),
      text: localized('Text', 'Texto'),
      number: localized('A number', 'Um número'),
      email: localized('An email', 'Um e-mail'),
      phone: localized('A phone number', 'Um telefone'),
      option: localized('One of the options', 'Uma das opções'),
    },
  }),
  options: field(z.array(z.string()), {
    label: localized('Accepted options', 'Opções aceitas'),
    hint: localized('Press Enter after each one.', 'Tecle Enter depois de cada uma.'),
    widget: 'tags',
  }),
  retryPrompt: field(z.string(), {
    label: localized('Message when the answer is invalid', 'Mensagem quando a resposta é inválida'),
    placeholder: localized(
      "e.g. Sorry, I didn't get that. Could you try again?",
      'ex.: Desculpe, não entendi. Pode tentar de novo?',
    ),
    widget: 'template',
    rows: 2,
  }),
  maxRetries: field(z.int().min(0).max(10), {
    label: localized('Retries before giving up', 'Tentativas antes de desistir'),
  }),
  timeoutSeconds: field(seconds.nullable(), {
    label: localized('Stop waiting after (seconds)', 'Parar de esperar depois de (segundos)'),
  }),
  delaySeconds: field(seconds, { label: localized('Wait for (seconds)', 'Esperar por (segundos)') }),
});

export type WaitConfig = z.output<typeof waitConfig>;

function waitOutputs(config: WaitConfig): OutputHandle[] {
  const outputs = [handle('next', localized('Next', 'Próximo'), true)];
  if (config.mode === 'delay') return outputs;
  if (config.timeoutSeconds !== null) {
    outputs.push(handle('timeout', localized('No reply', 'Sem resposta'), false));
  }
  if (config.expect !== 'any') {
    outputs.push(handle('invalid', localized('Invalid answer', 'Resposta inválida'), false));
  }
  return outputs;
}

function checkWait(config: WaitConfig, ctx: CheckContext): ProblemDraft[] {
  if (config.mode === 'delay') return [];
  const problems = variableProblems(config.saveAs, 'saveAs', ctx);
  if (config.expect === 'option') {
    if (config.options.length === 0) problems.push({ code: 'options_required', path: 'options' });
    config.options.forEach((option, i) => {
      if (option.trim() === '') problems.push({ code: 'option_empty', path: `options.${i}` });
    });
  }
  return problems;
}

export const waitNode = defineNode({
  type: 'wait',
  version: 1,
  icon: 'clock',
  color: 'yellow',
  label: localized('Wait', 'Esperar'),
  description: localized(
    'Waits for the customer to reply (optionally validating and saving the answer) or for a fixed time.',
    'Espera a resposta do cliente (validando e salvando a resposta, se quiser) ou um tempo fixo.',
  ),
  config: waitConfig,
  isEntry: false,
  defaults: (): WaitConfig => ({
    mode: 'reply',
    saveAs: null,
    expect: 'any',
    options: [],
    retryPrompt: '',
    maxRetries: 2,
    timeoutSeconds: null,
    delaySeconds: 60,
  }),
  outputs: waitOutputs,
  summary(config, locale = 'en') {
    if (config.mode === 'delay') return `⏱ ${formatDuration(config.delaySeconds)}`;
    const reply = locale === 'en' ? 'reply' : 'resposta';
    return config.saveAs ? `${reply} → ${config.saveAs}` : reply;
  },
  waitsForCustomer: (config) => config.mode === 'reply',
  // The retry prompt only goes out in reply mode, but a stale template is still worth flagging.
  templates: (config) => [{ path: 'retryPrompt', text: config.retryPrompt }],
  check: checkWait,
});
