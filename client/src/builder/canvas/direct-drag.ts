// A large flow's card drag, drawn by the editor: React Flow computes each move (snapping, several
// selected cards) as usual, but instead of the new positions going through the editor store and back
// to React Flow (300 controlled nodes updated and ~1,600 internal selectors run per move), the moved
// cards, the connections touching them and the selection frame are updated here, in the DOM. The
// store and React Flow get the positions once, on drop, and then render exactly what is shown.
import type { InternalNode, NodePositionChange } from '@xyflow/react';
import type { EditorEdge, XY } from '../store/editor-types';
import { edgeEnds } from './edge-ends';
import { edgeGeometry, labelTransform, type EdgeEnds } from './edge-geometry';
import { flowDom } from './flow-dom';

interface Card {
  el: HTMLElement | null;
  /** Position and drawn (absolute) position when the drag started. */
  from: XY;
  abs: XY;
  delta: XY;
}

interface Connection {
  edge: EditorEdge;
  ends: EdgeEnds;
  route: readonly XY[] | undefined;
  paths: Element[];
  label: HTMLElement | null;
}

export interface DirectDragInput {
  root: HTMLElement;
  ids: ReadonlySet<string>;
  nodeLookup: ReadonlyMap<string, InternalNode>;
  edges: readonly EditorEdge[];
  routes: Readonly<Record<string, XY[]>>;
}

export interface DirectDrag {
  move(changes: readonly NodePositionChange[]): void;
}

const ZERO: XY = { x: 0, y: 0 };

export function startDirectDrag({ root, ids, nodeLookup, edges, routes }: DirectDragInput): DirectDrag {
  const touching = edges.filter((e) => ids.has(e.source) || ids.has(e.target));
  const dom = flowDom(root, ids, new Set(touching.map((e) => e.id)));
  const cards = new Map<string, Card>();
  for (const id of ids) {
    const node = nodeLookup.get(id);
    if (node) cards.set(id, { el: dom.cards.get(id) ?? null, from: node.position, abs: node.internals.positionAbsolute, delta: ZERO });
  }
  const connections: Connection[] = [];
  for (const edge of touching) {
    const [el, source, target] = [dom.edges.get(edge.id), nodeLookup.get(edge.source), nodeLookup.get(edge.target)];
    // Connections React Flow does not draw (off screen, unmeasured) are not drawn here either.
    const ends = el && source && target ? edgeEnds(source, edge.sourceHandle, target, edge.targetHandle) : null;
    if (!el || !ends) continue;
    const paths = [...el.querySelectorAll('.react-flow__edge-path, .react-flow__edge-interaction')];
    connections.push({ edge, ends, route: routes[edge.id], paths, label: dom.labels.get(edge.id) ?? null });
  }
  const frameFrom = dom.frame?.style.transform ?? '';
  const deltaOf = (id: string) => cards.get(id)?.delta ?? ZERO;

  return {
    move(changes) {
      for (const c of changes) {
        const card = cards.get(c.id);
        if (!card || !c.position) continue;
        card.delta = { x: c.position.x - card.from.x, y: c.position.y - card.from.y };
        if (card.el) card.el.style.transform = `translate(${card.abs.x + card.delta.x}px,${card.abs.y + card.delta.y}px)`;
      }
      for (const c of connections) {
        const [s, t] = [deltaOf(c.edge.source), deltaOf(c.edge.target)];
        const ends = { ...c.ends, sourceX: c.ends.sourceX + s.x, sourceY: c.ends.sourceY + s.y, targetX: c.ends.targetX + t.x, targetY: c.ends.targetY + t.y };
        const g = edgeGeometry(c.route, ends);
        for (const p of c.paths) p.setAttribute('d', g.path);
        if (c.label) c.label.style.transform = labelTransform(g.labelX, g.labelY);
      }
      // The frame around a multiple selection moves with its cards (all move by the same amount).
      const first = changes[0];
      if (dom.frame && first) {
        const d = deltaOf(first.id);
        dom.frame.style.transform = `${frameFrom} translate(${d.x}px,${d.y}px)`;
      }
    },
  };
}
