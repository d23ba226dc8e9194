// Fans committed domain events out to the listeners. Rows are claimed with SKIP LOCKED, so several
// worker processes can dispatch side by side without handing one event out twice at the same time;
// a process dying mid-batch leaves its rows undispatched and they go out again (at least once).
import type { Knex } from 'knex';
import type { Logger } from '../log/logger';
import type { DomainEventRow, Listener } from './listener';

const BATCH = 500;

/** Dispatches one batch; returns how many events it handled. */
export async function dispatchBatch(db: Knex, listeners: Listener[], log: Logger): Promise<number> {
  return db.transaction(async (trx) => {
    // Across tenants by design: the dispatcher serves every workspace; each row names its tenant.
    const rows: DomainEventRow[] = await trx('domain_events')
      .whereNull('dispatched_at')
      .orderBy('id')
      .limit(BATCH)
      .forUpdate()
      .skipLocked()
      .select('id', 'tenant_id', 'type', 'payload', 'created_at');
    for (const row of rows) {
      for (const listener of listeners) {
        try {
          await listener.handlers[row.type]?.(row);
        } catch (err) {
          log.warn({ err: (err as Error).message, listener: listener.name, eventId: row.id }, 'listener failed');
        }
      }
    }
    if (rows.length) await trx('domain_events').whereIn('id', rows.map((r) => r.id)).update({ dispatched_at: trx.fn.now() });
    return rows.length;
  });
}

export function startDispatcher(db: Knex, listeners: Listener[], log: Logger, idleMs = 200): { stop(): Promise<void> } {
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const handled = await dispatchBatch(db, listeners, log).catch((err) => {
        log.warn({ err: (err as Error).message }, 'dispatch failed; will retry');
        return 0;
      });
      // A full batch means more are waiting: go again at once; otherwise poll gently.
      if (handled < BATCH) await new Promise((r) => setTimeout(r, idleMs));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
    },
  };
}
