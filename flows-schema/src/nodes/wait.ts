import { z } from 'zod';
import { localized } from '../localized';
import type { ProblemDraft } from '../validate/problems';
import { formatDuration, handle, variableProblems } from './common';
import { defineNode, type CheckContext, type OutputHandle } from './define-node';

const THIRTY_DAYS_SECONDS = 30 * 24 * 60 * 60;

const waitConfig = z.object({
  mode: z.enum(['reply', 'delay']),
  saveAs: z
    .string()
    .nullable()
    .meta({ label: localized('Save reply as', 'Salvar resposta em') }),
  expect: z.enum(['any', 'text', 'number', 'email', 'phone', 'option']),
  options: z.array(z.string()).meta({ label: localized('Accepted options', 'Opções aceitas') }),
  retryPrompt: z.string().meta({
    label: localized('Message when the answer is invalid', 'Mensagem quando a resposta é inválida'),
    placeholder: 'Não entendi, pode repetir?',
  }),
  maxRetries: z.int().min(0).max(10),
  timeoutSeconds: z.int().min(1).max(THIRTY_DAYS_SECONDS).nullable(),
  delaySeconds: z.int().min(1).max(THIRTY_DAYS_SECONDS),
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
