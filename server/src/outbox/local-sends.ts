// Sends a committed drain's replies from the process that wrote them, without a trip through the
// send queue: the same send as the send worker's (same workspace and channel slots, same leases),
// started after the drain's job is done with it, so the drain itself never waits on a provider.
// Bounded per process; past the bound, or while closing, the send goes to the queue as before.
// A process that dies mid-send leaves its claims to their lease, as a dying send job does: the
// sweeper finds them when it runs out and the send worker sends them again.
import type { Logger } from '../log/logger';
import type { PendingSend } from './outbox';

export type LocalSends = {
  /** Starts the send here and returns true, or returns false when the caller must queue it. */
  start(pending: PendingSend): boolean;
  inFlight(): number;
  /** Stops taking sends and waits for those under way. */
  close(): Promise<void>;
};

export function createLocalSends(send: (pending: PendingSend) => Promise<void>, log: Pick<Logger, 'warn'>, max: number): LocalSends {
  const running = new Set<Promise<void>>();
  let closing = false;
  return {
    start(pending) {
      if (closing || running.size >= max) return false;
      // Started inside the drain's job, so it carries on that job's trace (async context).
      const run = send(pending).catch((err) => {
        // Its claims stay leased and the sweeper sends them again when the lease runs out, as
        // after a failed send job; a database or Redis hiccup must not crash the process.
        log.warn({ err: (err as Error).message, conversationId: pending.conversationId }, 'send failed; left to its lease');
      });
      running.add(run);
      void run.finally(() => running.delete(run));
      return true;
    },
    inFlight: () => running.size,
    async close() {
      closing = true;
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}
