// What a test started (apps, fakes, worker processes, connections), stopped after it whatever its outcome.
import { afterEach, type TestContext } from 'vitest';

export type Cleanups = Array<() => Promise<unknown>>;

const runAll = async (cleanups: Cleanups) => {
  while (cleanups.length) await cleanups.pop()!().catch(() => {});
};

/** A list a test pushes stop functions onto; after each test they run newest first, a failing one not stopping the rest. */
export function cleanupsAfterEach(): Cleanups {
  const cleanups: Cleanups = [];
  afterEach(() => runAll(cleanups));
  return cleanups;
}

/**
 * One test's own list, run the same way when that test finishes: for tests that run side by side
 * (describe.concurrent), where one list for the file would stop another test's apps mid-run.
 */
export function cleanupsOf(context: Pick<TestContext, 'onTestFinished'>): Cleanups {
  const cleanups: Cleanups = [];
  context.onTestFinished(() => runAll(cleanups));
  return cleanups;
}
