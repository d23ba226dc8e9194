// Screen ↔ flow geometry of the canvas that placement and "keep in view" share. The minimap sits
// in the bottom-right corner and the zoom buttons bottom-left: new cards never land under them.
import type { Rect } from '../store/placement';

export const MINIMAP_RESERVE = { width: 230, height: 170 };
const MARGIN = 24;

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** The part of the flow visible on a `width`×`height` canvas, in flow coordinates, less the minimap band. */
export function visibleFlowArea(vp: Viewport, width: number, height: number): Rect {
  const usableHeight = Math.max(height - MINIMAP_RESERVE.height, height / 2);
  return {
    x: (MARGIN - vp.x) / vp.zoom,
    y: (MARGIN - vp.y) / vp.zoom,
    width: Math.max(width - 2 * MARGIN, 1) / vp.zoom,
    height: Math.max(usableHeight - MARGIN, 1) / vp.zoom,
  };
}

/** How far to pan (screen px) so `box` (screen coordinates relative to the canvas) is fully visible. */
export function panToReveal(box: Rect, width: number, height: number): { dx: number; dy: number } {
  const axis = (start: number, size: number, limit: number) => {
    if (size + 2 * MARGIN > limit || start < MARGIN) return MARGIN - start; // too big: show its start
    const end = start + size;
    return end > limit - MARGIN ? limit - MARGIN - end : 0;
  };
  return { dx: axis(box.x, box.width, width), dy: axis(box.y, box.height, height) };
}
