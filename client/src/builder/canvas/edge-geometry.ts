// Where a connection runs and where its delete button and problem badge sit, from its two ends.
// One function for both drawers: the connection component, and a large flow's card drag, which
// redraws the connections of the moving cards itself (see direct-drag).
import { getBezierPath, type Position } from '@xyflow/react';
import type { XY } from '../store/editor-types';
import { routeMiddle, routePath } from './edge-route';

export interface EdgeEnds {
  sourceX: number;
  sourceY: number;
  sourcePosition: Position;
  targetX: number;
  targetY: number;
  targetPosition: Position;
}

export interface EdgeGeometry {
  path: string;
  labelX: number;
  labelY: number;
}

/** The tidy-up route while both ends are where it left them, else React Flow's curve. */
export function edgeGeometry(route: readonly XY[] | undefined, ends: EdgeEnds): EdgeGeometry {
  const routed = routePath(route, { x: ends.sourceX, y: ends.sourceY }, { x: ends.targetX, y: ends.targetY });
  if (routed && route) {
    const middle = routeMiddle(route);
    return { path: routed, labelX: middle.x, labelY: middle.y };
  }
  const [path, labelX, labelY] = getBezierPath(ends);
  return { path, labelX, labelY };
}

/** The CSS transform that centres a connection's label on its middle. */
export const labelTransform = (x: number, y: number) => `translate(-50%, -50%) translate(${x}px, ${y}px)`;
