import type { CheckContext } from '../../nodes';
import { FLOW_LIMITS } from '../flow-limits';
import type { FlowModel } from '../flow-model';
import { prefixPath, type ProblemDraft } from '../problems';

/** Runs each definition's own check() on nodes whose config parsed. */
export function checkNodes(model: FlowModel): ProblemDraft[] {
  const max = FLOW_LIMITS.maxRegexes;
  const ctx: CheckContext = {
    declaredVariables: model.declaredVariables,
    regexBudget: { remaining: max, max },
  };
  return model.nodes.flatMap((node) => {
    if (!node.configValid || !node.def.check) return [];
    return node.def.check(node.config, ctx).map((draft) => ({
      ...draft,
      nodeId: node.id,
      path: prefixPath('config', draft.path),
    }));
  });
}
