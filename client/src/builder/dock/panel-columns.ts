// Where the editor's right-hand panels go for the width the editor has. Side by side (each its own
// 360 px column) while the canvas keeps at least MIN_CANVAS px beside them; with less room, the first
// open panels share one column, one above the other (problems above the step it leads to), so a
// step's panel and the problems on a 1024 px laptop leave the canvas ~470 px instead of ~110.
export type PanelId = 'problems' | 'node' | 'test';

/** The order the panels sit in, left to right or top to bottom. */
export const PANEL_ORDER: readonly PanelId[] = ['problems', 'node', 'test'];

// Widths as drawn by palette.module.css and side-panel.module.css.
export const PALETTE_WIDTH = 196;
/** On a tablet (up to Mantine's md, 992 px) the palette is a rail of icons, its names in tooltips. */
export const RAIL_WIDTH = 56;
export const RAIL_UP_TO = 992;
export const paletteWidth = (editorWidth: number): number => (editorWidth <= RAIL_UP_TO ? RAIL_WIDTH : PALETTE_WIDTH);
export const PANEL_WIDTH = 360;
/** Keeps two panels side by side from 1280 px (as they always were there), not at 1024. */
export const MIN_CANVAS = 360;

export interface Place {
  column: number;
  row: number;
  /** Rows the panel spans: a panel alone in its column takes its whole height. */
  span: number;
}

export interface Arrangement {
  columns: number;
  rows: number;
  places: Partial<Record<PanelId, Place>>;
}

/**
 * How many panel columns fit beside the palette and a canvas of MIN_CANVAS in an editor `editorWidth`
 * px wide: at least one; no limit before the editor is measured (0), so nothing moves meanwhile.
 */
export function panelColumns(editorWidth: number): number {
  if (editorWidth <= 0) return Infinity;
  return Math.max(1, Math.floor((editorWidth - paletteWidth(editorWidth) - MIN_CANVAS) / PANEL_WIDTH));
}

/** The grid for the `open` panels in `columns`; null while they fit side by side, as they always sat. */
export function arrangePanels(open: readonly PanelId[], columns: number): Arrangement | null {
  const shown = PANEL_ORDER.filter((id) => open.includes(id));
  if (shown.length <= columns) return null;
  const rows = shown.length - columns + 1;
  const places: Arrangement['places'] = {};
  shown.forEach((id, i) => {
    places[id] = i < rows ? { column: 1, row: i + 1, span: 1 } : { column: i - rows + 2, row: 1, span: rows };
  });
  return { columns, rows, places };
}
