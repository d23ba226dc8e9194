import type { FlowModel } from '../flow-model';
import { prefixPath, type ProblemDraft } from '../problems';

/** Runs each definition's own check() on nodes whose config parsed. */
export function checkNodes(model: FlowModel): ProblemDraft[] {
  const ctx = { declaredVariables: model.declaredVariables };
  return model.nodes.flatMap((node) => {
    if (!node.configValid || !node.def.check) return [];
    return node.def.check(node.config, ctx).map((draft) => ({
      ...draft,
      nodeId: node.id,
      path: prefixPath('config', draft.path),
    }));
  });
}
