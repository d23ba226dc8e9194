// Screen ↔ flow geometry of the canvas that placement and "keep in view" share. Things float over
// the canvas (the minimap bottom-right, the zoom buttons bottom-left, the analytics legend): a card
// placed or brought into view lands clear of them and of the canvas's edges, so it is seen whole.
import { fitsIn, intersects, type FreeArea, type Rect, type Size } from '../store/placement';

/** Room kept between a card and the canvas's edges (screen px). */
const MARGIN = 24;
/** Room kept between a card and an overlay (screen px). */
const GAP = 12;

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** The free part of a `size` canvas with `overlays` on it (screen coordinates relative to the canvas). */
export function freeScreenArea(size: Size, overlays: readonly Rect[]): FreeArea {
  return {
    view: { x: MARGIN, y: MARGIN, width: Math.max(size.width - 2 * MARGIN, 1), height: Math.max(size.height - 2 * MARGIN, 1) },
    blocked: overlays
      .filter((o) => o.width > 0 && o.height > 0)
      .map((o) => ({ x: o.x - GAP, y: o.y - GAP, width: o.width + 2 * GAP, height: o.height + 2 * GAP })),
  };
}

/** The same area in flow coordinates, under the view `vp`. */
export function toFlowArea(area: FreeArea, vp: Viewport): FreeArea {
  const flow = (r: Rect): Rect => ({ x: (r.x - vp.x) / vp.zoom, y: (r.y - vp.y) / vp.zoom, width: r.width / vp.zoom, height: r.height / vp.zoom });
  return { view: flow(area.view), blocked: area.blocked.map(flow) };
}

/**
 * The overlays where they will be once a side panel narrows a `width` canvas by `by` px: those on
 * its right half (the minimap) are anchored to its right edge and move left with it.
 */
export function afterNarrowing(overlays: readonly Rect[], width: number, by: number): Rect[] {
  if (by === 0) return [...overlays];
  return overlays.map((o) => (o.x + o.width / 2 > width / 2 ? { ...o, x: o.x - by } : o));
}

const shifted = (box: Rect, d: { dx: number; dy: number }): Rect => ({ ...box, x: box.x + d.dx, y: box.y + d.dy });

/** How far to pan (screen px) so `box` lies inside the view; too big for it, its top-left corner shows. */
function panInside(box: Rect, view: Rect): { dx: number; dy: number } {
  const axis = (start: number, size: number, from: number, room: number) => {
    if (size > room || start < from) return from - start;
    const over = start + size - (from + room);
    return over > 0 ? -over : 0;
  };
  return { dx: axis(box.x, box.width, view.x, view.width), dy: axis(box.y, box.height, view.y, view.height) };
}

/**
 * How far to pan (screen px) so `box` (screen coordinates relative to the canvas) is seen whole in
 * `area`: the smallest move into the view that also clears the overlays. When nothing clears them
 * (a view too small for the card), the move into the view alone.
 */
export function panToClear(box: Rect, area: FreeArea): { dx: number; dy: number } {
  const inside = panInside(box, area.view);
  if (fitsIn(shifted(box, inside), area)) return inside;
  // Step off each overlay the box touches, to whichever side, twice over (off the minimap and
  // then, say, off the zoom buttons); the shortest move that ends clear wins.
  let tries = [inside];
  let best: { dx: number; dy: number } | null = null;
  for (let round = 0; round < 2 && !best; round++) {
    const next: Array<{ dx: number; dy: number }> = [];
    for (const d of tries) {
      const at = shifted(box, d);
      for (const o of area.blocked) {
        if (!intersects(at, o)) continue;
        next.push(
          { dx: d.dx + o.x - (at.x + at.width), dy: d.dy },
          { dx: d.dx + o.x + o.width - at.x, dy: d.dy },
          { dx: d.dx, dy: d.dy + o.y - (at.y + at.height) },
          { dx: d.dx, dy: d.dy + o.y + o.height - at.y },
        );
      }
    }
    for (const d of next) {
      if (fitsIn(shifted(box, d), area) && (!best || Math.hypot(d.dx, d.dy) < Math.hypot(best.dx, best.dy))) best = d;
    }
    tries = next;
  }
  return best ?? inside;
}
