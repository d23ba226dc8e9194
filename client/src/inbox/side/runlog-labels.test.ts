import { describe, expect, it } from 'vitest';
import { fixedOutputLabel, stepLabel } from './runlog-labels';

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
});
