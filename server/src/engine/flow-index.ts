// Lookups over one published flow version, built once per version so walking the graph is O(1)
// per node instead of scanning the node and edge arrays at every hop.
import { getNodeDefinition, isNodeType } from '@zyntra/flows-schema';
import type { FlowDocument, FlowEdge, FlowNode } from '@zyntra/flows-schema';

export type FlowVersionRef = { flowId: string; versionId: string; document: FlowDocument };

export type FlowIndex = {
  node(id: string): FlowNode | undefined;
  /** The first edge leaving `source` through `handle`; validation rejects duplicates anyway. */
  edge(source: string, handle: string): FlowEdge | undefined;
  trigger(): FlowNode | undefined;
};

// A key no node id or handle can contain, so "a" + "b:c" never collides with "a:b" + "c".
const SEPARATOR = '\u0000';

function buildIndex(document: FlowDocument): FlowIndex {
  const nodes = new Map<string, FlowNode>();
  for (const node of document.nodes) if (!nodes.has(node.id)) nodes.set(node.id, node);
  const edges = new Map<string, FlowEdge>();
  for (const edge of document.edges) {
    const key = edge.source + SEPARATOR + edge.sourceHandle;
    if (!edges.has(key)) edges.set(key, edge);
  }
  // Stored documents are validated, but a type unknown to this build must not crash the lookup.
  const trigger = document.nodes.find((node) => isNodeType(node.type) && getNodeDefinition(node.type).isEntry);
  return {
    node: (id) => nodes.get(id),
    edge: (source, handle) => edges.get(source + SEPARATOR + handle),
    trigger: () => trigger,
  };
}

const indexes = new WeakMap<FlowDocument, FlowIndex>();

/**
 * The index of a document, built once per document object: published versions are immutable and
 * cached, so every message of a workspace meets the same objects (trigger matching indexes every
 * published flow of the workspace at each message).
 */
export function indexFlow(document: FlowDocument): FlowIndex {
  let index = indexes.get(document);
  if (!index) indexes.set(document, (index = buildIndex(document)));
  return index;
}
