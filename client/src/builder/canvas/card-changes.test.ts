import { describe, expect, it } from 'vitest';
import type { EditorNode } from '../store/editor-types';
import { cardChanges, type Seen } from './card-changes';

const card = (id: string, x: number, y: number, size?: { width: number; height: number }): EditorNode => ({
  id,
  type: 'flow',
  position: { x, y },
  data: { type: 'message', config: {} as never },
  ...(size && { measured: size }),
});

describe('cards that changed since the last look', () => {
  it('when a measured card grows where it stands, then it is resized, with the box it had', () => {
    const seen = new Map<string, Seen>();
    const a = card('a', 0, 0, { width: 240, height: 90 });
    cardChanges([a], seen);
    const grown = { ...a, measured: { width: 240, height: 112 } };
    const { moved, resized } = cardChanges([grown], seen);
    expect(moved.size).toBe(0);
    expect(resized.get('a')).toEqual({ x: 0, y: 0, width: 240, height: 90 });
    // Looked at again with nothing new: no change.
    expect(cardChanges([grown], seen).resized.size).toBe(0);
  });

  it('when a card is measured for the first time or is new, then it is no change of size', () => {
    const seen = new Map<string, Seen>();
    const a = card('a', 0, 0);
    cardChanges([a], seen);
    const measured = { ...a, measured: { width: 240, height: 90 } };
    expect(cardChanges([measured, card('b', 300, 0)], seen)).toEqual({ moved: new Map(), resized: new Map() });
  });

  it('when a card moves, then it is moved from where it was, not resized', () => {
    const seen = new Map<string, Seen>();
    const a = card('a', 0, 0, { width: 240, height: 90 });
    cardChanges([a], seen);
    const there = { ...a, position: { x: 40, y: 0 }, measured: { width: 240, height: 120 } };
    const { moved, resized } = cardChanges([there], seen);
    expect([...moved.values()]).toEqual([{ x: 0, y: 0 }]);
    expect(resized.size).toBe(0);
  });
});
