import { describe, expect, it } from 'vitest';
import { aiReplyNode, type AiReplyConfig } from './ai-reply';

const ctx = { declaredVariables: new Set(['answer']) };
const config = (patch: Partial<AiReplyConfig>): AiReplyConfig => ({
  ...aiReplyNode.defaults(),
  systemPrompt: 'Be kind',
  ...patch,
});
const codes = (c: AiReplyConfig) => (aiReplyNode.check?.(c, ctx) ?? []).map((p) => `${p.code}@${p.path}`);

describe('ai_reply node', () => {
  it('when configured within every range, then the schema accepts it and check is clean', () => {
    const valid = config({
      model: 'gpt-4o-mini',
      temperature: 2,
      historyWindow: 50,
      maxTokens: 4096,
      timeoutSeconds: 120,
      saveAs: 'answer',
    });
    expect(aiReplyNode.config.safeParse(valid).success).toBe(true);
    expect(codes(valid)).toEqual([]);
  });

  it.each([
    ['temperature above 2', { temperature: 2.1 }],
    ['negative temperature', { temperature: -0.1 }],
    ['empty history window', { historyWindow: 0 }],
    ['too many tokens', { maxTokens: 4097 }],
    ['timeout above 120 s', { timeoutSeconds: 121 }],
    ['saveAs not a string', { saveAs: 1 }],
  ])('when the config has %s, then the schema rejects it', (_name, patch) => {
    expect(aiReplyNode.config.safeParse({ ...aiReplyNode.defaults(), ...patch }).success).toBe(false);
  });
});

describe('ai_reply node: checks and outputs', () => {
  it('when the prompt is blank, then a warning says the AI has no instructions', () => {
    const problems = aiReplyNode.check?.(config({ systemPrompt: '  ' }), ctx) ?? [];
    expect(problems.map((p) => p.code)).toEqual(['system_prompt_empty']);
  });

  it('when saveAs names an undeclared variable, then check reports undeclared_variable', () => {
    expect(codes(config({ saveAs: 'reply' }))).toEqual(['undeclared_variable@saveAs']);
  });

  it('when asked for outputs, then ok is required while handoff and error are optional', () => {
    expect(aiReplyNode.outputs(config({})).map((o) => [o.id, o.required])).toEqual([
      ['ok', true],
      ['handoff', false],
      ['error', false],
    ]);
    expect(aiReplyNode.waitsForCustomer(config({}))).toBe(false);
  });

  it('when asked for templates, then the system prompt is one', () => {
    expect(aiReplyNode.templates(config({ systemPrompt: 'Hi {{x}}' }))).toEqual([
      { path: 'systemPrompt', text: 'Hi {{x}}' },
    ]);
  });
});
