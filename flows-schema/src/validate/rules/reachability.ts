import { successors, uniqueNodes, type FlowModel } from '../flow-model';
import type { ProblemDraft } from '../problems';

/** Node ids reachable from the entry nodes by following edges. */
export function reachableIds(model: FlowModel): Set<string> {
  const next = successors(model);
  const queue = model.nodes.filter((node) => node.def.isEntry).map((node) => node.id);
  const seen = new Set(queue);
  // An index, not shift(): shifting a long array copies it, which made this quadratic.
  for (let head = 0; head < queue.length; head += 1) {
    for (const target of next.get(queue[head] as string) ?? []) {
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return seen;
}

// A warning, not an error: a half-built branch lying on the canvas does not break the flow.
export function checkReachability(model: FlowModel): ProblemDraft[] {
  if (!model.nodes.some((node) => node.def.isEntry)) return []; // missing_trigger already says it all
  const reachable = reachableIds(model);
  return uniqueNodes(model)
    .filter((node) => !reachable.has(node.id))
    .map((node) => ({ code: 'node_unreachable', nodeId: node.id, path: '' }));
}
