import type { FlowEdge } from '../flow-document';
import type { NodeDefinition, NodeType, OutputHandle } from '../nodes';

/** What the graph rules see: every node and edge that was readable, even if partly invalid. */
export interface ModelNode {
  id: string;
  type: NodeType;
  /** Position in the document's nodes array, for stable ordering of problems. */
  index: number;
  def: NodeDefinition<NodeType>;
  /** The parsed config, or undefined when it failed its schema; config-dependent rules skip such nodes. */
  config: unknown;
  configValid: boolean;
}

export interface ModelEdge extends FlowEdge {
  index: number;
}

export interface FlowModel {
  nodes: ModelNode[];
  edges: ModelEdge[];
  /** settings.variables names by position, null where an entry has no string name. */
  variableNames: Array<string | null>;
  declaredVariables: ReadonlySet<string>;
}

/** First node per id: with duplicate ids (reported separately) edges resolve to the first one. */
export function nodesById(model: FlowModel): Map<string, ModelNode> {
  const byId = new Map<string, ModelNode>();
  for (const node of model.nodes) if (!byId.has(node.id)) byId.set(node.id, node);
  return byId;
}

export function uniqueNodes(model: FlowModel): ModelNode[] {
  return [...nodesById(model).values()];
}

/** The node's output handles, or null when its config is invalid and they cannot be known. */
export function modelOutputs(node: ModelNode): OutputHandle[] | null {
  return node.configValid ? node.def.outputs(node.config) : null;
}

/** Successor ids per node id, over edges whose both ends exist (handle validity aside). */
export function successors(model: FlowModel): Map<string, string[]> {
  const byId = nodesById(model);
  const next = new Map<string, string[]>();
  for (const edge of model.edges) {
    if (!byId.has(edge.source) || !byId.has(edge.target)) continue;
    next.set(edge.source, [...(next.get(edge.source) ?? []), edge.target]);
  }
  return next;
}

export function handleKey(nodeId: string, handleId: string): string {
  return JSON.stringify([nodeId, handleId]);
}
