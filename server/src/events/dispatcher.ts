// Fans committed domain events out to the listeners, in id order (dispatch-order.ts). One process
// dispatches at a time (a PostgreSQL try-lock; the others stand by), because two dispatching side
// by side would again release ids out of order. A process dying mid-batch leaves its rows
// undispatched and they go out again (at least once). A listener that throws does not lose the
// event: its failure is recorded in the same transaction and retried for it alone
// (listener-retries.ts), while the listeners that succeeded are not run again.
import type { Knex } from 'knex';
import type { Logger } from '../log/logger';
import { forgetHoles, releasable } from './dispatch-order';
import type { DomainEventRow, Listener } from './listener';
import { recordFailure, retryFailedListeners } from './listener-retries';

const BATCH = 500;
const DISPATCH_LOCK = 7_261_003; // arbitrary, fixed advisory lock id for "one dispatcher at a time"
/** How long a missing event id holds later ones back before it counts as rolled back. */
export const HOLE_WAIT_MS = 2_000;

export type DispatchOutcome = { handled: number; heldBack: boolean };
type Holes = Map<number, number>;

async function deliver(trx: Knex.Transaction, row: DomainEventRow, listeners: Listener[], log: Logger) {
  for (const listener of listeners) {
    try {
      await listener.handlers[row.type]?.(row);
    } catch (err) {
      log.warn({ err: (err as Error).message, listener: listener.name, eventId: row.id }, 'listener failed; will retry');
      await recordFailure(trx, row, listener.name, err);
    }
  }
}

/** Dispatches one batch; returns how many events it handled and whether a hole held some back. */
export async function dispatchBatch(db: Knex, listeners: Listener[], log: Logger, holes: Holes = new Map()): Promise<DispatchOutcome> {
  return db.transaction(async (trx) => {
    const got = await trx.raw('SELECT pg_try_advisory_xact_lock(?) AS ok', [DISPATCH_LOCK]);
    if (!got.rows[0].ok) return { handled: 0, heldBack: false };
    // Across tenants by design: the dispatcher serves every workspace; each row names its tenant.
    const rows: DomainEventRow[] = await trx('domain_events')
      .whereNull('dispatched_at')
      .orderBy('id')
      .limit(BATCH)
      .forUpdate()
      .select('id', 'tenant_id', 'type', 'payload', 'created_at');
    if (rows.length === 0) return { handled: 0, heldBack: false };
    const before = await trx('domain_events').where('id', '<', rows[0]!.id).whereNotNull('dispatched_at').max('id as id').first();
    const count = releasable(before?.id ?? null, rows.map((r) => r.id), holes, Date.now(), HOLE_WAIT_MS);
    const released = rows.slice(0, count);
    for (const row of released) await deliver(trx, row, listeners, log);
    if (released.length) {
      await trx('domain_events').whereIn('id', released.map((r) => r.id)).update({ dispatched_at: trx.fn.now() });
      forgetHoles(holes, released[released.length - 1]!.id);
    }
    return { handled: released.length, heldBack: count < rows.length };
  });
}

const RETRY_EVERY_MS = 1_000;

export function startDispatcher(db: Knex, listeners: Listener[], log: Logger, idleMs = 200): { stop(): Promise<void> } {
  let stopped = false;
  let retriedAt = 0;
  const holes: Holes = new Map();
  const loop = (async () => {
    while (!stopped) {
      if (Date.now() - retriedAt >= RETRY_EVERY_MS) {
        retriedAt = Date.now();
        await retryFailedListeners(db, listeners, log).catch((err) => log.warn({ err: (err as Error).message }, 'listener retries failed; will retry'));
      }
      const outcome = await dispatchBatch(db, listeners, log, holes).catch((err) => {
        log.warn({ err: (err as Error).message }, 'dispatch failed; will retry');
        return { handled: 0, heldBack: false };
      });
      // A full batch means more are waiting: go again at once. A hole is usually a transaction
      // about to commit: look again soon. Otherwise poll gently.
      if (outcome.handled < BATCH) await new Promise((r) => setTimeout(r, outcome.heldBack ? 25 : idleMs));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
    },
  };
}
