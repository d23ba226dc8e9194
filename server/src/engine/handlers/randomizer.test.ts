import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { node, session, testContext } from '../testing/fixtures';
import { randomizer, unitFromId } from './randomizer';

const split = (...weights: number[]) =>
  node('randomizer', 'ab', { paths: weights.map((weight, i) => ({ id: `p${i}`, label: '', weight })) });
const draw = (n: ReturnType<typeof split>, id: string) => randomizer.enter(n, session(), testContext({ newId: () => id }));

describe('randomizer handler', () => {
  it('when entered, then it follows one path, names it as the outcome and does nothing else', () => {
    const step = draw(split(1, 1), 'id-1');
    expect(step).toEqual({ next: step.outcome, actions: [], outcome: step.outcome });
    expect(['path:p0', 'path:p1']).toContain(step.next);
  });

  it('when entered twice with the same draw, then it takes the same path (the draw comes only from the context)', () => {
    for (const id of ['id-1', 'id-2', randomUUID()]) expect(draw(split(1, 2, 3), id).next).toBe(draw(split(1, 2, 3), id).next);
  });

  it('when many customers enter, then each path gets its weight’s share of them', () => {
    const n = 20_000;
    const counts = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const next = draw(split(3, 1), randomUUID()).next!;
      counts.set(next, (counts.get(next) ?? 0) + 1);
    }
    // 3:1 → 75 % / 25 %; the bound is ~8 standard deviations of a fair draw.
    expect(Math.abs((counts.get('path:p0') ?? 0) / n - 0.75)).toBeLessThan(0.025);
    expect(Math.abs((counts.get('path:p1') ?? 0) / n - 0.25)).toBeLessThan(0.025);
  });

  it('when the ids are the engine’s test ids, then the draw still spreads over [0, 1)', () => {
    const points = Array.from({ length: 1_000 }, (_, i) => unitFromId(`id-${i}`));
    expect(Math.min(...points)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...points)).toBeLessThan(1);
    expect(points.filter((p) => p < 0.5).length).toBeGreaterThan(400);
    expect(points.filter((p) => p < 0.5).length).toBeLessThan(600);
  });

  it('when it has no paths (a stored flow validation would refuse), then it ends the flow there', () => {
    expect(randomizer.enter(node('randomizer', 'ab', { paths: [] }), session(), testContext())).toEqual({ next: 'none', actions: [], outcome: 'no_paths' });
  });
});
