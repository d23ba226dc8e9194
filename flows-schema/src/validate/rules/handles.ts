import {
  HandlePairs,
  modelOutputs,
  nodesById,
  type FlowModel,
  type ModelEdge,
  type ModelNode,
} from '../flow-model';
import type { ProblemDraft } from '../problems';

/** Handle ids per node, computed once per node rather than once per edge. */
function handleIdsOf(): (node: ModelNode) => ReadonlySet<string> | null {
  const known = new Map<ModelNode, ReadonlySet<string> | null>();
  return (node) => {
    if (!known.has(node)) {
      const outputs = modelOutputs(node);
      known.set(node, outputs ? new Set(outputs.map((output) => output.id)) : null);
    }
    return known.get(node) ?? null;
  };
}

function endpointProblems(
  edge: ModelEdge,
  source: ModelNode | undefined,
  target: ModelNode | undefined,
  handleIds: (node: ModelNode) => ReadonlySet<string> | null,
  problems: ProblemDraft[],
): void {
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
  const outputs = source ? handleIds(source) : null;
  // Outputs are unknown while the source's config is invalid; that problem is reported on the node.
  if (outputs && !outputs.has(edge.sourceHandle)) {
    const params = { nodeId: edge.source, handle: edge.sourceHandle };
    problems.push({ code: 'edge_unknown_handle', edgeId: edge.id, path: 'sourceHandle', params });
  }
}

/** Edges must join existing nodes through a handle the source has, one edge per handle. */
export function checkHandles(model: FlowModel): ProblemDraft[] {
  const byId = nodesById(model);
  const handleIds = handleIdsOf();
  const used = new HandlePairs();
  const problems: ProblemDraft[] = [];
  for (const edge of model.edges) {
    endpointProblems(edge, byId.get(edge.source), byId.get(edge.target), handleIds, problems);
    if (used.has(edge.source, edge.sourceHandle)) {
      const params = { nodeId: edge.source, handle: edge.sourceHandle };
      problems.push({ code: 'duplicate_handle_edge', edgeId: edge.id, path: 'sourceHandle', params });
    }
    used.add(edge.source, edge.sourceHandle);
  }
  return problems;
}
