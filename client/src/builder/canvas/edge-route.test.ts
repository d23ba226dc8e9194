import { describe, expect, it } from 'vitest';
import { routeMiddle, routePath } from './edge-route';

const route = [{ x: 0, y: 0 }, { x: 50, y: 0 }, { x: 50, y: 100 }, { x: 100, y: 100 }];

describe('drawing a laid-out route', () => {
  it('when both ends are where the layout put them, then the path follows the bends with rounded corners', () => {
    const d = routePath(route, { x: 1, y: 0 }, { x: 100, y: 101 })!;
    expect(d.startsWith('M 1 0 L 40 0 Q 50 0 50 10')).toBe(true);
    expect(d.endsWith('L 100 101')).toBe(true);
  });

  it("when the ends are the handles, 6 px outside the card edges where the layout's ports are, then the route is used from handle to handle", () => {
    const d = routePath(route, { x: 6, y: 0 }, { x: 94, y: 100 })!;
    expect(d.startsWith('M 6 0 L 40 0')).toBe(true);
    expect(d.endsWith('L 94 100')).toBe(true);
  });

  it('when a card has moved, then the route is not used', () => {
    expect(routePath(route, { x: 16, y: 0 }, { x: 100, y: 100 })).toBeNull();
    expect(routePath(route, { x: 0, y: 20 }, { x: 100, y: 100 })).toBeNull();
    expect(routePath(undefined, { x: 0, y: 0 }, { x: 1, y: 1 })).toBeNull();
  });

  it('when asked for its middle, then it is halfway along the path', () => {
    expect(routeMiddle(route)).toEqual({ x: 50, y: 50 });
  });
});
