import { describe, expect, it } from 'vitest';
import { arrangePanels, PALETTE_WIDTH, PANEL_WIDTH, paletteWidth, panelColumns, RAIL_WIDTH } from './panel-columns';

describe('the right-hand panels for the editor width', () => {
  it('when the editor is 1024 px, then one panel column fits; 1280 and 1440, two; 1920, three', () => {
    expect(panelColumns(1024)).toBe(1);
    expect(panelColumns(1280)).toBe(2);
    expect(panelColumns(1440)).toBe(2);
    expect(panelColumns(1920)).toBe(3);
    expect(panelColumns(800)).toBe(1);
  });

  it('when the window is a tablet, then the palette is a rail, so one panel leaves the canvas 400 px at 820', () => {
    expect(paletteWidth(820)).toBe(RAIL_WIDTH);
    expect(paletteWidth(992)).toBe(RAIL_WIDTH);
    expect(paletteWidth(1024)).toBe(PALETTE_WIDTH);
    expect(820 - paletteWidth(820) - PANEL_WIDTH).toBeGreaterThanOrEqual(400);
  });

  it('when a step and the problems are open at 1024 px, then they share one column, problems above', () => {
    expect(arrangePanels(['node', 'problems'], panelColumns(1024))).toEqual({
      columns: 1,
      rows: 2,
      places: { problems: { column: 1, row: 1, span: 1 }, node: { column: 1, row: 2, span: 1 } },
    });
  });

  it('when the panels fit side by side, then they stay as they are', () => {
    expect(arrangePanels(['problems', 'node'], panelColumns(1280))).toBeNull();
    expect(arrangePanels(['problems', 'node'], panelColumns(1440))).toBeNull();
    expect(arrangePanels(['node'], panelColumns(1024))).toBeNull();
    expect(arrangePanels([], panelColumns(1024))).toBeNull();
    expect(arrangePanels(['problems', 'node', 'test'], panelColumns(1920))).toBeNull();
  });

  it('when three are open with room for two columns, then problems and the step share one and the test chat keeps its own', () => {
    expect(arrangePanels(['test', 'node', 'problems'], panelColumns(1440))).toEqual({
      columns: 2,
      rows: 2,
      places: { problems: { column: 1, row: 1, span: 1 }, node: { column: 1, row: 2, span: 1 }, test: { column: 2, row: 1, span: 2 } },
    });
  });

  it('when three are open at 1024 px, then all three share the one column', () => {
    expect(arrangePanels(['problems', 'node', 'test'], panelColumns(1024))?.places.test).toEqual({ column: 1, row: 3, span: 1 });
  });

  it('when the editor is not measured yet, then nothing moves', () => {
    expect(arrangePanels(['problems', 'node', 'test'], panelColumns(0))).toBeNull();
  });
});
