// What React Flow gets: the editor's nodes without their config. Typing in a step's panel changes
// only that step's config, so the array React Flow sees keeps its identity and React Flow does no
// work at all; the edited card alone re-renders, reading its config from the editor store by id.
// Position, selection, size, type and name changes still reach React Flow as usual; the name is
// what a screen reader calls the card (see aria-names).
import type { Node } from '@xyflow/react';
import type { NodeType } from '@zyntra/flows-schema';
import type { EditorNode, FlowNodeData } from '../store/editor-types';
import type { AriaNames } from './aria-names';

export type CanvasNode = Node<{ type: NodeType }, 'flow'>;

const sameForCanvas = (a: EditorNode, b: EditorNode) =>
  a.position === b.position &&
  a.selected === b.selected &&
  a.dragging === b.dragging &&
  a.measured === b.measured &&
  a.data.type === b.data.type &&
  a.data.name === b.data.name;

/** A selector with memory: the same nodes for the canvas give the same array, object for object. */
export function createCanvasNodesSelector(names: Pick<AriaNames, 'step' | 'stepRole'>): (s: { nodes: EditorNode[] }) => CanvasNode[] {
  const toCanvas = (n: EditorNode): CanvasNode => ({ ...n, data: { type: n.data.type }, ariaLabel: names.step(n.data), domAttributes: names.stepRole });
  let cache = new Map<string, { src: EditorNode; out: CanvasNode }>();
  let last: CanvasNode[] = [];
  let lastSource: EditorNode[] | null = null;
  return (s) => {
    if (s.nodes === lastSource) return last;
    lastSource = s.nodes;
    const next = new Map<string, { src: EditorNode; out: CanvasNode }>();
    let unchanged = s.nodes.length === last.length;
    const out = s.nodes.map((n, i) => {
      const cached = cache.get(n.id);
      const node = cached && (cached.src === n || sameForCanvas(cached.src, n)) ? cached.out : toCanvas(n);
      next.set(n.id, { src: n, out: node });
      if (node !== last[i]) unchanged = false;
      return node;
    });
    cache = next;
    if (!unchanged) last = out;
    return last;
  };
}

const indexes = new WeakMap<EditorNode[], Map<string, FlowNodeData>>();

/** A node's data by id, from an index built once per nodes array and shared by every card. */
export function nodeDataOf(nodes: EditorNode[], id: string): FlowNodeData | undefined {
  let index = indexes.get(nodes);
  if (!index) {
    index = new Map(nodes.map((n) => [n.id, n.data]));
    indexes.set(nodes, index);
  }
  return index.get(id);
}
