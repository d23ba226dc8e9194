// Where a new card goes: beside the output it continues from, or near the middle of the view,
// never on top of another card and (when the free part of the view is known) fully in it: inside
// the view and clear of what floats over the canvas (the minimap, the zoom buttons). Pure, so the
// rules are tested without a browser.
import type { EditorNode, XY } from './editor-types';
import { DEFAULT_NODE_SIZE, GRID, sizeOf } from './graph-ops';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

/**
 * The part of the view where a card is seen whole: inside `view` and touching none of `blocked`
 * (the overlays). Both in the same coordinates, flow or screen.
 */
export interface FreeArea {
  view: Rect;
  blocked: readonly Rect[];
}

/**
 * Room a new card is given before React Flow has measured it: every step's card is 240 px wide,
 * and the tallest new one (AI reply, three outputs) is about 145 px.
 */
export const NEW_CARD_SIZE: Size = { width: DEFAULT_NODE_SIZE.width, height: 150 };
/** Horizontal gap between a card and the one its output leads to. */
export const COLUMN_GAP = 96;
const STEP = GRID * 4;
/** At most this many spots per axis are tried across the view (far zoomed out, the view is huge). */
const MAX_SPOTS_PER_AXIS = 80;

const snap = (v: number) => Math.round(v / GRID) * GRID;

export const intersects = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Whether `box` is seen whole: inside the view and under no overlay. */
export function fitsIn(box: Rect, area: FreeArea): boolean {
  const { view } = area;
  const inside = box.x >= view.x && box.y >= view.y && box.x + box.width <= view.x + view.width && box.y + box.height <= view.y + view.height;
  return inside && !area.blocked.some((b) => intersects(box, b));
}

/** The card's box with a grid's width of room around it. */
function roomOf(n: EditorNode): Rect {
  const { width, height } = sizeOf(n);
  return { x: n.position.x - GRID, y: n.position.y - GRID, width: width + 2 * GRID, height: height + 2 * GRID };
}

const boxAt = (spot: XY, size: Size): Rect => ({ x: spot.x, y: spot.y, width: size.width, height: size.height });

const free = (rooms: readonly Rect[], spot: XY, size: Size) => {
  const box = boxAt(spot, size);
  return !rooms.some((r) => intersects(box, r));
};

/** Horizontal distance counts more: a new card rather goes above or below the middle than beside it. */
const distance = (a: XY, b: XY) => Math.hypot((a.x - b.x) * 1.5, a.y - b.y);

/** Grid points around `wanted`, nearest first. */
function around(wanted: XY, rings: number, step: number): XY[] {
  const spots: Array<XY & { d: number }> = [];
  for (let dx = -rings; dx <= rings; dx++) {
    for (let dy = -rings; dy <= rings; dy++) {
      const spot = { x: snap(wanted.x + dx * step), y: snap(wanted.y + dy * step) };
      spots.push({ ...spot, d: distance(spot, wanted) });
    }
  }
  return spots.sort((a, b) => a.d - b.d).map(({ x, y }) => ({ x, y }));
}

/** Grid points across the whole view, in line with `wanted`, nearest to it first. */
function acrossView(wanted: XY, view: Rect): XY[] {
  const step = Math.max(STEP, Math.ceil(Math.max(view.width, view.height) / MAX_SPOTS_PER_AXIS / GRID) * GRID);
  const range = (from: number, size: number, at: number) => [Math.floor((from - at) / step), Math.ceil((from + size - at) / step)] as const;
  const [x0, x1] = range(view.x, view.width, wanted.x);
  const [y0, y1] = range(view.y, view.height, wanted.y);
  const spots: Array<XY & { d: number }> = [];
  for (let i = x0; i <= x1; i++) {
    for (let j = y0; j <= y1; j++) {
      const spot = { x: snap(wanted.x + i * step), y: snap(wanted.y + j * step) };
      spots.push({ ...spot, d: distance(spot, wanted) });
    }
  }
  return spots.sort((a, b) => a.d - b.d).map(({ x, y }) => ({ x, y }));
}

/**
 * The free spot nearest to `wanted` where a card of `size` is seen whole in `area` (the free part
 * of the view); when the view has no room left, the nearest free spot outside it (the caller
 * brings it into view).
 */
export function spotNear(nodes: readonly EditorNode[], wanted: XY, area?: FreeArea, size: Size = DEFAULT_NODE_SIZE): XY {
  if (area) {
    const rooms = nodes.map(roomOf).filter((r) => intersects(r, area.view));
    const seen = acrossView(wanted, area.view).find((s) => fitsIn(boxAt(s, size), area) && free(rooms, s, size));
    if (seen) return seen;
  }
  const rooms = nodes.map(roomOf);
  return around(wanted, 12, STEP).find((s) => free(rooms, s, size)) ?? { x: snap(wanted.x), y: snap(wanted.y) };
}

/**
 * To the right of `source`, level with the output at `handleY` (relative to the card's top); if
 * that spot is taken, further down the same column, then in the next column.
 */
export function spotBeside(nodes: readonly EditorNode[], source: EditorNode, handleY: number, size: Size = DEFAULT_NODE_SIZE): XY {
  const rooms = nodes.map(roomOf);
  const start = { x: snap(source.position.x + sizeOf(source).width + COLUMN_GAP), y: snap(source.position.y + handleY - 24) };
  for (let col = 0; col < 6; col++) {
    for (let row = 0; row < 40; row++) {
      const spot = { x: start.x + col * (size.width + COLUMN_GAP), y: start.y + row * GRID * 2 };
      if (free(rooms, spot, size)) return spot;
    }
  }
  return start;
}
