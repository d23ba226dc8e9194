import { describe, expect, it } from 'vitest';
import { node, session, testContext } from '../testing/fixtures';
import { aiReply } from './ai-reply';

const n = node('ai_reply', 'ai', { systemPrompt: 'Atenda {{contact.name}} da loja {{store}}', model: 'gpt-x', saveAs: 'answer' });

describe('ai_reply handler', () => {
  it('when entered, then it calls the LLM with the interpolated prompt and waits for that token', () => {
    const step = aiReply.enter(n, session({ vars: { store: 'Zyn' } }), testContext());
    expect(step).toEqual({
      actions: [
        {
          type: 'call_llm',
          nodeId: 'ai',
          token: 'id-1',
          request: { systemPrompt: 'Atenda Ana da loja Zyn', model: 'gpt-x', temperature: 0.7, historyWindow: 10, maxTokens: 512, timeoutSeconds: 30 },
        },
      ],
      wait: { waitingFor: 'llm', token: 'id-1' },
    });
  });

  it.each([
    [
      'the model answers',
      { type: 'llm_result', token: 't', text: 'Olá!', handoff: false },
      {
        next: 'ok',
        actions: [{ type: 'send_message', nodeId: 'ai', content: { text: 'Olá!', buttons: [], list: null, media: null, typingDelayMs: 0 } }],
        vars: { answer: 'Olá!' },
      },
    ],
    ['the model asks for a human', { type: 'llm_result', token: 't', text: 'ignored', handoff: true }, { next: 'handoff', actions: [], outcome: 'handoff' }],
    ['the call fails without a cause (a lost call)', { type: 'llm_failed', token: 't', reason: 'the AI call was lost' }, { next: 'error', actions: [], outcome: 'llm_failed', error: 'the AI call was lost' }],
    ['the provider is too slow', { type: 'llm_failed', token: 't', reason: 'AI provider: No complete answer within 2 s', cause: 'timeout' }, { next: 'error', actions: [], outcome: 'ai_timeout', error: 'AI provider: No complete answer within 2 s' }],
    ['the provider answers an error status', { type: 'llm_failed', token: 't', reason: 'The AI provider failed (HTTP 503)', cause: 'status' }, { next: 'error', actions: [], outcome: 'ai_status', error: 'The AI provider failed (HTTP 503)' }],
    ['there is no provider', { type: 'llm_failed', token: 't', reason: 'no AI provider is configured', cause: 'no_provider' }, { next: 'error', actions: [], outcome: 'ai_no_provider', error: 'no AI provider is configured' }],
    ['the cause is one this version does not know', { type: 'llm_failed', token: 't', reason: 'x', cause: 'quota; drop table' }, { next: 'error', actions: [], outcome: 'llm_failed', error: 'x' }],
  ] as const)('when %s, then it returns the matching step', (_case, event, expected) => {
    expect(aiReply.resume?.(n, session(), event, testContext())).toEqual(expected);
  });

  it('when the answer is not saved, then no variable is written', () => {
    const unsaved = node('ai_reply', 'ai', { saveAs: null });
    const step = aiReply.resume?.(unsaved, session(), { type: 'llm_result', token: 't', text: 'x', handoff: false }, testContext());
    expect(step?.vars).toBeUndefined();
  });
});
