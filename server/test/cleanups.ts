// What a test started (apps, fakes, worker processes, connections), stopped after it whatever its outcome.
import { afterEach } from 'vitest';

export type Cleanups = Array<() => Promise<unknown>>;

/** A list a test pushes stop functions onto; after each test they run newest first, a failing one not stopping the rest. */
export function cleanupsAfterEach(): Cleanups {
  const cleanups: Cleanups = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!().catch(() => {});
  });
  return cleanups;
}
