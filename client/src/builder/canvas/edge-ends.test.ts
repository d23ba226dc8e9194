// The reference is React Flow's own getEdgePosition (its system package, which @xyflow/react is built on).
import { Position, type InternalNode } from '@xyflow/react';
import { getEdgePosition } from '@xyflow/system';
import { describe, expect, it } from 'vitest';
import { edgeEnds } from './edge-ends';

/** A measured card at `at` with an input on its left and two outputs on its right. */
function card(id: string, at: { x: number; y: number }): InternalNode {
  return {
    id,
    position: at,
    data: {},
    measured: { width: 240, height: 120 },
    internals: {
      positionAbsolute: at,
      z: 0,
      userNode: { id, position: at, data: {} },
      handleBounds: {
        target: [{ id: null, type: 'target', nodeId: id, position: Position.Left, x: -4, y: 18, width: 8, height: 8 }],
        source: [
          { id: 'btn:a', type: 'source', nodeId: id, position: Position.Right, x: 236, y: 70, width: 8, height: 8 },
          { id: 'btn:b', type: 'source', nodeId: id, position: Position.Right, x: 236, y: 94, width: 8, height: 8 },
        ],
      },
    },
  } as InternalNode;
}

describe('a connection’s ends', () => {
  it('when both cards are measured, then they are where React Flow draws them', () => {
    const [a, b] = [card('a', { x: 32, y: -48 }), card('b', { x: 400, y: 160 })];
    const ours = edgeEnds(a, 'btn:b', b, null);
    const theirs = getEdgePosition({ id: 'e', sourceNode: a, sourceHandle: 'btn:b', targetNode: b, targetHandle: null, connectionMode: 'strict' as never });
    expect(ours).toEqual(theirs);
    expect(ours).toMatchObject({ sourceX: 32 + 244, sourceY: -48 + 98, targetX: 396, targetY: 182 });
  });

  it('when the output no longer exists, then there is nothing to draw', () => {
    expect(edgeEnds(card('a', { x: 0, y: 0 }), 'gone', card('b', { x: 0, y: 0 }), null)).toBeNull();
  });
});
