// Presence as the inbox sees it: chosen in the header (PUT /v1/me/presence), kept alive by the
// inbox's socket, and announced to the workspace (presence.changed) whenever it actually changes.
import type { Knex } from 'knex';
import { forTenant } from '../db/tenant-db';
import { publishEvents } from '../events/publish';
import { AppError } from '../http/app-error';
import type { Logger } from '../log/logger';
import type { PresenceChange, PresenceStatus, PresenceStore } from './presence.store';

export type PresenceDeps = { db: Knex; presence: PresenceStore; log: Logger };
type Who = { tenantId: string; userId: string };

async function announce(deps: PresenceDeps, who: Who, change: PresenceChange): Promise<PresenceStatus> {
  if (change.before !== change.after) {
    await publishEvents(forTenant(deps.db, who.tenantId), [{ type: 'presence.changed', payload: { userId: who.userId, status: change.after } }]);
  }
  return change.after;
}

/** Presence needs Redis: without it the answer is a clear 503, not a 500. */
const unavailable = (): never => {
  throw new AppError('unavailable', 'Presence is unavailable right now; try again shortly');
};

export async function choosePresence(deps: PresenceDeps, who: Who, status: PresenceStatus) {
  const change = await deps.presence.choose(who.tenantId, who.userId, status).catch(unavailable);
  return { status: await announce(deps, who, change) };
}

export async function readPresence(deps: PresenceDeps, who: Who) {
  const seen = await deps.presence.get(who.tenantId, [who.userId]).catch(unavailable);
  return { status: seen.get(who.userId) ?? 'offline' };
}

/** What the realtime gateway calls for an agent's socket; failures are logged, never thrown at the socket. */
export function socketPresence(deps: PresenceDeps) {
  const safely = (what: string, who: Who, run: () => Promise<PresenceChange>) =>
    run().then((change) => announce(deps, who, change)).catch((err) => deps.log.warn({ err: (err as Error).message, what }, 'presence update failed'));
  return {
    heartbeat: (who: Who) => safely('heartbeat', who, () => deps.presence.touch(who.tenantId, who.userId)),
    lastSocketClosed: (who: Who) => safely('leave', who, () => deps.presence.leave(who.tenantId, who.userId)),
  };
}
export type SocketPresence = ReturnType<typeof socketPresence>;
