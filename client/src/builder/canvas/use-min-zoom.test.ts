import { describe, expect, it } from 'vitest';
import { minZoomFor } from './use-min-zoom';

// The fit view's padding (0.2) must still fit inside the bound: zoom × size × 1.2 ≤ the pane.
const fits = (zoom: number, flow: number, pane: number) => zoom * flow * 1.2 <= pane + 1e-9;

describe('minZoomFor', () => {
  it('when the flow fits at the usual bound, then the bound stays at 0.1', () => {
    expect(minZoomFor(2_000, 1_500, 900, 700)).toBe(0.1);
  });

  it('when a 365-step flow stands in one column (73,000 px), then the bound lets fit view show all of it', () => {
    const zoom = minZoomFor(240, 365 * 200, 900, 750);
    expect(zoom).toBeLessThan(0.01);
    expect(fits(zoom, 365 * 200, 750)).toBe(true);
  });

  it('when a 365-step chain is laid out left to right (117,000 px), then it still fits the width', () => {
    const zoom = minZoomFor(365 * 320, 300, 900, 750);
    expect(fits(zoom, 365 * 320, 900)).toBe(true);
  });

  it('when the pane has no size yet, then the usual bound is kept', () => {
    expect(minZoomFor(240, 73_000, 0, 0)).toBe(0.1);
  });
});
