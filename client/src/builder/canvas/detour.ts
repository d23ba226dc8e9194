// A way around the cards for one connection drawn by hand. React Flow's curve runs straight under any
// card between its two ends; when it would, the connection gets a simple orthogonal route instead
// (drawn like tidy-up's, with rounded corners, while both of its ends stay where they are): across a
// gap between the cards, or above or below the ones in the way. Outputs are on the right of a card,
// inputs on the left. Pure, and only for the cards near the connection: run once per connection
// drawn or card dropped, never per frame.
import type { XY } from '../store/editor-types';
import { intersects, type Rect } from '../store/placement';

export interface DetourInput {
  /** The output's point (on the source card's right) and the input's (on the target's left). */
  from: XY;
  to: XY;
  source: Rect;
  target: Rect;
  /** Every other card. */
  others: readonly Rect[];
}

/** How far a route leaves an output, and arrives at an input, straight. */
export const STUB = 24;
/** Room kept between a route and a card it goes around. */
const CLEARANCE = 12;
/** Points along the curve tested against the cards. */
const CURVE_SAMPLES = 24;
/** Routes tried, shortest first, before the connection is left a curve. */
const MAX_TRIES = 64;

/** React Flow's bezier from a right-hand output to a left-hand input (its getBezierPath, curvature 0.25). */
function curvePoints(from: XY, to: XY): XY[] {
  const dx = to.x - from.x;
  const offset = dx >= 0 ? 0.5 * dx : 0.25 * 25 * Math.sqrt(-dx);
  const c1 = { x: from.x + offset, y: from.y };
  const c2 = { x: to.x - offset, y: to.y };
  const points: XY[] = [];
  for (let i = 0; i <= CURVE_SAMPLES; i++) {
    const t = i / CURVE_SAMPLES;
    const u = 1 - t;
    const [a, b, c, d] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
    points.push({ x: a * from.x + b * c1.x + c * c2.x + d * to.x, y: a * from.y + b * c1.y + c * c2.y + d * to.y });
  }
  return points;
}

/** Whether the segment a→b passes through the inside of `r`. Runs for every card and try, so it starts with the cheap test. */
export function segmentHits(a: XY, b: XY, r: Rect): boolean {
  const right = r.x + r.width;
  const bottom = r.y + r.height;
  // Apart, or only touching (along a side, at a corner): no.
  if (Math.max(a.x, b.x) <= r.x || Math.min(a.x, b.x) >= right || Math.max(a.y, b.y) <= r.y || Math.min(a.y, b.y) >= bottom) return false;
  // A route's segments are horizontal or vertical: overlapping boxes are then a hit.
  if (a.x === b.x || a.y === b.y) return true;
  // A slanted piece of a curve: clip it to the box (Liang–Barsky).
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  let t0 = 0;
  let t1 = 1;
  const clip = (p: number, q: number) => {
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
  };
  clip(-dx, a.x - r.x);
  clip(dx, right - a.x);
  clip(-dy, a.y - r.y);
  clip(dy, bottom - a.y);
  return t0 < t1;
}

const pathHits = (points: readonly XY[], rects: readonly Rect[]) => points.some((p, i) => i > 0 && rects.some((r) => segmentHits(points[i - 1]!, p, r)));

/** Whether a route (its corner points) runs through any of the cards. */
export const routeCrosses = (points: readonly XY[], cards: readonly Rect[]): boolean => {
  const box = bounds(points);
  return pathHits(points, cards.filter((r) => intersects(r, box)));
};

/** Whether React Flow's curve for this connection passes under a card other than its two ends. */
export function curveCrossesCards(from: XY, to: XY, others: readonly Rect[]): boolean {
  const points = curvePoints(from, to);
  const box = bounds(points);
  return pathHits(points, others.filter((r) => intersects(r, box)));
}

/** The smallest rectangle holding every point. */
export function bounds(points: readonly XY[]): Rect {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [x, y] = [Math.min(...xs), Math.min(...ys)];
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

const grow = (r: Rect, by: number): Rect => ({ x: r.x - by, y: r.y - by, width: r.width + 2 * by, height: r.height + 2 * by });
const length = (points: readonly XY[]) => points.reduce((sum, p, i) => (i === 0 ? 0 : sum + Math.abs(p.x - points[i - 1]!.x) + Math.abs(p.y - points[i - 1]!.y)), 0);

/**
 * The route for a connection whose curve would run under another card: its points from `from` to
 * `to`. Null when the curve is clear (it stays a curve) or no simple way around was found.
 */
export function detour({ from, to, source, target, others }: DetourInput): XY[] | null {
  // Its own two cards count too: a connection back to a card on the left leaves its output
  // rightwards, turns, and its curve runs back across them.
  if (!curveCrossesCards(from, to, [...others, source, target])) return null;
  const x1 = from.x + STUB;
  const x2 = to.x - STUB;
  // Only cards in the band the route can use matter: between its two stubs, left to right.
  const [left, right] = [Math.min(x1, x2) - CLEARANCE, Math.max(x1, x2) + CLEARANCE];
  const near = others.filter((r) => r.x < right && r.x + r.width > left).map((r) => grow(r, CLEARANCE));
  // A route's own cards keep their room above and below; at the sides their handles are the way in and out.
  const ends = [source, target].map((r) => ({ ...r, y: r.y - CLEARANCE, height: r.height + 2 * CLEARANCE }));
  const blocking = [...near, ...ends];
  const clear = (points: XY[]) => !pathHits(points, blocking);

  const tries: XY[][] = [];
  // Across a gap: right, down or up in a free column, right again.
  if (x2 >= x1) {
    const columns = unique([(from.x + to.x) / 2, ...near.flatMap((r) => [r.x - 1, r.x + r.width + 1])]).filter((x) => x >= x1 && x <= x2);
    for (const x of columns) tries.push([from, { x, y: from.y }, { x, y: to.y }, to]);
  }
  // Around: out of the output, above or below the cards in the way, into the input.
  for (const y of unique(blocking.flatMap((r) => [r.y - 1, r.y + r.height + 1]))) {
    tries.push([from, { x: x1, y: from.y }, { x: x1, y }, { x: x2, y }, { x: x2, y: to.y }, to]);
  }
  // Shortest first; past the first few dozen, a route would wander far off anyway.
  const ranked = tries.map((points) => ({ points, length: length(points) })).sort((a, b) => a.length - b.length);
  return ranked.slice(0, MAX_TRIES).find((t) => clear(t.points))?.points ?? null;
}

/** Cards in a flow line up: many share an edge, and one try per distinct line is enough. */
const unique = (values: number[]) => [...new Set(values.map(Math.round))];
