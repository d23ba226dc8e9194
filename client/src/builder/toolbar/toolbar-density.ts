// How far the builder's toolbar folds up to fit its window. Everything shows (density 0) while it
// fits; when the name, publish state and save state would run under the buttons, it folds a step at
// a time: first Problems and Test become icons (named in tooltips) and "Saved" a tick; then the
// language shows its code alone, the dividers go, and so does zoom-to-fit (the canvas has its own);
// then the language switch goes (as on a phone; the flows list has one); last (a tablet upright),
// the buttons take a second row, as on a phone, and the name and publish state keep the first.
import type { SaveState } from '../store/ui-slice';

export type Density = 0 | 1 | 2 | 3 | 4;
export const MAX_DENSITY: Density = 4;

export interface ToolbarLook {
  /** Problems and Test say their names beside their icons. */
  labels: boolean;
  /** A save state that needs no attention says so in words. */
  savedWords: boolean;
  /** The language switch: 'full' with its icon, 'code' alone, or 'none'. */
  language: 'full' | 'code' | 'none';
  dividers: boolean;
  fitView: boolean;
  /** The buttons on a row of their own, below the name. */
  twoRows: boolean;
}

export function toolbarLook(density: Density): ToolbarLook {
  const language = density < 2 ? 'full' : density < 3 ? 'code' : 'none';
  return { labels: density === 0, savedWords: density === 0, language, dividers: density < 2, fitView: density < 2, twoRows: density === 4 };
}

/** Save states that need nothing from the marketer; the others always keep their words. */
export const isQuietSave = (state: SaveState): boolean => state === 'idle' || state === 'saved' || state === 'saving';

/**
 * The density after a measure: back to 0 to measure afresh once the toolbar grew or what it shows
 * changed (language, publish or save state); one step denser while its left side overflows.
 */
export function nextDensity(density: Density, measured: { overflowing: boolean; remeasure: boolean }): Density {
  if (measured.remeasure) return 0;
  return measured.overflowing && density < MAX_DENSITY ? ((density + 1) as Density) : density;
}
