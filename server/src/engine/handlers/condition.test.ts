import { describe, expect, it } from 'vitest';
import type { NodeConfig } from '@zyntra/flows-schema';
import { node, session, testContext } from '../testing/fixtures';
import { condition } from './condition';
import type { Rule } from './condition-rules';

const s = session({ lastReply: 'Quero o Cartão', vars: { age: '18', total: '1.234,56', blank: '  ' } });
const ctx = testContext({ contact: { name: 'Ana Lúcia', phone: '5511987654321', tags: ['VIP', 'cliente-antigo'], attributes: {} } });

type Branch = NodeConfig<'condition'>['branches'][number];
const branch = (id: string, combinator: Branch['combinator'], rules: Rule[]): Branch => ({ id, label: id, combinator, rules });
const yes: Rule = { left: 'last_reply', op: 'contains', right: 'cartao' };
const no: Rule = { left: 'last_reply', op: 'contains', right: 'pix' };

describe('condition handler', () => {
  it.each([
    ['the first branch holds', [branch('a', 'all', [yes]), branch('b', 'all', [yes])], 'branch:a'],
    ['"all" has a false rule', [branch('a', 'all', [yes, no]), branch('b', 'any', [no, yes])], 'branch:b'],
    ['no branch holds', [branch('a', 'all', [no]), branch('b', 'any', [no])], 'else'],
    ['there are no branches', [], 'else'],
  ])('when %s, then it follows %s', (_case, branches, next) => {
    expect(condition.enter(node('condition', 'c', { branches }), s, ctx)).toEqual({ next, actions: [], outcome: next });
  });

  it('when a rule has a bad regex, then that rule is false, evaluation goes on and the error is reported', () => {
    const bad: Rule = { left: 'last_reply', op: 'regex', right: '(a+)+' };
    const step = condition.enter(node('condition', 'c', { branches: [branch('a', 'any', [bad, yes])] }), s, ctx);
    expect(step).toMatchObject({ next: 'branch:a', outcome: 'branch:a' });
    expect(step.error).toContain('regex_unsafe');
  });
});
