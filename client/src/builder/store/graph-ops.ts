// Pure graph edits over the editor's node and edge arrays. Store actions are one-liners over these,
// so every rule (one edge per output handle, fresh ids on paste, …) is tested without React.
import { graphlib, layout } from '@dagrejs/dagre';
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

const sizeOf = (n: EditorNode) => ({
  width: n.measured?.width ?? DEFAULT_NODE_SIZE.width,
  height: n.measured?.height ?? DEFAULT_NODE_SIZE.height,
});

const overlaps = (a: XY, n: EditorNode) => {
  const { width, height } = sizeOf(n);
  const gap = GRID;
  return (
    a.x < n.position.x + width + gap &&
    a.x + DEFAULT_NODE_SIZE.width + gap > n.position.x &&
    a.y < n.position.y + height + gap &&
    a.y + DEFAULT_NODE_SIZE.height + gap > n.position.y
  );
};

/** The first spot at or below `wanted` (then in the next column) where a new card hides nothing. */
export function findFreeSpot(nodes: EditorNode[], wanted: XY): XY {
  const stepY = DEFAULT_NODE_SIZE.height / 2;
  const stepX = DEFAULT_NODE_SIZE.width + 2 * GRID;
  for (let col = 0; col < 8; col++) {
    for (let row = 0; row < 12; row++) {
      const spot = { x: wanted.x + col * stepX, y: wanted.y + row * stepY };
      if (!nodes.some((n) => overlaps(spot, n))) return spot;
    }
  }
  return wanted;
}

/** Left-to-right layered layout (dagre), snapped to the grid. */
export function autoLayout(nodes: EditorNode[], edges: EditorEdge[]): EditorNode[] {
  const g = new graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 48, ranksep: 96, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, sizeOf(n));
  for (const e of edges) if (g.hasNode(e.source) && g.hasNode(e.target) && e.source !== e.target) g.setEdge(e.source, e.target);
  layout(g);
  return nodes.map((n) => {
    const p = g.node(n.id);
    const { width, height } = sizeOf(n);
    return { ...n, position: { x: snap(p.x - width / 2), y: snap(p.y - height / 2) } };
  });
}
