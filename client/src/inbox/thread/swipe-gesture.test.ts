import { describe, expect, it } from 'vitest';
import { armed, cancel, end, idle, move, offsetOf, start, SWIPE, type Swipe } from './swipe-gesture';

const down = (x = 100, y = 300, pointerType = 'touch', pointerId = 1) => start(idle, { pointerId, pointerType, isPrimary: true, x, y, t: 1000 });
/** The pointer's path from (100, 300) at 1,000 ms, as offsets, 16 ms apart; the state after each move. */
const path = (s: Swipe, ...steps: Array<[number, number]>) => steps.reduce((acc, [dx, dy], i) => move(acc, { pointerId: 1, x: 100 + dx, y: 300 + dy, t: 1016 + i * 16 }), s);

describe('swipe to reply', () => {
  it('when a finger or a pen goes down, then the swipe waits to see which way it goes; a mouse never swipes', () => {
    expect(down()).toEqual({ phase: 'pending', pointerId: 1, x0: 100, y0: 300, t0: 1000 });
    expect(down(100, 300, 'pen').phase).toBe('pending');
    expect(down(100, 300, 'mouse')).toBe(idle);
  });

  it('when the finger moves less than 10 px, then nothing is decided and the bubble stays', () => {
    const s = path(down(), [6, 2], [9, -9]);
    expect(s.phase).toBe('pending');
    expect(offsetOf(s)).toBe(0);
  });

  it('when it then goes right, then the bubble follows the finger, never left of its place nor past 64 px', () => {
    let s = path(down(), [12, 3]);
    expect(s.phase).toBe('swiping');
    expect(offsetOf(s)).toBe(12);
    s = path(s, [40, 30]);
    expect(offsetOf(s)).toBe(40);
    s = path(s, [200, 0]);
    expect(offsetOf(s)).toBe(SWIPE.max);
    s = path(s, [-30, 0]);
    expect(offsetOf(s)).toBe(0);
    expect(s.phase).toBe('swiping');
  });

  it('when it goes up, down or left first, then it is a scroll: later moves right do not swipe and the release answers nothing', () => {
    for (const first of [[0, 12], [3, -15], [-12, 2], [10, 10]] as Array<[number, number]>) {
      const s = path(down(), first, [80, 0]);
      expect(s.phase).toBe('declined');
      expect(offsetOf(s)).toBe(0);
      expect(end(s, 1)).toEqual({ next: idle, fired: false });
    }
  });

  it('when released 48 px or more to the right, then it answers; earlier, it springs back without answering', () => {
    expect(end(path(down(), [20, 0], [48, 0]), 1)).toEqual({ next: idle, fired: true });
    expect(end(path(down(), [20, 0], [120, 0]), 1).fired).toBe(true);
    expect(end(path(down(), [20, 0], [47, 0]), 1)).toEqual({ next: idle, fired: false });
    // Carried past the mark and brought back: the agent changed their mind.
    expect(end(path(down(), [60, 0], [30, 0]), 1).fired).toBe(false);
    expect(armed(path(down(), [47, 0]))).toBe(false);
    expect(armed(path(down(), [48, 0]))).toBe(true);
  });

  it('when the browser takes the touch over (pointercancel), then nothing is answered, even past the mark', () => {
    const s = path(down(), [60, 0]);
    expect(cancel(s, 1)).toBe(idle);
    expect(cancel(s, 2)).toBe(s);
  });

  it('when another finger moves, lifts or goes down meanwhile, then the swipe keeps to its own', () => {
    const s = path(down(), [30, 0]);
    expect(move(s, { pointerId: 2, x: 400, y: 300, t: 1100 })).toBe(s);
    expect(end(s, 2)).toEqual({ next: s, fired: false });
    expect(start(s, { pointerId: 2, pointerType: 'touch', isPrimary: false, x: 0, y: 0, t: 1100 })).toBe(s);
    expect(move(idle, { pointerId: 1, x: 400, y: 300, t: 1100 })).toBe(idle);
    expect(end(idle, 1)).toEqual({ next: idle, fired: false });
  });

  it('when the finger is held still for a long press and then drags right, then it is not a swipe; a drag begun sooner is', () => {
    const held = move(down(), { pointerId: 1, x: 104, y: 301, t: 1000 + SWIPE.longPress - 50 });
    expect(held.phase).toBe('pending');
    const late = move(held, { pointerId: 1, x: 160, y: 300, t: 1000 + SWIPE.longPress + 100 });
    expect(late).toEqual({ phase: 'declined', pointerId: 1 });
    expect(end(move(late, { pointerId: 1, x: 170, y: 300, t: 1700 }), 1).fired).toBe(false);
    expect(move(held, { pointerId: 1, x: 160, y: 300, t: 1000 + SWIPE.longPress - 20 }).phase).toBe('swiping');
  });

  it('when a new first finger goes down while an earlier touch was never released, then it starts over', () => {
    const stale = path(down(), [30, 0]);
    expect(start(stale, { pointerId: 5, pointerType: 'touch', isPrimary: true, x: 10, y: 20, t: 1100 })).toEqual({ phase: 'pending', pointerId: 5, x0: 10, y0: 20, t0: 1100 });
    expect(start(stale, { pointerId: 1, pointerType: 'mouse', isPrimary: true, x: 10, y: 20, t: 1100 })).toBe(idle);
  });

  it('for any path, the bubble stays within 0–64 px, and only a path decided rightwards and ending at 48 px or more answers', () => {
    // A small deterministic generator: the same paths on every run.
    let seed = 7;
    const answered = { yes: 0, no: 0 };
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 160 - 60;
    for (let run = 0; run < 500; run++) {
      const steps = Array.from({ length: 1 + (run % 7) }, () => [Math.round(rand()), Math.round(rand())] as [number, number]);
      let s = down();
      let decidedRight: boolean | null = null;
      for (const step of steps) {
        s = path(s, step);
        expect(offsetOf(s)).toBeGreaterThanOrEqual(0);
        expect(offsetOf(s)).toBeLessThanOrEqual(SWIPE.max);
        if (decidedRight === null && s.phase !== 'pending') decidedRight = s.phase === 'swiping';
      }
      const last = steps.at(-1)!;
      const { fired } = end(s, 1);
      expect(fired).toBe(decidedRight === true && last[0] >= SWIPE.fire);
      answered[fired ? 'yes' : 'no']++;
    }
    // Both outcomes were tried often.
    expect(Math.min(answered.yes, answered.no)).toBeGreaterThan(50);
  });
});
