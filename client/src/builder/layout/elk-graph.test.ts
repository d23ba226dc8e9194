import { describe, expect, it } from 'vitest';
import { runLayout } from './run-layout';
import type { LayoutEdge, LayoutNode } from './elk-graph';

const card = (id: string, outputs: string[], input = true): LayoutNode => ({
  id,
  width: 240,
  height: 80 + 22 * outputs.length,
  outputs: outputs.map((o, i) => ({ id: o, y: 80 + 22 * i })),
  inputY: input ? 22 : null,
});
const link = (source: string, sourceHandle: string, target: string): LayoutEdge => ({ id: `${source}.${sourceHandle}`, source, sourceHandle, target });

// The first layout loads the 1.6 MB engine: slow on a busy machine, so these tests get more time.
describe('tidy up (ELK)', { timeout: 30_000 }, () => {
  it('when a branching flow is laid out, then it reads left to right, outputs keep their order and no cards overlap', async () => {
    // Listed in a scrambled order, with the menu's outputs pointing at cards listed bottom-up.
    const nodes = [card('c', ['next']), card('start', ['next'], false), card('menu', ['btn:a', 'btn:b', 'no_match']), card('b', []), card('a', ['next']), card('end', [])];
    const edges = [link('start', 'next', 'menu'), link('menu', 'btn:a', 'a'), link('menu', 'btn:b', 'b'), link('menu', 'no_match', 'c'), link('a', 'next', 'end'), link('c', 'next', 'end')];
    const { positions: at, routes } = await runLayout(nodes, edges);
    const p = (id: string) => at.get(id)!;
    expect(p('start').x).toBeLessThan(p('menu').x);
    expect(p('menu').x).toBeLessThan(p('a').x);
    expect(p('a').x).toBeLessThan(p('end').x);
    // The targets of btn:a, btn:b and no_match stack in that order, so their edges do not cross.
    expect(p('a').y).toBeLessThan(p('b').y);
    expect(p('b').y).toBeLessThan(p('c').y);
    const boxes = nodes.map((n) => ({ ...p(n.id), w: n.width, h: n.height }));
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
        expect(apart).toBe(true);
      }
    }
    // Every connection has a route, from its output port to its target's input, and no segment of
    // it crosses a card other than its two ends (the long menu → c edge goes around a and b).
    expect([...routes.keys()].sort()).toEqual(edges.map((e) => e.id).sort());
    for (const e of edges) {
      const route = routes.get(e.id)!;
      const out = nodes.find((n) => n.id === e.source)!.outputs.find((o) => o.id === e.sourceHandle)!;
      expect(Math.abs(route[0]!.x - (p(e.source).x + 240))).toBeLessThanOrEqual(3);
      expect(Math.abs(route[0]!.y - (p(e.source).y + out.y))).toBeLessThanOrEqual(3);
      for (const b of boxes) {
        if (b === boxes[nodes.findIndex((n) => n.id === e.source)] || b === boxes[nodes.findIndex((n) => n.id === e.target)]) continue;
        for (const [from, to] of route.slice(1).map((q, i) => [route[i]!, q] as const)) {
          const inside = (x: number, y: number) => x > b.x + 1 && x < b.x + b.w - 1 && y > b.y + 1 && y < b.y + b.h - 1;
          const mid = { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 };
          expect(inside(mid.x, mid.y) || inside(from.x, from.y), `${e.id} crosses a card`).toBe(false);
        }
      }
    }
  });

  it('when cards grew to different heights (long text, many buttons), then the layout keeps each one clear of the others', async () => {
    // A menu whose first answer is a tall card (a long message), stacked in one column with short ones.
    const tall = (id: string, height: number): LayoutNode => ({ ...card(id, ['next']), height, outputs: [{ id: 'next', y: height - 20 }] });
    const nodes = [card('start', ['next'], false), card('menu', ['btn:a', 'btn:b', 'btn:c', 'no_match']), tall('a', 640), tall('b', 90), tall('c', 420), card('d', []), tall('end', 300)];
    const edges = [link('start', 'next', 'menu'), link('menu', 'btn:a', 'a'), link('menu', 'btn:b', 'b'), link('menu', 'btn:c', 'c'), link('menu', 'no_match', 'd'), link('a', 'next', 'end'), link('b', 'next', 'end'), link('c', 'next', 'end')];
    const { positions: at } = await runLayout(nodes, edges);
    const boxes = nodes.map((n) => ({ id: n.id, ...at.get(n.id)!, w: n.width, h: n.height }));
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
        expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
      }
    }
    // The cards of one column stand apart by at least the layout's spacing, measured from the tall card's real bottom.
    const column = boxes.filter((b) => ['a', 'b', 'c', 'd'].includes(b.id)).sort((p, q) => p.y - q.y);
    for (const [i, b] of column.slice(1).entries()) expect(b.y - (column[i]!.y + column[i]!.h)).toBeGreaterThanOrEqual(20);
  });

  it('when the flow has a loop and a card without input, then layout still places everything', async () => {
    const nodes = [card('start', ['next'], false), card('ask', ['next']), card('wait', ['next', 'invalid'])];
    const edges = [link('start', 'next', 'ask'), link('ask', 'next', 'wait'), link('wait', 'invalid', 'ask'), link('wait', 'next', 'missing')];
    const { positions: at } = await runLayout(nodes, edges);
    expect([...at.keys()].sort()).toEqual(['ask', 'start', 'wait']);
    expect(at.get('start')!.x).toBeLessThan(at.get('ask')!.x);
  });
});
