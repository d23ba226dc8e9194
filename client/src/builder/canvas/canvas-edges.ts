// What React Flow gets for the connections: the editor's, each with what a screen reader calls it
// ("Connection from Welcome to Menu", see aria-names). A label is made again only when its connection
// or one of its two steps changed, and a connection whose label reads the same keeps its object:
// typing in a step's panel leaves React Flow's connections as they were.
import type { EditorEdge, EditorNode, FlowNodeData } from '../store/editor-types';
import type { AriaNames } from './aria-names';
import { nodeDataOf } from './canvas-nodes';

interface Made {
  src: EditorEdge;
  source: FlowNodeData | undefined;
  target: FlowNodeData | undefined;
  out: EditorEdge;
}

/** A selector with memory: the same connections and names give the same array, object for object. */
export function createCanvasEdgesSelector(names: Pick<AriaNames, 'connection' | 'connectionRole'>): (s: { nodes: EditorNode[]; edges: EditorEdge[] }) => EditorEdge[] {
  let made = new Map<string, Made>();
  let last: EditorEdge[] = [];
  let lastIn: { nodes: EditorNode[] | null; edges: EditorEdge[] | null } = { nodes: null, edges: null };
  return (s) => {
    if (s.nodes === lastIn.nodes && s.edges === lastIn.edges) return last;
    lastIn = { nodes: s.nodes, edges: s.edges };
    const next = new Map<string, Made>();
    let unchanged = s.edges.length === last.length;
    const out = s.edges.map((e, i) => {
      const [source, target] = [nodeDataOf(s.nodes, e.source), nodeDataOf(s.nodes, e.target)];
      const was = made.get(e.id);
      let edge = was?.out;
      if (!was || was.src !== e || was.source !== source || was.target !== target) {
        const ariaLabel = names.connection(e, source, target);
        edge = was?.src === e && was.out.ariaLabel === ariaLabel ? was.out : { ...e, ariaLabel, domAttributes: names.connectionRole };
      }
      next.set(e.id, { src: e, source, target, out: edge! });
      if (edge !== last[i]) unchanged = false;
      return edge!;
    });
    made = next;
    if (!unchanged) last = out;
    return last;
  };
}
