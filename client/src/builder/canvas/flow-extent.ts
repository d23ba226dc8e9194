// The size of the box around every card of a flow (canvas units), as drawn: measured sizes where
// React Flow has them.
import type { EditorNode } from '../store/editor-types';
import { sizeOf } from '../store/graph-ops';

export function flowExtent(nodes: readonly EditorNode[]): { width: number; height: number } {
  if (nodes.length === 0) return { width: 0, height: 0 };
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const n of nodes) {
    const { width, height } = sizeOf(n);
    minX = Math.min(minX, n.position.x);
    minY = Math.min(minY, n.position.y);
    maxX = Math.max(maxX, n.position.x + width);
    maxY = Math.max(maxY, n.position.y + height);
  }
  return { width: maxX - minX, height: maxY - minY };
}
