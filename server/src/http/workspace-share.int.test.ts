// One workspace's slow requests take at most its share of the process's database connections:
// another workspace's requests still answer at once. With the share as large as the pool, the
// same flood holds every connection and the other workspace waits: that is what the share prevents.
import { afterEach, describe, expect, it } from 'vitest';
import { lockTable } from '../../test/db';
import { api, signupWorkspace, startTestApp, type TestApp } from '../../test/harness';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** Four slow requests from workspace A (its teams table is locked), then one request from B. */
async function floodThenAsk(share: string) {
  app = await startTestApp({ DATABASE_POOL_MAX: '4', API_CONCURRENCY_PER_WORKSPACE: share });
  const a = await signupWorkspace(app, 'A');
  const b = await signupWorkspace(app, 'B');
  const lock = await lockTable(app.config.DATABASE_URL, 'teams');
  const slow = Array.from({ length: 4 }, () => api(app!, 'GET', '/v1/teams', undefined, a.token));
  // Let A's requests take their connections (or their places in line) first.
  await new Promise((r) => setTimeout(r, 500));
  let answered = false;
  const other = api(app, 'GET', '/v1/flows', undefined, b.token).then((res) => ((answered = true), res));
  await new Promise((r) => setTimeout(r, 1_500));
  const answeredWhileLocked = answered;
  await lock.release();
  const results = await Promise.all(slow);
  return { answeredWhileLocked, other: await other, slowStatuses: results.map((r) => r.status) };
}

describe('a workspace share of the database connections', () => {
  it('when one workspace floods slow requests, then another workspace is answered at once, and the flood is answered too once free', async () => {
    const { answeredWhileLocked, other, slowStatuses } = await floodThenAsk('2');
    expect(answeredWhileLocked).toBe(true);
    expect(other.status).toBe(200);
    expect(slowStatuses).toEqual([200, 200, 200, 200]);
  });

  it('when the share is the whole pool, then the same flood makes the other workspace wait (what the share prevents)', async () => {
    const { answeredWhileLocked, other } = await floodThenAsk('4');
    expect(answeredWhileLocked).toBe(false);
    expect(other.status).toBe(200);
  });
});
