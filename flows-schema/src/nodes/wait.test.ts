import { describe, expect, it } from 'vitest';
import { waitNode, type WaitConfig } from './wait';

const ctx = { declaredVariables: new Set(['email']) };
const config = (patch: Partial<WaitConfig>): WaitConfig => ({ ...waitNode.defaults(), ...patch });
const codes = (c: WaitConfig) => (waitNode.check?.(c, ctx) ?? []).map((p) => `${p.code}@${p.path}`);
const ids = (c: WaitConfig) => waitNode.outputs(c).map((o) => `${o.id}${o.required ? '!' : '?'}`);

describe('wait node', () => {
  it('when configured to collect a validated answer, then the schema accepts it and check is clean', () => {
    const valid = config({
      saveAs: 'email',
      expect: 'email',
      retryPrompt: 'E-mail inválido',
      timeoutSeconds: 3600,
    });
    expect(waitNode.config.safeParse(valid).success).toBe(true);
    expect(codes(valid)).toEqual([]);
  });

  it.each([
    ['unknown mode', { mode: 'sleep' }],
    ['more than 10 retries', { maxRetries: 11 }],
    ['a delay of zero', { delaySeconds: 0 }],
    ['a delay over 30 days', { delaySeconds: 30 * 86_400 + 1 }],
    ['a fractional timeout', { timeoutSeconds: 1.5 }],
    ['unknown expectation', { expect: 'date' }],
  ])('when the config has %s, then the schema rejects it', (_name, patch) => {
    expect(waitNode.config.safeParse({ ...waitNode.defaults(), ...patch }).success).toBe(false);
  });
});

describe('wait node: checks', () => {
  it('when saveAs names an undeclared variable, then check reports undeclared_variable', () => {
    expect(codes(config({ saveAs: 'phone' }))).toEqual(['undeclared_variable@saveAs']);
    expect(codes(config({ saveAs: 'last_reply' }))).toEqual(['undeclared_variable@saveAs']);
  });

  it('when expecting an option without options or with a blank one, then check reports it', () => {
    expect(codes(config({ expect: 'option' }))).toEqual(['options_required@options']);
    expect(codes(config({ expect: 'option', options: ['Sim', ' '] }))).toEqual(['option_empty@options.1']);
  });

  it('when in delay mode, then reply settings are ignored by check', () => {
    expect(codes(config({ mode: 'delay', saveAs: 'nope', expect: 'option' }))).toEqual([]);
  });
});

describe('wait node: outputs and card', () => {
  it('when replying with a timeout and validation, then next is required and timeout/invalid optional', () => {
    expect(ids(config({}))).toEqual(['next!']);
    expect(ids(config({ timeoutSeconds: 60, expect: 'number' }))).toEqual(['next!', 'timeout?', 'invalid?']);
    expect(ids(config({ mode: 'delay', timeoutSeconds: 60, expect: 'number' }))).toEqual(['next!']);
  });

  it('when in reply mode, then it waits for the customer; a delay does not', () => {
    expect(waitNode.waitsForCustomer(config({}))).toBe(true);
    expect(waitNode.waitsForCustomer(config({ mode: 'delay' }))).toBe(false);
  });

  it('when summarised, then it shows the saved variable or the delay', () => {
    expect(waitNode.summary(config({ saveAs: 'email' }))).toBe('reply → email');
    expect(waitNode.summary(config({ mode: 'delay', delaySeconds: 90_000 }))).toBe('⏱ 1d 1h');
  });
});
