// A connection drawn along the route the last tidy-up computed (orthogonal, around the cards),
// with rounded corners. Only while both ends are still where the layout put them: once a card
// moves, the usual curve takes over.
import type { XY } from '../store/editor-types';

const TOLERANCE = 3;
/**
 * The layout's ports sit on the card's edge; the handles a connection is drawn from are centred on
 * it, 6 px further out. Along the card (x) an end may be off by that much: the route's first and
 * last legs are horizontal, so the drawn path just starts and ends at the handles.
 */
const HANDLE_OUTSET = 6;
const RADIUS = 10;

const near = (a: XY, b: XY) => Math.abs(a.x - b.x) <= HANDLE_OUTSET + TOLERANCE && Math.abs(a.y - b.y) <= TOLERANCE;

/** SVG path for `route` from `source` to `target`, or null when the route no longer fits its ends. */
export function routePath(route: readonly XY[] | undefined, source: XY, target: XY): string | null {
  if (!route || route.length < 2 || !near(route[0]!, source) || !near(route[route.length - 1]!, target)) return null;
  const points = [source, ...route.slice(1, -1), target];
  let d = `M ${source.x} ${source.y}`;
  for (let i = 1; i < points.length - 1; i++) {
    const [prev, at, next] = [points[i - 1]!, points[i]!, points[i + 1]!];
    const r = Math.min(RADIUS, Math.hypot(at.x - prev.x, at.y - prev.y) / 2, Math.hypot(next.x - at.x, next.y - at.y) / 2);
    const toward = (from: XY, to: XY, dist: number) => {
      const len = Math.hypot(to.x - from.x, to.y - from.y) || 1;
      return { x: from.x + ((to.x - from.x) / len) * dist, y: from.y + ((to.y - from.y) / len) * dist };
    };
    const before = toward(at, prev, r);
    const after = toward(at, next, r);
    d += ` L ${before.x} ${before.y} Q ${at.x} ${at.y} ${after.x} ${after.y}`;
  }
  return `${d} L ${target.x} ${target.y}`;
}

/** The point halfway along the route, where the delete button and problem badge sit. */
export function routeMiddle(route: readonly XY[]): XY {
  const segments = route.slice(1).map((p, i) => ({ a: route[i]!, b: p, len: Math.hypot(p.x - route[i]!.x, p.y - route[i]!.y) }));
  let rest = segments.reduce((sum, s) => sum + s.len, 0) / 2;
  for (const s of segments) {
    if (rest <= s.len) return { x: s.a.x + ((s.b.x - s.a.x) * rest) / (s.len || 1), y: s.a.y + ((s.b.y - s.a.y) * rest) / (s.len || 1) };
    rest -= s.len;
  }
  return route[0]!;
}
