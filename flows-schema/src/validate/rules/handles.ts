import {
  handleKey,
  modelOutputs,
  nodesById,
  type FlowModel,
  type ModelEdge,
  type ModelNode,
} from '../flow-model';
import type { ProblemDraft } from '../problems';

function endpointProblems(
  edge: ModelEdge,
  source: ModelNode | undefined,
  target: ModelNode | undefined,
): ProblemDraft[] {
  const problems: ProblemDraft[] = [];
  if (!source) {
    problems.push({
      code: 'edge_source_missing',
      edgeId: edge.id,
      path: 'source',
      params: { id: edge.source },
    });
  }
  if (!target) {
    problems.push({
      code: 'edge_target_missing',
      edgeId: edge.id,
      path: 'target',
      params: { id: edge.target },
    });
  }
  const outputs = source ? modelOutputs(source) : null;
  // Outputs are unknown while the source's config is invalid; that problem is reported on the node.
  if (outputs && !outputs.some((output) => output.id === edge.sourceHandle)) {
    const params = { nodeId: edge.source, handle: edge.sourceHandle };
    problems.push({ code: 'edge_unknown_handle', edgeId: edge.id, path: 'sourceHandle', params });
  }
  return problems;
}

/** Edges must join existing nodes through a handle the source has, one edge per handle. */
export function checkHandles(model: FlowModel): ProblemDraft[] {
  const byId = nodesById(model);
  const used = new Set<string>();
  return model.edges.flatMap((edge) => {
    const problems = endpointProblems(edge, byId.get(edge.source), byId.get(edge.target));
    const key = handleKey(edge.source, edge.sourceHandle);
    if (used.has(key)) {
      const params = { nodeId: edge.source, handle: edge.sourceHandle };
      problems.push({ code: 'duplicate_handle_edge', edgeId: edge.id, path: 'sourceHandle', params });
    }
    used.add(key);
    return problems;
  });
}
