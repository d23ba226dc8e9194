// Follows the first branch whose rules hold, in the marketer's order; otherwise "else".
import type { ConditionConfig } from '@zyntra/flows-schema';
import type { StepContext } from '../context';
import type { SessionState } from '../session';
import { evaluateRule, type RuleResult } from './condition-rules';
import type { NodeHandler } from './types';

type Branch = ConditionConfig['branches'][number];

function evaluateBranch(branch: Branch, session: SessionState, ctx: StepContext): { ok: boolean; errors: string[] } {
  // Every rule is evaluated (no short-circuit) so a broken regex is reported even when
  // another rule already decided the branch.
  const results: RuleResult[] = branch.rules.map((rule) => evaluateRule(rule, session, ctx));
  const ok = branch.combinator === 'all' ? results.every((r) => r.ok) : results.some((r) => r.ok);
  return { ok, errors: results.flatMap((r) => (r.error === undefined ? [] : [r.error])) };
}

export const condition: NodeHandler<'condition'> = {
  enter(node, session, ctx) {
    const errors: string[] = [];
    let next = 'else';
    for (const branch of node.config.branches) {
      const result = evaluateBranch(branch, session, ctx);
      errors.push(...result.errors);
      if (result.ok) {
        next = `branch:${branch.id}`;
        break;
      }
    }
    return { next, actions: [], outcome: next, ...(errors.length > 0 ? { error: errors.join('; ') } : {}) };
  },
};
