// How big the minimap is drawn for the width the canvas has left beside the palette and the open
// panels. With room, React Flow's 200 × 150; on a canvas narrower than 720 px (a step's panel and the
// problems beside it on a laptop) a smaller one; below 400 px, none: it would cover a good part of
// what is left of the flow, and fit-view and the zoom buttons do its work.
import type { CSSProperties } from 'react';

export type MinimapSize = 'full' | 'small' | 'none';

export const FULL_FROM = 720;
export const SMALL_FROM = 400;

/** The size for a canvas `width` px wide (0 before React Flow measured it). */
export function minimapSize(width: number): MinimapSize {
  if (width >= FULL_FROM) return 'full';
  return width >= SMALL_FROM ? 'small' : 'none';
}

/** The minimap's style for each size it is drawn at (React Flow reads its width and height from it). */
export const MINIMAP_STYLE: Record<Exclude<MinimapSize, 'none'>, CSSProperties> = {
  full: { width: 200, height: 150 },
  small: { width: 120, height: 90 },
};
