import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/errors';
import { withRetries } from './use-list';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A load that fails `failures` times, then answers. */
function flaky(failures: number) {
  let calls = 0;
  const load = vi.fn(async () => {
    calls += 1;
    if (calls <= failures) throw new Error(`down ${calls}`);
    return { items: ['ana'] };
  });
  return load;
}

describe('withRetries', () => {
  it('when a load fails once, then it is tried again after the first wait and its answer is returned', async () => {
    const load = flaky(1);
    const answer = withRetries(load, [1_000, 3_000]);
    await vi.advanceTimersByTimeAsync(999);
    expect(load).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(answer).resolves.toEqual({ items: ['ana'] });
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('when every try fails, then the last failure is thrown after all the waits', async () => {
    const load = flaky(5);
    const answer = withRetries(load, [1_000, 3_000]);
    const seen = answer.catch((e: Error) => e.message);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(await seen).toBe('down 3');
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('when the load is no longer wanted during a wait, then it stops without trying again', async () => {
    const load = flaky(5);
    let wanted = true;
    const seen = withRetries(load, [1_000, 3_000], () => wanted).catch((e: Error) => e.message);
    await vi.advanceTimersByTimeAsync(500);
    wanted = false;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await seen).toBe('down 1');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('when the server refuses the load (a 4xx), then it is not tried again', async () => {
    const load = vi.fn(async () => {
      throw new ApiError(403, 'forbidden', 'Forbidden');
    });
    const seen = withRetries(load, [1_000, 3_000]).catch((e: ApiError) => e.status);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await seen).toBe(403);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('when the server is unavailable (5xx) or limits the rate (429), then it is tried again', async () => {
    for (const status of [503, 429]) {
      let calls = 0;
      const load = vi.fn(async () => {
        calls += 1;
        if (calls === 1) throw new ApiError(status, 'unavailable', 'Down');
        return 'ok';
      });
      const answer = withRetries(load, [1_000]);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(await answer).toBe('ok');
    }
  });
});
