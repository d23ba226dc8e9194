import { describe, expect, it } from 'vitest';
import { fitsIn } from '../store/placement';
import { afterNarrowing, freeScreenArea, panToClear, toFlowArea } from './viewport-geometry';

// A 1044×904 canvas (1600×960 window, palette and side panel open) with React Flow's overlays.
const canvas = { width: 1044, height: 904 };
const minimap = { x: 829, y: 739, width: 200, height: 150 };
const controls = { x: 15, y: 811, width: 26, height: 78 };
const area = freeScreenArea(canvas, [minimap, controls]);
const card = (x: number, y: number, width = 240, height = 96) => ({ x, y, width, height });
const moved = (box: ReturnType<typeof card>, d: { dx: number; dy: number }) => ({ ...box, x: box.x + d.dx, y: box.y + d.dy });
const hits = (a: ReturnType<typeof card>, b: ReturnType<typeof card>) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('the free part of the canvas', () => {
  it('when overlays float over the canvas, then the free area keeps a margin from its edges and a gap around them; hidden ones do not count', () => {
    const free = freeScreenArea(canvas, [minimap, { x: 0, y: 0, width: 0, height: 0 }]);
    expect(free.view).toEqual({ x: 24, y: 24, width: 996, height: 856 });
    expect(free.blocked).toEqual([{ x: 817, y: 727, width: 224, height: 174 }]);
  });

  it('when the view is panned and zoomed, then the area is the same place in flow coordinates', () => {
    const flow = toFlowArea({ view: card(100, 50, 400, 200), blocked: [card(300, 150, 100, 100)] }, { x: -100, y: 50, zoom: 0.5 });
    expect(flow.view).toEqual({ x: 400, y: 0, width: 800, height: 400 });
    expect(flow.blocked[0]).toEqual({ x: 800, y: 200, width: 200, height: 200 });
  });

  it('when a side panel is about to narrow the canvas, then the minimap moves left with its right edge and the zoom buttons stay', () => {
    expect(afterNarrowing([minimap, controls], 1404, 360)).toEqual([{ ...minimap, x: 469 }, controls]);
    expect(afterNarrowing([minimap], 1404, 0)).toEqual([minimap]);
  });
});

describe('bringing a card into view', () => {
  it('when the card is seen whole already, then the view stays', () => {
    expect(panToClear(card(300, 300), area)).toEqual({ dx: 0, dy: 0 });
  });

  it('when the card is off the right edge at mid height, then the view pans just enough to show it', () => {
    expect(panToClear(card(1000, 300), area)).toEqual({ dx: -(1000 + 240 - 1020), dy: 0 });
  });

  it('when the card is under the minimap, then the view pans the shortest way that clears it', () => {
    const box = card(760, 740);
    const d = panToClear(box, area);
    const after = moved(box, d);
    expect(hits(after, minimap)).toBe(false);
    expect(fitsIn(after, area)).toBe(true);
    // Up by its overlap with the minimap (plus the gap), not across the whole canvas.
    expect(d).toEqual({ dx: 0, dy: 727 - (740 + 96) });
  });

  it('when the card is off the bottom-right corner, then it is brought in and clear of the minimap, not onto it', () => {
    const box = card(1100, 1000);
    const after = moved(box, panToClear(box, area));
    expect(hits(after, minimap)).toBe(false);
    expect(fitsIn(after, area)).toBe(true);
  });

  it('when the card is off the bottom-left corner, then it clears the zoom buttons too', () => {
    const box = card(-300, 950);
    const after = moved(box, panToClear(box, area));
    expect(hits(after, controls)).toBe(false);
    expect(fitsIn(after, area)).toBe(true);
  });

  it('when the card is bigger than the view, then its top-left corner shows', () => {
    expect(panToClear(card(-500, -400, 2000, 1500), area)).toEqual({ dx: 524, dy: 424 });
  });
});
