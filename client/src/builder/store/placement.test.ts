import { describe, expect, it } from 'vitest';
import type { EditorNode } from './editor-types';
import { createNode, DEFAULT_NODE_SIZE } from './graph-ops';
import { COLUMN_GAP, spotBeside, spotNear } from './placement';

const card = (id: string, x: number, y: number, height = 110): EditorNode => ({
  ...createNode('message', { x, y }, () => id),
  measured: { width: 240, height },
});

const overlapsAny = (spot: { x: number; y: number }, nodes: EditorNode[]) =>
  nodes.some((n) => spot.x < n.position.x + 240 && spot.x + DEFAULT_NODE_SIZE.width > n.position.x && spot.y < n.position.y + (n.measured?.height ?? 110) && spot.y + DEFAULT_NODE_SIZE.height > n.position.y);

describe('placement', () => {
  it('when the middle of the view is free, then a new card goes right there', () => {
    expect(spotNear([], { x: 320, y: 160 }, { x: 0, y: 0, width: 1000, height: 600 })).toEqual({ x: 320, y: 160 });
  });

  it('when the middle is taken, then the card goes to the nearest free spot that is still in view', () => {
    const nodes = [card('a', 300, 150), card('b', 300, 300), card('c', 600, 150)];
    const area = { x: 0, y: 0, width: 1200, height: 700 };
    const spot = spotNear(nodes, { x: 320, y: 160 }, area);
    expect(overlapsAny(spot, nodes)).toBe(false);
    expect(spot.x).toBeGreaterThanOrEqual(0);
    expect(spot.y + DEFAULT_NODE_SIZE.height).toBeLessThanOrEqual(700);
    // Adding many in a row never walks off the visible area while it has room.
    const placed = [...nodes];
    for (let i = 0; i < 8; i++) placed.push(card(`n${i}`, ...Object.values(spotNear(placed, { x: 320, y: 160 }, area)) as [number, number]));
    for (const n of placed.slice(3)) expect(n.position.y + 110 <= 700 && n.position.x + 240 <= 1200).toBe(true);
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
