// A listener that throws on an event gets a row in domain_event_retries (written in the dispatch
// transaction, so it exists exactly when the event is marked dispatched) and is retried alone,
// with a capped exponential backoff, until it succeeds. Events are never dropped for a listener:
// past the cap it keeps trying every RETRY_CAP_MS and each failure is logged.
import type { Knex } from 'knex';
import type { Logger } from '../log/logger';
import type { DomainEventRow, Listener } from './listener';

const RETRY_BATCH = 100;
const RETRY_BASE_MS = 1_000;
export const RETRY_CAP_MS = 15 * 60_000;

/** Delay before attempt `attempts + 1`: 1 s, 2 s, 4 s … capped at 15 min. */
export const retryDelayMs = (attempts: number) => Math.min(RETRY_BASE_MS * 2 ** Math.max(attempts - 1, 0), RETRY_CAP_MS);

const message = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 500);

/** Records that `listener` failed on `row` (first failure), inside the dispatch transaction. */
export async function recordFailure(trx: Knex.Transaction, row: DomainEventRow, listener: string, err: unknown): Promise<void> {
  await trx('domain_event_retries')
    .insert({
      tenant_id: row.tenant_id,
      event_id: row.id,
      listener,
      attempts: 1,
      last_error: message(err),
      next_attempt_at: new Date(Date.now() + retryDelayMs(1)),
    })
    .onConflict(['event_id', 'listener'])
    .ignore();
}

type RetryRow = DomainEventRow & { retry_id: number; listener: string; attempts: number };

/** Runs the due retries once; returns how many succeeded. */
export async function retryFailedListeners(db: Knex, listeners: Listener[], log: Logger, now = new Date()): Promise<number> {
  const byName = new Map(listeners.map((l) => [l.name, l]));
  return db.transaction(async (trx) => {
    // Across tenants by design, like the dispatcher: each row names its tenant.
    const due: RetryRow[] = await trx('domain_event_retries as r')
      .join('domain_events as e', 'e.id', 'r.event_id')
      .where('r.next_attempt_at', '<=', now)
      .orderBy('r.event_id')
      .limit(RETRY_BATCH)
      .forUpdate('r')
      .skipLocked()
      .select('r.id as retry_id', 'r.listener', 'r.attempts', 'e.id', 'e.tenant_id', 'e.type', 'e.payload', 'e.created_at');
    let succeeded = 0;
    for (const row of due) {
      const handler = byName.get(row.listener)?.handlers[row.type];
      try {
        await handler?.(row); // a listener that no longer exists or no longer cares has nothing left to do
        await trx('domain_event_retries').where({ id: row.retry_id }).delete();
        succeeded++;
      } catch (err) {
        const attempts = row.attempts + 1;
        log.warn({ err: message(err), listener: row.listener, eventId: row.id, attempts }, 'listener failed again; will retry');
        await trx('domain_event_retries')
          .where({ id: row.retry_id })
          .update({ attempts, last_error: message(err), next_attempt_at: new Date(now.getTime() + retryDelayMs(attempts)) });
      }
    }
    return succeeded;
  });
}
