import { describe, expect, it } from 'vitest';
import type { EditorNode } from './editor-types';
import { createNode, DEFAULT_NODE_SIZE } from './graph-ops';
import { COLUMN_GAP, fitsIn, intersects, NEW_CARD_SIZE, spotBeside, spotNear, type FreeArea } from './placement';

const card = (id: string, x: number, y: number, height = 110): EditorNode => ({
  ...createNode('message', { x, y }, () => id),
  measured: { width: 240, height },
});

const boxOf = (n: EditorNode) => ({ x: n.position.x, y: n.position.y, width: 240, height: n.measured?.height ?? 110 });
const overlapsAny = (spot: { x: number; y: number }, nodes: EditorNode[], size = DEFAULT_NODE_SIZE) =>
  nodes.some((n) => intersects({ ...spot, ...size }, boxOf(n)));
const open = (width: number, height: number): FreeArea => ({ view: { x: 0, y: 0, width, height }, blocked: [] });
/** A 1000×700 view with a minimap-sized overlay in its bottom-right corner. */
const withMinimap: FreeArea = { view: { x: 0, y: 0, width: 1000, height: 700 }, blocked: [{ x: 760, y: 510, width: 240, height: 190 }] };

describe('placement', () => {
  it('when the middle of the view is free, then a new card goes right there', () => {
    expect(spotNear([], { x: 320, y: 160 }, open(1000, 600))).toEqual({ x: 320, y: 160 });
  });

  it('when the middle is taken, then the card goes to the nearest free spot that is still in view', () => {
    const nodes = [card('a', 300, 150), card('b', 300, 300), card('c', 600, 150)];
    const area = open(1200, 700);
    const spot = spotNear(nodes, { x: 320, y: 160 }, area);
    expect(overlapsAny(spot, nodes)).toBe(false);
    expect(spot.x).toBeGreaterThanOrEqual(0);
    expect(spot.y + DEFAULT_NODE_SIZE.height).toBeLessThanOrEqual(700);
    // Adding many in a row never walks off the visible area while it has room.
    const placed = [...nodes];
    for (let i = 0; i < 8; i++) placed.push(card(`n${i}`, ...Object.values(spotNear(placed, { x: 320, y: 160 }, area)) as [number, number]));
    for (const n of placed.slice(3)) expect(n.position.y + 110 <= 700 && n.position.x + 240 <= 1200).toBe(true);
  });

  it('when the spot wanted is under the minimap, then the card goes to the nearest spot clear of it and in view', () => {
    const wanted = { x: 720, y: 480 };
    const spot = spotNear([], wanted, withMinimap, NEW_CARD_SIZE);
    expect(fitsIn({ ...spot, ...NEW_CARD_SIZE }, withMinimap)).toBe(true);
    expect(Math.hypot(spot.x - wanted.x, spot.y - wanted.y)).toBeLessThan(300);
  });

  it('when the view fills up, then every new card still lands clear of the minimap and the other cards, until there is no room', () => {
    const placed: EditorNode[] = [];
    for (let i = 0; i < 40; i++) {
      const spot = spotNear(placed, { x: 380, y: 275 }, withMinimap, NEW_CARD_SIZE);
      expect(overlapsAny(spot, placed, NEW_CARD_SIZE)).toBe(false);
      if (!fitsIn({ ...spot, ...NEW_CARD_SIZE }, withMinimap)) {
        // No room left in view: the nearest free spot outside it (the canvas then pans to it).
        expect(i).toBeGreaterThan(6);
        return;
      }
      placed.push(card(`n${i}`, spot.x, spot.y, NEW_CARD_SIZE.height));
    }
    throw new Error('a 1000×700 view never filled up');
  });

  it('when the view is zoomed far out, then the whole view is searched in a bounded number of spots', () => {
    // 400 cards packed into the middle of a 100,000 px wide view.
    const nodes = Array.from({ length: 400 }, (_, i) => card(`c${i}`, 40_000 + (i % 20) * 260, 40_000 + Math.floor(i / 20) * 130));
    const started = performance.now();
    const spot = spotNear(nodes, { x: 41_000, y: 41_000 }, open(100_000, 100_000));
    expect(performance.now() - started).toBeLessThan(500);
    expect(overlapsAny(spot, nodes)).toBe(false);
    expect(fitsIn({ ...spot, ...DEFAULT_NODE_SIZE }, open(100_000, 100_000))).toBe(true);
  });

  it('when a card continues from an output, then it sits to the right at that output, below any card already there', () => {
    const source = card('s', 0, 0, 160);
    const first = spotBeside([source], source, 100);
    expect(first).toEqual({ x: 240 + COLUMN_GAP, y: 80 });
    const taken = card('t', first.x, first.y);
    const second = spotBeside([source, taken], source, 100);
    expect(second.x).toBe(first.x);
    expect(second.y).toBeGreaterThanOrEqual(first.y + 110);
  });
});
