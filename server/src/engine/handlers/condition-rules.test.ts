import { describe, expect, it } from 'vitest';
import { session, testContext } from '../testing/fixtures';
import { evaluateRule, type Rule } from './condition-rules';

const s = session({ lastReply: 'Quero o Cartão', vars: { age: '18', total: '1.234,56', blank: '  ' } });
const ctx = testContext({ contact: { name: 'Ana Lúcia', phone: '5511987654321', tags: ['VIP', 'cliente-antigo'], attributes: {} } });

describe('evaluateRule', () => {
  it.each<[Rule['left'], Rule['op'], string, boolean]>([
    ['last_reply', 'equals', 'quero o cartao', true],
    ['last_reply', 'equals', 'cartao', false],
    ['last_reply', 'not_equals', 'cartao', true],
    ['last_reply', 'contains', 'CARTÃO', true],
    ['last_reply', 'starts_with', 'quero', true],
    ['last_reply', 'starts_with', 'cartao', false],
    ['last_reply', 'regex', 'cart(ã|a)o', true],
    ['last_reply', 'regex', '^\\d+$', false],
    ['contact.name', 'starts_with', 'ana lucia', true],
    ['contact.phone', 'starts_with', '5511', true],
    ['age', 'gte', '18', true],
    ['age', 'gt', '18', false],
    ['age', 'lt', '18,5', true],
    ['total', 'gt', '1000', true],
    ['total', 'lte', '1234.56', true],
    ['last_reply', 'gt', '1', false],
    ['age', 'gt', 'abc', false],
    ['age', 'is_set', '', true],
    ['blank', 'is_set', '', false],
    ['missing', 'is_not_set', '', true],
    ['missing', 'equals', '', true],
    ['contact.tags', 'has_tag', 'vip', true],
    ['contact.tags', 'has_tag', 'novo', false],
    ['contact.tags', 'equals', 'cliente-antigo', true],
    ['contact.tags', 'not_equals', 'vip', false],
    ['contact.tags', 'is_set', '', true],
    ['constructor', 'is_set', '', false],
  ])('when %s %s %j, then it is %s', (left, op, right, ok) => {
    expect(evaluateRule({ left, op, right }, s, ctx)).toEqual({ ok });
  });

  it.each(['(a+)+', '([a-z', 'x'.repeat(201)])('when the regex %j is unsafe or invalid, then the rule is false and reports it', (right) => {
    const result = evaluateRule({ left: 'last_reply', op: 'regex', right }, s, ctx);
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/^regex_(unsafe|invalid|too_long)/);
  });
});
