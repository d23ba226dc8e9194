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

// Several rules ask for a node's outputs; a condition can have thousands, so build them once.
const outputsByNode = new WeakMap<ModelNode, OutputHandle[] | null>();

/** The node's output handles, or null when its config is invalid and they cannot be known. */
export function modelOutputs(node: ModelNode): OutputHandle[] | null {
  let outputs = outputsByNode.get(node);
  if (outputs === undefined) {
    outputs = node.configValid ? node.def.outputs(node.config) : null;
    outputsByNode.set(node, outputs);
  }
  return outputs;
}

/** Successor ids per node id, over edges whose both ends exist (handle validity aside). */
export function successors(model: FlowModel): Map<string, string[]> {
  const byId = nodesById(model);
  const next = new Map<string, string[]>();
  for (const edge of model.edges) {
    if (!byId.has(edge.source) || !byId.has(edge.target)) continue;
    const targets = next.get(edge.source);
    if (targets) targets.push(edge.target);
    else next.set(edge.source, [edge.target]);
  }
  return next;
}

/** (node id, handle id) pairs as nested sets: no key string is built per edge, and no id can collide. */
export class HandlePairs {
  private readonly byNode = new Map<string, Set<string>>();

  has(nodeId: string, handleId: string): boolean {
    return this.byNode.get(nodeId)?.has(handleId) ?? false;
  }

  add(nodeId: string, handleId: string): void {
    const handles = this.byNode.get(nodeId);
    if (handles) handles.add(handleId);
    else this.byNode.set(nodeId, new Set([handleId]));
  }
}
