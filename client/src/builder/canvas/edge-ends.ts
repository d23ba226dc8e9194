// A connection's two ends as React Flow draws them (its getEdgePosition, for this editor's handles):
// from the handle bounds React Flow measured on each card, relative to the card's position.
import { Position, type InternalNode } from '@xyflow/react';
import type { EdgeEnds } from './edge-geometry';

type Side = 'source' | 'target';

function handlePoint(node: InternalNode, side: Side, handleId: string | null | undefined) {
  const bounds = node.internals.handleBounds?.[side] ?? [];
  const h = handleId ? bounds.find((b) => b.id === handleId) : bounds[0];
  if (!h) return null;
  const x = node.internals.positionAbsolute.x + h.x;
  const y = node.internals.positionAbsolute.y + h.y;
  switch (h.position) {
    case Position.Left:
      return { x, y: y + h.height / 2, position: h.position };
    case Position.Right:
      return { x: x + h.width, y: y + h.height / 2, position: h.position };
    case Position.Top:
      return { x: x + h.width / 2, y, position: h.position };
    default:
      return { x: x + h.width / 2, y: y + h.height, position: Position.Bottom };
  }
}

/** Null while a card is not measured yet or the handle is gone (React Flow draws nothing then either). */
export function edgeEnds(source: InternalNode, sourceHandle: string | null | undefined, target: InternalNode, targetHandle: string | null | undefined): EdgeEnds | null {
  const s = handlePoint(source, 'source', sourceHandle);
  const t = handlePoint(target, 'target', targetHandle);
  if (!s || !t) return null;
  return { sourceX: s.x, sourceY: s.y, sourcePosition: s.position, targetX: t.x, targetY: t.y, targetPosition: t.position };
}
