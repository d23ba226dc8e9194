// The dispatcher against real PostgreSQL: a listener that throws neither loses the event nor makes
// the listeners that succeeded see it twice; its retries are recorded and run until it succeeds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import knexFactory, { type Knex } from 'knex';
import { createTestDatabase, logCapture } from '../../test/harness';
import { createLogger } from '../log/logger';
import { dispatchBatch } from './dispatcher';
import type { DomainEventRow, Listener } from './listener';
import { retryDelayMs, retryFailedListeners } from './listener-retries';

let db: Knex;
let tenantId: string;
const logs = logCapture();
const log = createLogger({ LOG_LEVEL: 'info' }, logs.stream);

beforeAll(async () => {
  db = knexFactory({ client: 'pg', connection: await createTestDatabase(), pool: { min: 0, max: 3 } });
  [{ id: tenantId }] = await db('tenants').insert({ name: 'Loja' }).returning('id');
});
afterAll(async () => {
  await db?.destroy();
});

const publish = async (n: number) => {
  const rows = Array.from({ length: n }, (_, i) => ({ tenant_id: tenantId, type: 'conversation.closed', payload: JSON.stringify({ i }) }));
  return (await db('domain_events').insert(rows).returning('id')).map((r: { id: number }) => Number(r.id));
};

describe('domain-event dispatcher', () => {
  it('when a listener throws, then the event is still marked dispatched, the others ran once, and the failure is retried until it succeeds', async () => {
    const ids = await publish(3);
    const seenByGood: number[] = [];
    let failuresLeft = 4; // the flaky listener fails on its first four calls
    const seenByFlaky: number[] = [];
    const listeners: Listener[] = [
      { name: 'good', handlers: { 'conversation.closed': (e: DomainEventRow) => void seenByGood.push(e.id) } },
      {
        name: 'flaky',
        handlers: {
          'conversation.closed': (e: DomainEventRow) => {
            if (e.id === ids[1] && failuresLeft-- > 0) throw new Error('redis is down');
            seenByFlaky.push(e.id);
          },
        },
      },
    ];
    expect(await dispatchBatch(db, listeners, log)).toEqual({ handled: 3, heldBack: false });
    expect(await db('domain_events').whereIn('id', ids).whereNull('dispatched_at').count('* as n').first()).toEqual({ n: 0 });
    expect(seenByGood).toEqual(ids);
    expect(seenByFlaky).toEqual([ids[0], ids[2]]);
    const [retry] = await db('domain_event_retries').select('event_id', 'listener', 'attempts', 'last_error', 'next_attempt_at');
    expect(retry).toMatchObject({ event_id: ids[1], listener: 'flaky', attempts: 1, last_error: 'redis is down' });

    // Not due yet: nothing runs.
    expect(await retryFailedListeners(db, listeners, log, new Date())).toBe(0);
    expect(failuresLeft).toBe(3);
    // Due: it fails three more times with a growing delay, then succeeds and its row goes.
    let now = new Date(retry.next_attempt_at.getTime() + 1);
    for (let attempt = 2; attempt <= 4; attempt++) {
      expect(await retryFailedListeners(db, listeners, log, now)).toBe(0);
      const row = await db('domain_event_retries').first('attempts', 'next_attempt_at');
      expect(row.attempts).toBe(attempt);
      expect(row.next_attempt_at.getTime() - now.getTime()).toBe(retryDelayMs(attempt));
      now = new Date(row.next_attempt_at.getTime() + 1);
    }
    expect(await retryFailedListeners(db, listeners, log, now)).toBe(1);
    expect(seenByFlaky).toEqual([ids[0], ids[2], ids[1]]);
    expect(seenByGood).toEqual(ids); // never re-run
    expect(await db('domain_event_retries').count('* as n').first()).toEqual({ n: 0 });
  });

  it('when the backoff grows, then it is capped and never gives up', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(retryDelayMs(40)).toBe(15 * 60_000);
  });
});
