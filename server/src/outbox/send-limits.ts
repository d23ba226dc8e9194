// Bounded sends per workspace and per channel, so one workspace whose provider is slow or hanging
// holds a few of the send worker's slots and never all of them. Per process: with N worker
// processes a workspace has at most N × the limit in flight.
export type SendLimits = { perWorkspace: number; perChannel: number };
export const DEFAULT_SEND_LIMITS: SendLimits = { perWorkspace: 4, perChannel: 4 };

export type SendSlots = {
  /** A slot for this workspace and channel, or null when either is at its limit (come back later). */
  tryAcquire(tenantId: string, channelId: string): (() => void) | null;
  inFlight(): number;
};

export function createSendSlots(limits: SendLimits = DEFAULT_SEND_LIMITS): SendSlots {
  const byTenant = new Map<string, number>();
  const byChannel = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string, d: number) => {
    const n = (m.get(k) ?? 0) + d;
    if (n <= 0) m.delete(k);
    else m.set(k, n);
  };
  let total = 0;
  return {
    tryAcquire(tenantId, channelId) {
      if ((byTenant.get(tenantId) ?? 0) >= limits.perWorkspace || (byChannel.get(channelId) ?? 0) >= limits.perChannel) return null;
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
      };
    },
    inFlight: () => total,
  };
}
