import type { CheckContext } from '../../nodes';
import { fieldMeta } from '../../nodes/field-meta';
import { FLOW_LIMITS } from '../flow-limits';
import type { FlowModel } from '../flow-model';
import { prefixPath, type ProblemDraft } from '../problems';

/**
 * Runs each definition's own check() on nodes whose config parsed. A generic message that quotes
 * its `{path}` (required_field, invalid_format…) quotes the field's label from the definition,
 * so a check never has to spell a field's name and the person never reads "config.actions.0.tags".
 */
export function checkNodes(model: FlowModel): ProblemDraft[] {
  const max = FLOW_LIMITS.maxRegexes;
  const ctx: CheckContext = {
    declaredVariables: model.declaredVariables,
    regexBudget: { remaining: max, max },
  };
  return model.nodes.flatMap((node) => {
    if (!node.configValid || !node.def.check) return [];
    return node.def.check(node.config, ctx).map((draft) => {
      const label = draft.params?.path === undefined ? fieldMeta(node.def.config, draft.path)?.label : undefined;
      return {
        ...draft,
        ...(label ? { params: { ...draft.params, path: label } } : {}),
        nodeId: node.id,
        path: prefixPath('config', draft.path),
      };
    });
  });
}
