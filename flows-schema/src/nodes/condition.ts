import { z } from 'zod';
import { contactAttributeOf } from '../contacts/attribute-name';
import { localized, truncate, type Localized } from '../localized';
import { parseNumber } from '../text/number';
import type { ProblemDraft } from '../validate/problems';
import { choiceLabel, firstOfEachId, handle, regexProblems, repeatedIndexes } from './common';
import { defineNode, type CheckContext } from './define-node';
import { field } from './field-meta';

/** Left operands every flow can test besides its declared variables and the contact's attributes ("contact.plano"). */
export const CONDITION_OPERANDS = ['last_reply', 'contact.name', 'contact.phone', 'contact.tags'] as const;
const NUMERIC_OPS = new Set(['gt', 'gte', 'lt', 'lte']);
const branchLabel = (label: string, i: number) => choiceLabel(label, i + 1, 'Branch', 'Caminho');

const OPERAND_LABELS = {
  last_reply: localized('Last reply', 'Última resposta'),
  'contact.name': localized('Contact name', 'Nome do contato'),
  'contact.phone': localized('Contact phone', 'Telefone do contato'),
  'contact.tags': localized('Contact tags', 'Etiquetas do contato'),
} as const satisfies Record<(typeof CONDITION_OPERANDS)[number], Localized>;

const ruleSchema = z.object({
  left: field(z.string(), { label: localized('Field', 'Campo'), optionLabels: OPERAND_LABELS }),
  op: field(
    z.enum(['equals', 'not_equals', 'contains', 'starts_with', 'regex', 'gt', 'gte', 'lt', 'lte', 'is_set', 'is_not_set', 'has_tag']),
    {
      label: localized('Comparison', 'Comparação'),
      optionLabels: {
        equals: localized('equals', 'é igual a'),
        not_equals: localized('is not', 'é diferente de'),
        contains: localized('contains', 'contém'),
        starts_with: localized('starts with', 'começa com'),
        regex: localized('matches regex', 'corresponde à regex'),
        gt: localized('>', '>'),
        gte: localized('≥', '≥'),
        lt: localized('<', '<'),
        lte: localized('≤', '≤'),
        is_set: localized('is filled', 'está preenchido'),
        is_not_set: localized('is empty', 'está vazio'),
        has_tag: localized('has tag', 'tem a etiqueta'),
      },
    },
  ),
  right: field(z.string(), { label: localized('Value', 'Valor'), placeholder: localized('e.g. yes', 'ex.: sim') }),
});

const branchSchema = z.object({
  id: z.string().min(1),
  label: field(z.string(), {
    label: localized('Branch name', 'Nome do caminho'),
    placeholder: localized('e.g. Said yes', 'ex.: Disse sim'),
  }),
  combinator: field(z.enum(['all', 'any']), {
    label: localized('Match', 'Corresponder a'),
    optionLabels: { all: localized('all rules', 'todas as regras'), any: localized('any rule', 'qualquer regra') },
  }),
  rules: z.array(ruleSchema),
});

const conditionConfig = z.object({ branches: z.array(branchSchema) });

export type ConditionConfig = z.output<typeof conditionConfig>;
type Rule = z.output<typeof ruleSchema>;

function ruleProblems(rule: Rule, path: string, ctx: CheckContext): ProblemDraft[] {
  const problems: ProblemDraft[] = [];
  const known = (CONDITION_OPERANDS as readonly string[]).includes(rule.left) ||
    contactAttributeOf(rule.left) !== null || ctx.declaredVariables.has(rule.left);
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
  color: 'grape',
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
    // A branch not named yet reads as its place ("Branch 2"), as a button does, not a bare "2".
    ...firstOfEachId(config.branches).map((branch, i) => handle(`branch:${branch.id}`, branchLabel(branch.label, i), true)),
    handle('else', localized('Else', 'Senão'), false),
  ],
  summary: (config, locale = 'en') =>
    truncate(config.branches.map((branch, i) => branchLabel(branch.label, i)[locale]).join(' | '), 60),
  waitsForCustomer: () => false,
  templates: () => [],
  check: checkCondition,
});
