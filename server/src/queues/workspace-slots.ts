// Bounded work per workspace and per channel, so one workspace whose provider, LLM endpoint or own
// server is slow or hanging holds a few of a worker's slots and never all of them. Per process: with
// N worker processes a workspace has at most N × the limit in flight. Sends, AI calls, step effects,
// webhook deliveries and campaign slices each have their own.
//
// Work that finds its workspace or channel full waits here, in order, for a slot (a fast call frees
// one within milliseconds); only when the wait is long (the other side is slow or hanging) or too
// many already wait does the caller hand the job back to the queue. Bouncing every busy send through
// Redis and the database instead cost ~6 extra round trips per message and a quarter of a second of
// delay, which capped a single busy number at ~70 msg/s.
export type SlotLimits = { perWorkspace: number; perChannel: number; /** Jobs allowed to wait per workspace and per channel. */ maxWaiting: number };

/**
 * How long a job waits in process for its workspace's or channel's slot before it is handed back to
 * the queue. A fast call frees a slot within milliseconds; a slow or hanging one does not.
 */
export const SLOT_WAIT_MS = 1_000;

export type Release = () => void;

export type WorkspaceSlots = {
  /** A slot for this workspace and channel, or null when either is at its limit (come back later). */
  tryAcquire(tenantId: string, channelId: string): Release | null;
  /** A slot, waiting up to `maxWaitMs` in line for one; null when none came or too many already wait. */
  acquire(tenantId: string, channelId: string, maxWaitMs: number): Promise<Release | null>;
  inFlight(): number;
  waiting(): number;
};

type Waiter = { tenantId: string; channelId: string; grant: (release: Release) => void; timer: NodeJS.Timeout };

export function createWorkspaceSlots(limits: SlotLimits): WorkspaceSlots {
  const byTenant = new Map<string, number>();
  const byChannel = new Map<string, number>();
  const waiters: Waiter[] = [];
  const bump = (m: Map<string, number>, k: string, d: number) => {
    const n = (m.get(k) ?? 0) + d;
    if (n <= 0) m.delete(k);
    else m.set(k, n);
  };
  let total = 0;
  const fits = (tenantId: string, channelId: string) =>
    (byTenant.get(tenantId) ?? 0) < limits.perWorkspace && (byChannel.get(channelId) ?? 0) < limits.perChannel;
  const take = (tenantId: string, channelId: string): Release => {
    bump(byTenant, tenantId, 1);
    bump(byChannel, channelId, 1);
    total++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      bump(byTenant, tenantId, -1);
      bump(byChannel, channelId, -1);
      total--;
      handOn();
    };
  };
  // The oldest waiter that now fits gets the freed slot (FIFO per workspace and channel).
  const handOn = () => {
    for (let i = 0; i < waiters.length; i++) {
      const w = waiters[i]!;
      if (!fits(w.tenantId, w.channelId)) continue;
      waiters.splice(i, 1);
      clearTimeout(w.timer);
      w.grant(take(w.tenantId, w.channelId));
      return;
    }
  };
  const tryAcquire = (tenantId: string, channelId: string): Release | null => {
    // A freed slot goes to a waiter at once (handOn), so a waiter of this channel never sees its
    // channel fit: a newcomer that fits cannot overtake one waiting on the same channel.
    return fits(tenantId, channelId) ? take(tenantId, channelId) : null;
  };
  return {
    tryAcquire,
    acquire(tenantId, channelId, maxWaitMs) {
      const now = tryAcquire(tenantId, channelId);
      if (now) return Promise.resolve(now);
      const sameTenant = waiters.filter((w) => w.tenantId === tenantId).length;
      const sameChannel = waiters.filter((w) => w.channelId === channelId).length;
      if (maxWaitMs <= 0 || sameTenant >= limits.maxWaiting || sameChannel >= limits.maxWaiting) return Promise.resolve(null);
      return new Promise((resolve) => {
        const w: Waiter = {
          tenantId, channelId, grant: resolve,
          timer: setTimeout(() => {
            const i = waiters.indexOf(w);
            if (i >= 0) waiters.splice(i, 1);
            resolve(null);
          }, maxWaitMs),
        };
        waiters.push(w);
      });
    },
    inFlight: () => total,
    waiting: () => waiters.length,
  };
}
