import { describe, expect, it } from 'vitest';
import { forgetHoles, releasable } from './dispatch-order';

describe('dispatch order', () => {
  it('when ids follow on from the last dispatched one, then all go out', () => {
    expect(releasable(9, [10, 11, 12], new Map(), 0, 1000)).toBe(3);
  });

  it('when an id is missing, then the ones after it wait, and go out once the wait is over', () => {
    const seen = new Map<number, number>();
    expect(releasable(9, [10, 12, 13], seen, 1_000, 1_000)).toBe(1);
    expect(releasable(10, [12, 13], seen, 1_500, 1_000)).toBe(0);
    expect(releasable(10, [12, 13], seen, 2_000, 1_000)).toBe(2);
  });

  it('when the missing id commits meanwhile, then everything goes out in order at once', () => {
    const seen = new Map<number, number>();
    expect(releasable(9, [11], seen, 0, 1_000)).toBe(0);
    expect(releasable(9, [10, 11], seen, 10, 1_000)).toBe(2);
    forgetHoles(seen, 11);
    expect(seen.size).toBe(0);
  });

  it('when nothing was dispatched before, then the first id opens the sequence', () => {
    expect(releasable(null, [500, 501, 503], new Map(), 0, 1_000)).toBe(2);
  });
});
