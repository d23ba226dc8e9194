import type { FlowModel } from '../flow-model';
import type { ProblemDraft } from '../problems';

function repeats<T extends { id: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => seen.has(item.id) || !seen.add(item.id));
}

/** Every occurrence after the first is reported, so the marketer knows which copy to fix. */
export function checkDuplicateIds(model: FlowModel): ProblemDraft[] {
  return [
    ...repeats(model.nodes).map((node): ProblemDraft => ({
      code: 'duplicate_node_id',
      nodeId: node.id,
      path: 'id',
      params: { id: node.id },
    })),
    ...repeats(model.edges).map((edge): ProblemDraft => ({
      code: 'duplicate_edge_id',
      edgeId: edge.id,
      path: 'id',
      params: { id: edge.id },
    })),
  ];
}
