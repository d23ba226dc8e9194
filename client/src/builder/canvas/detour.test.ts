import { describe, expect, it } from 'vitest';
import type { XY } from '../store/editor-types';
import type { Rect } from '../store/placement';
import { curveCrossesCards, detour, routeCrosses, segmentHits, STUB } from './detour';

const card = (x: number, y: number, width = 240, height = 96): Rect => ({ x, y, width, height });
/** The output's point on a card's right (handles stick out 6 px), the input's on its left. */
const out = (r: Rect, y = 60): XY => ({ x: r.x + r.width + 6, y: r.y + y });
const input = (r: Rect): XY => ({ x: r.x - 6, y: r.y + 28 });

const orthogonal = (route: XY[]) => route.slice(1).every((p, i) => p.x === route[i]!.x || p.y === route[i]!.y);
const hitsAny = (route: XY[], rects: Rect[]) => route.slice(1).some((p, i) => rects.some((r) => segmentHits(route[i]!, p, r)));

describe('a way around the cards', () => {
  it('when a segment passes through a card, then it hits; along its side or beside it, it does not', () => {
    const r = card(0, 0, 100, 50);
    expect(segmentHits({ x: -10, y: 25 }, { x: 110, y: 25 }, r)).toBe(true);
    expect(segmentHits({ x: -10, y: 0 }, { x: 110, y: 0 }, r)).toBe(false);
    expect(segmentHits({ x: 101, y: -10 }, { x: 101, y: 60 }, r)).toBe(false);
    expect(segmentHits({ x: -50, y: -50 }, { x: 50, y: 25 }, r)).toBe(true);
  });

  it('when a card has grown onto a route, then the route crosses it; beside it, it does not', () => {
    const route = [{ x: 246, y: 60 }, { x: 270, y: 60 }, { x: 270, y: 120 }, { x: 650, y: 120 }, { x: 650, y: 28 }, { x: 674, y: 28 }];
    expect(routeCrosses(route, [card(340, 0, 240, 100)])).toBe(false);
    expect(routeCrosses(route, [card(340, 0, 240, 130)])).toBe(true);
  });

  it('when nothing is between the two cards, then the connection stays a curve', () => {
    const source = card(0, 0);
    const target = card(400, 200);
    expect(detour({ from: out(source), to: input(target), source, target, others: [card(0, 400), card(800, 0)] })).toBeNull();
  });

  it('when a card sits between them on the same row, then the route goes around it without touching any card', () => {
    const [source, between, target] = [card(0, 0), card(340, 0), card(680, 0)];
    const from = out(source);
    const to = input(target);
    expect(curveCrossesCards(from, to, [between])).toBe(true);
    const route = detour({ from, to, source, target, others: [between] })!;
    expect(route).not.toBeNull();
    expect(route[0]).toEqual(from);
    expect(route.at(-1)).toEqual(to);
    expect(orthogonal(route)).toBe(true);
    expect(hitsAny(route, [source, between, target])).toBe(false);
    // It leaves the output and reaches the input straight, in the direction of the handles.
    expect(route[1]!.y).toBe(from.y);
    expect(route[1]!.x).toBeGreaterThan(from.x);
    expect(route.at(-2)!.y).toBe(to.y);
    expect(route.at(-2)!.x).toBeLessThanOrEqual(to.x - STUB);
  });

  it('when there is a gap in a column of cards, then the route crosses through the gap rather than around the column', () => {
    const source = card(0, 0);
    const target = card(700, 400);
    const column = [card(340, -200), card(340, -60), card(340, 220), card(340, 360)]; // a gap from y 36 to 220
    const route = detour({ from: out(source), to: input(target), source, target, others: column })!;
    expect(route).not.toBeNull();
    expect(hitsAny(route, [source, target, ...column])).toBe(false);
    expect(route).toHaveLength(4); // right, down through the gap, right
  });

  it('when the connection goes back to a card on the left, then the route goes around both ends and the cards between', () => {
    const target = card(0, 0);
    const between = card(300, 0);
    const source = card(600, 0);
    const route = detour({ from: out(source), to: input(target), source, target, others: [between] })!;
    expect(route).not.toBeNull();
    expect(orthogonal(route)).toBe(true);
    expect(hitsAny(route, [source, between, target])).toBe(false);
  });

  it('when the connection goes back to the card just before it, then the route goes around both rather than across them', () => {
    // The demo's "Promoções" going back to "Menu principal": nothing between them, but React Flow's
    // curve leaves the output rightwards, turns back and runs across both cards to the input.
    const target = card(0, 80, 240, 110);
    const source = card(350, 0, 240, 60);
    const [from, to] = [out(source, 52), input(target)];
    expect(curveCrossesCards(from, to, [])).toBe(false);
    const route = detour({ from, to, source, target, others: [] })!;
    expect(route).not.toBeNull();
    expect(orthogonal(route)).toBe(true);
    expect(hitsAny(route, [source, target])).toBe(false);
  });

  it('when the flow is large, then finding a route takes a few milliseconds, looking only at the cards near it', () => {
    // 300 cards on a 20-column grid; a connection from the first column to the fourth through the grid.
    const cards = Array.from({ length: 300 }, (_, i) => card((i % 20) * 320, Math.floor(i / 20) * 220));
    const [source, target] = [cards[20 * 7]!, cards[20 * 3 + 3]!];
    const others = cards.filter((c) => c !== source && c !== target);
    const started = performance.now();
    const route = detour({ from: out(source), to: input(target), source, target, others });
    expect(performance.now() - started).toBeLessThan(50);
    expect(route).not.toBeNull();
    expect(hitsAny(route!, cards)).toBe(false);
  });
});
