// Where a new card goes: beside the output it continues from, or near the middle of the view,
// never on top of another card and (when the visible area is known) never off screen or under
// the minimap. Pure, so the rules are tested without a browser.
import type { EditorNode, XY } from './editor-types';
import { DEFAULT_NODE_SIZE, GRID, sizeOf } from './graph-ops';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Horizontal gap between a card and the one its output leads to. */
export const COLUMN_GAP = 96;
const STEP = GRID * 4;

const snap = (v: number) => Math.round(v / GRID) * GRID;

function overlaps(spot: XY, n: EditorNode): boolean {
  const { width, height } = sizeOf(n);
  return (
    spot.x < n.position.x + width + GRID &&
    spot.x + DEFAULT_NODE_SIZE.width + GRID > n.position.x &&
    spot.y < n.position.y + height + GRID &&
    spot.y + DEFAULT_NODE_SIZE.height + GRID > n.position.y
  );
}

const free = (nodes: readonly EditorNode[], spot: XY) => !nodes.some((n) => overlaps(spot, n));

const inside = (spot: XY, area: Rect) =>
  spot.x >= area.x &&
  spot.y >= area.y &&
  spot.x + DEFAULT_NODE_SIZE.width <= area.x + area.width &&
  spot.y + DEFAULT_NODE_SIZE.height <= area.y + area.height;

/** Grid points around `wanted`, nearest first. */
function around(wanted: XY, rings: number): XY[] {
  const spots: Array<XY & { d: number }> = [];
  for (let dx = -rings; dx <= rings; dx++) {
    for (let dy = -rings; dy <= rings; dy++) {
      spots.push({ x: snap(wanted.x + dx * STEP), y: snap(wanted.y + dy * STEP), d: Math.hypot(dx * 1.5, dy) });
    }
  }
  return spots.sort((a, b) => a.d - b.d).map(({ x, y }) => ({ x, y }));
}

/** The free spot nearest to `wanted`, preferring ones fully inside `area` (the visible canvas). */
export function spotNear(nodes: readonly EditorNode[], wanted: XY, area?: Rect): XY {
  const candidates = around(wanted, 12);
  const visible = area ? candidates.find((s) => inside(s, area) && free(nodes, s)) : undefined;
  return visible ?? candidates.find((s) => free(nodes, s)) ?? { x: snap(wanted.x), y: snap(wanted.y) };
}

/**
 * To the right of `source`, level with the output at `handleY` (relative to the card's top); if
 * that spot is taken, further down the same column, then in the next column.
 */
export function spotBeside(nodes: readonly EditorNode[], source: EditorNode, handleY: number): XY {
  const start = { x: snap(source.position.x + sizeOf(source).width + COLUMN_GAP), y: snap(source.position.y + handleY - 24) };
  for (let col = 0; col < 6; col++) {
    for (let row = 0; row < 40; row++) {
      const spot = { x: start.x + col * (DEFAULT_NODE_SIZE.width + COLUMN_GAP), y: start.y + row * GRID * 2 };
      if (free(nodes, spot)) return spot;
    }
  }
  return start;
}
