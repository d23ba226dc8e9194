import { z } from 'zod';
import { localized, truncate } from '../localized';
import { parseNumber } from '../text/number';
import type { ProblemDraft } from '../validate/problems';
import { firstOfEachId, handle, regexProblems, repeatedIndexes } from './common';
import { defineNode, type CheckContext } from './define-node';

/** Left operands every flow can test besides its declared variables. */
export const CONDITION_OPERANDS = ['last_reply', 'contact.name', 'contact.phone', 'contact.tags'] as const;
const NUMERIC_OPS = new Set(['gt', 'gte', 'lt', 'lte']);

const ruleSchema = z.object({
  left: z.string().meta({ label: localized('Field', 'Campo') }),
  op: z.enum([
    'equals',
    'not_equals',
    'contains',
    'starts_with',
    'regex',
    'gt',
    'gte',
    'lt',
    'lte',
    'is_set',
    'is_not_set',
    'has_tag',
  ]),
  right: z.string().meta({ label: localized('Value', 'Valor') }),
});

const branchSchema = z.object({
  id: z.string().min(1),
  label: z.string().meta({ label: localized('Branch name', 'Nome do caminho') }),
  combinator: z.enum(['all', 'any']),
  rules: z.array(ruleSchema),
});

const conditionConfig = z.object({ branches: z.array(branchSchema) });

export type ConditionConfig = z.output<typeof conditionConfig>;
type Rule = z.output<typeof ruleSchema>;

function ruleProblems(rule: Rule, path: string, ctx: CheckContext): ProblemDraft[] {
  const problems: ProblemDraft[] = [];
  const known =
    (CONDITION_OPERANDS as readonly string[]).includes(rule.left) || ctx.declaredVariables.has(rule.left);
  if (!known) problems.push({ code: 'unknown_operand', path: `${path}.left`, params: { name: rule.left } });
  if (rule.op === 'has_tag' && rule.left !== 'contact.tags') {
    problems.push({ code: 'tag_operand_mismatch', path: `${path}.left` });
  }
  if (rule.op === 'regex') problems.push(...regexProblems(rule.right, `${path}.right`, ctx));
  if (NUMERIC_OPS.has(rule.op) && parseNumber(rule.right) === null) {
    problems.push({ code: 'number_required', path: `${path}.right` });
  }
  return problems;
}

function checkCondition(config: ConditionConfig, ctx: CheckContext): ProblemDraft[] {
  const problems: ProblemDraft[] = [];
  if (config.branches.length === 0) problems.push({ code: 'branches_required', path: 'branches' });
  for (const i of repeatedIndexes(config.branches, (branch) => branch.id)) {
    problems.push({
      code: 'duplicate_branch_id',
      path: `branches.${i}.id`,
      params: { id: config.branches[i]?.id ?? '' },
    });
  }
  config.branches.forEach((branch, b) => {
    if (branch.rules.length === 0) problems.push({ code: 'rules_required', path: `branches.${b}.rules` });
    branch.rules.forEach((rule, r) => problems.push(...ruleProblems(rule, `branches.${b}.rules.${r}`, ctx)));
  });
  return problems;
}

export const conditionNode = defineNode({
  type: 'condition',
  version: 1,
  icon: 'git-branch',
  label: localized('Condition', 'Condição'),
  description: localized(
    'Takes the first branch whose rules match; otherwise follows “else”.',
    'Segue o primeiro caminho cujas regras correspondem; senão segue “senão”.',
  ),
  config: conditionConfig,
  isEntry: false,
  defaults: (): ConditionConfig => ({
    branches: [
      {
        id: 'branch-1',
        label: '',
        combinator: 'all',
        rules: [{ left: 'last_reply', op: 'equals', right: '' }],
      },
    ],
  }),
  outputs: (config) => [
    // Branch ids are unique per check(); a duplicate would only shadow a handle, never invent one.
    ...firstOfEachId(config.branches).map((branch, i) => {
      const label = branch.label || `${i + 1}`;
      return handle(`branch:${branch.id}`, localized(label, label), true);
    }),
    handle('else', localized('Else', 'Senão'), false),
  ],
  summary: (config) =>
    truncate(config.branches.map((branch, i) => branch.label || `${i + 1}`).join(' | '), 60),
  waitsForCustomer: () => false,
  templates: () => [],
  check: checkCondition,
});
