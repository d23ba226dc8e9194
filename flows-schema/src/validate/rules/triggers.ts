import type { FlowModel } from '../flow-model';
import type { ProblemDraft } from '../problems';

export function checkTriggers(model: FlowModel): ProblemDraft[] {
  const entries = model.nodes.filter((node) => node.def.isEntry);
  if (entries.length === 0) return [{ code: 'missing_trigger', path: 'nodes' }];
  // The first trigger is kept; each extra one is flagged so the marketer can delete it.
  return entries.slice(1).map((node) => ({ code: 'multiple_triggers', nodeId: node.id, path: 'type' }));
}
