import { describe, expect, it } from 'vitest';
import { issueMessage } from './issue-message';

const issue = (more: Record<string, unknown>) => ({ path: 'name', message: 'Too big: expected string to have <=80 characters', ...more });

describe('issueMessage', () => {
  it.each([
    [{ code: 'too_big', origin: 'string', maximum: 80 }, { key: 'validation.maxChars', values: { max: 80 } }],
    [{ code: 'too_big', origin: 'array', maximum: 50 }, { key: 'validation.maxItems', values: { max: 50 } }],
    [{ code: 'too_big', origin: 'number', maximum: 1000 }, { key: 'validation.maxNumber', values: { max: 1000 } }],
    [{ code: 'too_small', origin: 'string', minimum: 1 }, { key: 'validation.required' }],
    [{ code: 'too_small', origin: 'string', minimum: 8 }, { key: 'validation.minChars', values: { min: 8 } }],
    [{ code: 'too_small', origin: 'array', minimum: 1 }, { key: 'validation.minItems', values: { min: 1 } }],
    [{ code: 'invalid_format', format: 'email' }, { key: 'validation.email' }],
    [{ code: 'invalid_format', format: 'url' }, { key: 'validation.url' }],
    [{ code: 'invalid_format', format: 'regex' }, { key: 'validation.format' }],
    [{ code: 'custom', reason: 'wrong_password' }, { key: 'validation.wrongPassword' }],
  ])('when the issue is %j, then it is worded by %j', (more, expected) => {
    expect(issueMessage(issue(more))).toEqual(expected);
  });

  it.each([{}, { code: 'custom' }, { code: 'invalid_type' }, { code: 'too_big' }, { code: 'too_big', maximum: 'many' }])(
    'when the issue is %j (no code, or no limit to name), then a general "not valid" stands in for the English text',
    (more) => {
      expect(issueMessage(issue(more))).toEqual({ key: 'validation.invalid' });
    },
  );
});
