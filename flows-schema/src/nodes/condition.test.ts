import { describe, expect, it } from 'vitest';
import { conditionNode, type ConditionConfig } from './condition';

type Rule = ConditionConfig['branches'][number]['rules'][number];
const ctx = { declaredVariables: new Set(['age']) };
const branch = (id: string, rules: Rule[], label = '') => ({ id, label, combinator: 'all' as const, rules });
const config = (...branches: ConditionConfig['branches']): ConditionConfig => ({ branches });
const codes = (c: ConditionConfig) => (conditionNode.check?.(c, ctx) ?? []).map((p) => `${p.code}@${p.path}`);

describe('condition node', () => {
  it('when rules use built-in operands, declared variables and every operator correctly, then check is clean', () => {
    const valid = config(
      branch('vip', [{ left: 'contact.tags', op: 'has_tag', right: 'vip' }], 'VIP'),
      branch('adult', [
        { left: 'age', op: 'gte', right: '18' },
        { left: 'age', op: 'lt', right: '65,5' },
        { left: 'last_reply', op: 'regex', right: '^sim|s$' },
        { left: 'contact.name', op: 'is_set', right: '' },
      ]),
      branch('premium', [{ left: 'contact.plano', op: 'equals', right: 'premium' }, { left: 'contact.Cidade', op: 'is_set', right: '' }]),
    );
    expect(conditionNode.config.safeParse(valid).success).toBe(true);
    expect(codes(valid)).toEqual([]);
    expect(conditionNode.config.parse(conditionNode.defaults())).toEqual(conditionNode.defaults());
  });

  it.each([
    ['unknown operator', { branches: [branch('a', [{ left: 'age', op: 'between' as never, right: '1' }])] }],
    ['unknown combinator', { branches: [{ ...branch('a', []), combinator: 'xor' }] }],
    ['empty branch id', { branches: [branch('', [])] }],
    ['branches not an array', { branches: {} }],
  ])('when the config has %s, then the schema rejects it', (_name, value) => {
    expect(conditionNode.config.safeParse(value).success).toBe(false);
  });
});

describe('condition node: checks', () => {
  it('when there are no branches or a branch has no rules, then check reports them', () => {
    expect(codes(config())).toEqual(['branches_required@branches']);
    expect(codes(config(branch('a', [])))).toEqual(['rules_required@branches.0.rules']);
  });

  it('when branch ids repeat, then duplicate_branch_id is reported and the handle appears once', () => {
    const rule: Rule = { left: 'age', op: 'is_set', right: '' };
    const c = config(branch('a', [rule]), branch('a', [rule]));
    expect(codes(c)).toEqual(['duplicate_branch_id@branches.1.id']);
    expect(conditionNode.outputs(c).map((o) => o.id)).toEqual(['branch:a', 'else']);
  });

  it('when an operand is unknown, a tag test is not on tags, a number is missing or a regex is bad, then each is reported', () => {
    const c = config(
      branch('a', [
        { left: 'city', op: 'equals', right: 'SP' },
        { left: 'last_reply', op: 'has_tag', right: 'vip' },
        { left: 'age', op: 'gt', right: 'dezoito' },
        { left: 'last_reply', op: 'regex', right: '(a*)*' },
        { left: 'contact.', op: 'is_set', right: '' },
      ]),
    );
    expect(codes(c)).toEqual([
      'unknown_operand@branches.0.rules.0.left',
      'tag_operand_mismatch@branches.0.rules.1.left',
      'number_required@branches.0.rules.2.right',
      'regex_unsafe@branches.0.rules.3.right',
      'unknown_operand@branches.0.rules.4.left',
    ]);
  });
});

describe('condition node: outputs', () => {
  it('when asked for outputs, then each branch is a required handle followed by an optional else', () => {
    const rule: Rule = { left: 'age', op: 'is_set', right: '' };
    const outputs = conditionNode.outputs(config(branch('x', [rule], 'Has age'), branch('y', [rule])));
    expect(outputs.map((o) => [o.id, o.label.en, o.required])).toEqual([
      ['branch:x', 'Has age', true],
      ['branch:y', 'Branch 2', true],
      ['else', 'Else', false],
    ]);
    expect(conditionNode.waitsForCustomer(config())).toBe(false);
    expect(conditionNode.summary(config(branch('x', [rule], 'Has age'), branch('y', [rule])))).toBe(
      'Has age | Branch 2',
    );
    expect(conditionNode.summary(config(branch('x', [rule], 'Has age'), branch('y', [rule])), 'pt-BR')).toBe('Has age | Caminho 2');
  });
});
