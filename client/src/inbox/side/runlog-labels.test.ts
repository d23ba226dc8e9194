import { describe, expect, it } from 'vitest';
import { failedOutcomeWord, fixedOutputLabel, stepLabel } from './runlog-labels';

describe('run log labels', () => {
  it('names every step as the builder does, in both languages, and an unknown type as stored', () => {
    expect(stepLabel('business_hours', 'pt-BR')).toBe('Horário de atendimento');
    expect(stepLabel('http_request', 'en')).toBe('HTTP request');
    expect(stepLabel('telegram_poll', 'en')).toBe('telegram_poll');
  });

  it('names a step’s fixed outputs, and leaves per-flow outputs and unknown ones to the caller', () => {
    expect(fixedOutputLabel('business_hours', 'closed', 'pt-BR')).toBe('Fechado');
    expect(fixedOutputLabel('condition', 'else', 'en')).toBe('Else');
    expect(fixedOutputLabel('randomizer', 'path:a', 'en')).toBeUndefined();
    expect(fixedOutputLabel('condition', 'branch:vip', 'en')).toBeUndefined();
    expect(fixedOutputLabel('message', 'nowhere', 'en')).toBeUndefined();
    expect(fixedOutputLabel('telegram_poll', 'open', 'en')).toBeUndefined();
  });

  it("says an HTTP call or an AI reply failed when its outcome names the cause, and leaves other steps' outputs alone", () => {
    expect(failedOutcomeWord('http_timeout', 'http_request')).toBe('http_failed');
    expect(failedOutcomeWord('ai_status', 'ai_reply')).toBe('llm_failed');
    expect(failedOutcomeWord('ai_no_provider', 'ai_reply')).toBe('llm_failed');
    expect(failedOutcomeWord('llm_failed', 'ai_reply')).toBe('llm_failed');
    expect(failedOutcomeWord('handoff', 'ai_reply')).toBe('handoff');
    expect(failedOutcomeWord('ai_plan', 'condition')).toBe('ai_plan');
  });
});
