import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalesce } from './coalesce';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A read that ends when the test says so. */
function reads() {
  const pending: Array<() => void> = [];
  const run = vi.fn(() => new Promise<void>((resolve) => pending.push(resolve)));
  return { run, finish: async () => { pending.shift()?.(); await vi.advanceTimersByTimeAsync(0); } };
}

describe('coalesced reads', () => {
  it('when 200 events arrive in one burst, then one read is made, after the delay', async () => {
    const { run, finish } = reads();
    const c = coalesce(run, 300);
    for (let i = 0; i < 200; i++) c.poke();
    await vi.advanceTimersByTimeAsync(299);
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(1);
    await finish();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('when events arrive while a read runs, then exactly one more read follows it, never beside it', async () => {
    const { run, finish } = reads();
    const c = coalesce(run, 300);
    c.poke();
    await vi.advanceTimersByTimeAsync(300);
    for (let i = 0; i < 50; i++) c.poke();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(run).toHaveBeenCalledTimes(1);
    await finish();
    await vi.advanceTimersByTimeAsync(300);
    expect(run).toHaveBeenCalledTimes(2);
    await finish();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('when a read fails, then the next event still reads; once cancelled, nothing does', async () => {
    const run = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(undefined);
    const c = coalesce(run, 100);
    c.poke();
    await vi.advanceTimersByTimeAsync(100);
    c.poke();
    await vi.advanceTimersByTimeAsync(100);
    expect(run).toHaveBeenCalledTimes(2);
    c.poke();
    c.cancel();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(run).toHaveBeenCalledTimes(2);
  });
});
