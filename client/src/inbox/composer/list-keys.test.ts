import { describe, expect, it, vi } from 'vitest';
import { listKeys } from './list-keys';

describe('listKeys', () => {
  it('when the list has items, then the arrows move round it and Enter or Tab pick the highlighted one (the last when past the end)', () => {
    let active = 0;
    const setActive = (next: (a: number) => number) => { active = next(active); };
    const pick = vi.fn();
    listKeys(['a', 'b', 'c'], 0, setActive, pick).ArrowUp!();
    expect(active).toBe(2);
    listKeys(['a', 'b', 'c'], active, setActive, pick).ArrowDown!();
    expect(active).toBe(0);
    listKeys(['a', 'b', 'c'], 1, setActive, pick).Enter!();
    listKeys(['a', 'b'], 5, setActive, pick).Tab!();
    expect(pick.mock.calls).toEqual([['b'], ['b']]);
  });

  it('when the list is empty, then it takes no keys', () => {
    expect(listKeys([], 0, () => undefined, () => undefined)).toEqual({});
  });
});
