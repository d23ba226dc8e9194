import { z } from 'zod';
import { localized, truncate } from '../localized';
import type { ProblemDraft } from '../validate/problems';
import { handle, variableProblems } from './common';
import { defineNode, type CheckContext } from './define-node';
import { field } from './field-meta';

const aiReplyConfig = z.object({
  systemPrompt: field(z.string(), {
    label: localized('Instructions', 'Instruções'),
    hint: localized(
      'Tell the AI who it is, what your business sells and how to answer.',
      'Diga à IA quem ela é, o que seu negócio vende e como responder.',
    ),
    placeholder: localized(
      "e.g. You are the assistant of Ana's Bakery. Answer briefly and kindly…",
      'ex.: Você é a assistente da Padaria da Ana. Responda de forma breve e gentil…',
    ),
    widget: 'template',
    rows: 6,
  }),
  model: field(z.string(), {
    label: localized('Model', 'Modelo'),
    placeholder: localized('Workspace default', 'Padrão do espaço de trabalho'),
  }),
  temperature: field(z.number().min(0).max(2), {
    label: localized('Creativity (temperature)', 'Criatividade (temperatura)'),
    hint: localized(
      'Lower is more predictable, higher is more creative.',
      'Mais baixo é mais previsível; mais alto, mais criativo.',
    ),
    widget: 'slider',
    step: 0.1,
  }),
  historyWindow: field(z.int().min(1).max(50), {
    label: localized('Messages of history', 'Mensagens de histórico'),
  }),
  maxTokens: field(z.int().min(1).max(4096), {
    label: localized('Max answer length (tokens)', 'Tamanho máximo da resposta (tokens)'),
  }),
  timeoutSeconds: field(z.int().min(1).max(120), {
    label: localized('Give up after (seconds)', 'Desistir depois de (segundos)'),
  }),
  saveAs: field(z.string().nullable(), {
    label: localized('Save the answer in', 'Salvar a resposta em'),
    widget: 'variable',
  }),
});

export type AiReplyConfig = z.output<typeof aiReplyConfig>;

/** Why an AI reply step failed when its workspace (and the server) has no AI provider set up. */
export const NO_AI_PROVIDER = 'no AI provider is configured';

/**
 * Why an AI reply step failed, as the worker can tell it apart: the run log's outcome is `ai_<cause>`
 * (ai_timeout, ai_status…), which the test chat and the inbox say in the reader's language.
 * A failure with no known cause (a lost call, a row from before causes were kept) stays `llm_failed`.
 */
export const AI_FAILURE_CAUSES = ['no_provider', 'timeout', 'network', 'blocked_address', 'redirect', 'status', 'bad_answer', 'bad_settings'] as const;
export type AiFailureCause = (typeof AI_FAILURE_CAUSES)[number];

function checkAiReply(config: AiReplyConfig, ctx: CheckContext): ProblemDraft[] {
  const problems = variableProblems(config.saveAs, 'saveAs', ctx);
  if (config.systemPrompt.trim() === '') problems.push({ code: 'system_prompt_empty', path: 'systemPrompt' });
  return problems;
}

export const aiReplyNode = defineNode({
  type: 'ai_reply',
  version: 1,
  icon: 'sparkles',
  color: 'violet',
  label: localized('AI reply', 'Resposta com IA'),
  description: localized(
    'Answers the customer with an AI model, using the recent conversation as context.',
    'Responde o cliente com um modelo de IA, usando a conversa recente como contexto.',
  ),
  config: aiReplyConfig,
  isEntry: false,
  defaults: () => ({
    systemPrompt: '',
    model: '',
    temperature: 0.7,
    historyWindow: 10,
    maxTokens: 512,
    timeoutSeconds: 30,
    saveAs: null,
  }),
  outputs: () => [
    handle('ok', localized('Answered', 'Respondeu'), true),
    handle('handoff', localized('Asked for a human', 'Pediu um atendente'), false),
    handle('error', localized('Failed', 'Falhou'), false),
  ],
  summary: (config) => truncate(config.systemPrompt, 60),
  waitsForCustomer: () => false,
  templates: (config) => [{ path: 'systemPrompt', text: config.systemPrompt }],
  check: checkAiReply,
});
