// Pure graph edits over the editor's node and edge arrays. Store actions are one-liners over these,
// so every rule (one edge per output handle, fresh ids on paste, …) is tested without React.
import { anyNodeDefinition, type NodeConfig, type NodeType } from '@zyntra/flows-schema';
import { makeEdge } from './document-convert';
import type { Clipboard, EditorEdge, EditorNode, XY } from './editor-types';
import { newId as randomId, type NewId } from './new-id';

export const GRID = 16;
/** Used for nodes React Flow has not measured yet (e.g. in unit tests or before first paint). */
export const DEFAULT_NODE_SIZE = { width: 240, height: 110 };

const snap = (v: number) => Math.round(v / GRID) * GRID;

export function createNode(type: NodeType, position: XY, newId: NewId = randomId): EditorNode {
  const config = anyNodeDefinition(type).defaults() as NodeConfig;
  return { id: newId(type), type: 'flow', position: { x: snap(position.x), y: snap(position.y) }, data: { type, config } };
}

const withSelected = <T extends { selected?: boolean }>(item: T, selected: boolean): T =>
  Boolean(item.selected) === selected ? item : { ...item, selected };

/** Appends the node and makes it the only selection, so its panel opens at once. */
export function addNode(nodes: EditorNode[], node: EditorNode): EditorNode[] {
  return [...nodes.map((n) => withSelected(n, false)), { ...node, selected: true }];
}

export interface Connection {
  source: string;
  sourceHandle: string;
  target: string;
}

/** An output leads to one node only: a new connection from a handle replaces the old one. */
export function connect(edges: EditorEdge[], c: Connection): EditorEdge[] {
  const kept = edges.filter((e) => !(e.source === c.source && e.sourceHandle === c.sourceHandle));
  return [...kept, makeEdge({ id: `${c.source}.${c.sourceHandle}`, ...c })];
}

/** Removes the nodes, the edges touching them, and the given edges. */
export function removeWithEdges(
  nodes: EditorNode[],
  edges: EditorEdge[],
  nodeIds: ReadonlySet<string>,
  edgeIds: ReadonlySet<string> = new Set(),
): { nodes: EditorNode[]; edges: EditorEdge[] } {
  return {
    nodes: nodes.filter((n) => !nodeIds.has(n.id)),
    edges: edges.filter((e) => !edgeIds.has(e.id) && !nodeIds.has(e.source) && !nodeIds.has(e.target)),
  };
}

export function removeSelection(nodes: EditorNode[], edges: EditorEdge[]) {
  const nodeIds = new Set(nodes.filter((n) => n.selected).map((n) => n.id));
  const edgeIds = new Set(edges.filter((e) => e.selected).map((e) => e.id));
  return removeWithEdges(nodes, edges, nodeIds, edgeIds);
}

/** The selected nodes and the edges running between them; null when nothing is selected. */
export function copySelection(nodes: EditorNode[], edges: EditorEdge[]): Clipboard | null {
  const picked = nodes.filter((n) => n.selected);
  if (picked.length === 0) return null;
  const ids = new Set(picked.map((n) => n.id));
  return {
    nodes: picked.map((n) => ({ id: n.id, type: 'flow', position: n.position, data: n.data })),
    edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map((e) => makeEdge(e)),
  };
}

/** Inserts copies with fresh ids, shifted by `offset`; the copies become the selection. */
export function paste(
  nodes: EditorNode[],
  edges: EditorEdge[],
  clip: Clipboard,
  offset: XY,
  newId: NewId = randomId,
): { nodes: EditorNode[]; edges: EditorEdge[] } {
  const ids = new Map(clip.nodes.map((n) => [n.id, newId(n.data.type)]));
  const copies: EditorNode[] = clip.nodes.map((n) => ({
    id: ids.get(n.id)!,
    type: 'flow',
    position: { x: n.position.x + offset.x, y: n.position.y + offset.y },
    // Configs are immutable values in the store, so sharing the object is safe.
    data: n.data,
    selected: true,
  }));
  const copiedEdges = clip.edges.map((e) => {
    const source = ids.get(e.source)!;
    return makeEdge({ id: `${source}.${e.sourceHandle}`, source, sourceHandle: e.sourceHandle, target: ids.get(e.target)! });
  });
  return {
    nodes: [...nodes.map((n) => withSelected(n, false)), ...copies],
    edges: [...edges.map((e) => withSelected(e, false)), ...copiedEdges],
  };
}

export function duplicateSelection(nodes: EditorNode[], edges: EditorEdge[], offset: XY, newId: NewId = randomId) {
  const clip = copySelection(nodes, edges);
  return clip ? paste(nodes, edges, clip, offset, newId) : { nodes, edges };
}

/** Sets a node's config, dropping edges from outputs the new config no longer has (a deleted button). */
export function updateNodeConfig(
  nodes: EditorNode[],
  edges: EditorEdge[],
  id: string,
  config: NodeConfig,
): { nodes: EditorNode[]; edges: EditorEdge[] } {
  const node = nodes.find((n) => n.id === id);
  if (!node) return { nodes, edges };
  const data = { ...node.data, config };
  let handles: Set<string>;
  try {
    handles = new Set(anyNodeDefinition(data.type).outputs(config).map((o) => o.id));
  } catch {
    return { nodes: nodes.map((n) => (n.id === id ? { ...n, data } : n)), edges };
  }
  const kept = edges.filter((e) => e.source !== id || handles.has(e.sourceHandle));
  return { nodes: nodes.map((n) => (n.id === id ? { ...n, data } : n)), edges: kept.length === edges.length ? edges : kept };
}

export function selectOnly(nodes: EditorNode[], ids: ReadonlySet<string>): EditorNode[] {
  return nodes.map((n) => withSelected(n, ids.has(n.id)));
}

/** The card's measured size, or the default before React Flow measured it. */
export const sizeOf = (n: EditorNode) => ({
  width: n.measured?.width ?? DEFAULT_NODE_SIZE.width,
  height: n.measured?.height ?? DEFAULT_NODE_SIZE.height,
});

export function renameNode(nodes: EditorNode[], id: string, name: string): EditorNode[] {
  return nodes.map((n) => {
    if (n.id !== id) return n;
    const { name: _old, ...rest } = n.data;
    return { ...n, data: name.trim() === '' ? rest : { ...rest, name } };
  });
}

/** Adds the node (selected) and, when `from` is given, the connection from that output to it. */
export function addConnectedNode(
  nodes: EditorNode[],
  edges: EditorEdge[],
  node: EditorNode,
  from?: { source: string; sourceHandle: string },
): { nodes: EditorNode[]; edges: EditorEdge[] } {
  const added = addNode(nodes, node);
  const plain = edges.map((e) => withSelected(e, false));
  return { nodes: added, edges: from ? connect(plain, { ...from, target: node.id }) : plain };
}

/** The first output of a node that leads nowhere yet, if any. */
export function freeOutput(node: EditorNode, edges: EditorEdge[]): string | null {
  let outputs: string[];
  try {
    outputs = anyNodeDefinition(node.data.type).outputs(node.data.config).map((o) => o.id);
  } catch {
    return null;
  }
  const used = new Set(edges.filter((e) => e.source === node.id).map((e) => e.sourceHandle));
  return outputs.find((id) => !used.has(id)) ?? null;
}

/**
 * Moves nodes to computed positions (a layout); unknown ids stay put. Not snapped to the grid: the
 * layout's connection routes are drawn for exactly these positions.
 */
export function applyPositions(nodes: EditorNode[], positions: ReadonlyMap<string, XY>): EditorNode[] {
  return nodes.map((n) => {
    const p = positions.get(n.id);
    return p ? { ...n, position: { x: p.x, y: p.y } } : n;
  });
}
