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
    ['the call fails', { type: 'llm_failed', token: 't', reason: 'timeout' }, { next: 'error', actions: [], outcome: 'llm_failed', error: 'timeout' }],
  ] as const)('when %s, then it returns the matching step', (_case, event, expected) => {
    expect(aiReply.resume?.(n, session(), event, testContext())).toEqual(expected);
  });

  it('when the answer is not saved, then no variable is written', () => {
    const unsaved = node('ai_reply', 'ai', { saveAs: null });
    const step = aiReply.resume?.(unsaved, session(), { type: 'llm_result', token: 't', text: 'x', handoff: false }, testContext());
    expect(step?.vars).toBeUndefined();
  });
});
