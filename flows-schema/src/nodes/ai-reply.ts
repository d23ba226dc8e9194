import { z } from 'zod';
import { localized, truncate } from '../localized';
import type { ProblemDraft } from '../validate/problems';
import { handle, variableProblems } from './common';
import { defineNode, type CheckContext } from './define-node';

const aiReplyConfig = z.object({
  systemPrompt: z.string().meta({
    label: localized('Instructions', 'Instruções'),
    placeholder: 'Você é o assistente da Loja {{store}}…',
  }),
  model: z
    .string()
    .meta({ label: localized('Model (empty = workspace default)', 'Modelo (vazio = padrão do espaço)') }),
  temperature: z.number().min(0).max(2),
  historyWindow: z
    .int()
    .min(1)
    .max(50)
    .meta({ label: localized('Messages of history', 'Mensagens de histórico') }),
  maxTokens: z.int().min(1).max(4096),
  timeoutSeconds: z.int().min(1).max(120),
  saveAs: z
    .string()
    .nullable()
    .meta({ label: localized('Save answer as', 'Salvar resposta em') }),
});

export type AiReplyConfig = z.output<typeof aiReplyConfig>;

function checkAiReply(config: AiReplyConfig, ctx: CheckContext): ProblemDraft[] {
  const problems = variableProblems(config.saveAs, 'saveAs', ctx);
  if (config.systemPrompt.trim() === '') problems.push({ code: 'system_prompt_empty', path: 'systemPrompt' });
  return problems;
}

export const aiReplyNode = defineNode({
  type: 'ai_reply',
  version: 1,
  icon: 'sparkles',
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
