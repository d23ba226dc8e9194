import { NO_AI_PROVIDER } from '@zyntra/flows-schema';
import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { failureText } from './failure-text';

const at = '2026-12-06T10:00:00Z';
const ai = (outcome: string, error: string) => ({ at, nodeId: 'ai', nodeType: 'ai_reply', outcome, error });

describe('what the test chat says about a failed step', () => {
  it("when an AI provider timed out, then the chat says a step failed and why, in the tester's language", () => {
    expect(failureText(ai('ai_timeout', 'AI provider: No complete answer within 30 s'), i18n.getFixedT('pt-BR')))
      .toBe('Uma etapa falhou: o provedor de IA demorou demais para responder: não veio uma resposta completa dentro do tempo limite da etapa.');
  });

  it('when there is no AI provider, then the sentence says where an admin sets one up, on its own', () => {
    expect(failureText(ai('ai_no_provider', NO_AI_PROVIDER), i18n.getFixedT('en'))).toMatch(/^The AI reply step has no AI provider to ask/);
  });

  it('when the AI failure has no named cause, then the server\'s reason is shown', () => {
    expect(failureText(ai('llm_failed', 'the AI call was lost'), i18n.getFixedT('en'))).toBe('A step failed: the AI call was lost');
  });
});
