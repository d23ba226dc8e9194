// Agent presence in Redis, with expiry: a `choice` (online | away | offline, set from the header)
// and an `alive` key that a connected inbox socket keeps refreshing. Someone whose sockets are all
// gone (or whose process died) drops to offline when `alive` expires, whatever they chose.
import type { Redis } from 'ioredis';

export const PRESENCE_STATUSES = ['online', 'away', 'offline'] as const;
export type PresenceStatus = (typeof PRESENCE_STATUSES)[number];
export type PresenceChange = { before: PresenceStatus; after: PresenceStatus };

export type PresenceStore = {
  readonly ttlSeconds: number;
  get(tenantId: string, userIds: string[]): Promise<Map<string, PresenceStatus>>;
  /** The status chosen in the header; choosing online or away also counts as a sign of life. */
  choose(tenantId: string, userId: string, status: PresenceStatus): Promise<PresenceChange>;
  /** A heartbeat from a connected socket. */
  touch(tenantId: string, userId: string): Promise<PresenceChange>;
  /** The user's last socket closed. */
  leave(tenantId: string, userId: string): Promise<PresenceChange>;
};

const CHOICE_TTL_SECONDS = 30 * 24 * 3600;

const effective = (alive: string | null, choice: string | null): PresenceStatus =>
  !alive ? 'offline' : choice === 'away' || choice === 'offline' ? choice : 'online';

export function createPresenceStore(redis: Redis, prefix: string, ttlSeconds: number): PresenceStore {
  const key = (tenantId: string, userId: string, part: 'alive' | 'choice') => `${prefix}:presence:${tenantId}:${userId}:${part}`;
  const read = async (tenantId: string, userId: string) => {
    const [alive, choice] = await redis.mget(key(tenantId, userId, 'alive'), key(tenantId, userId, 'choice'));
    return { alive: alive ?? null, choice: choice ?? null };
  };
  const change = async (tenantId: string, userId: string, write: () => Promise<unknown>): Promise<PresenceChange> => {
    const was = await read(tenantId, userId);
    await write();
    const now = await read(tenantId, userId);
    return { before: effective(was.alive, was.choice), after: effective(now.alive, now.choice) };
  };
  const alive = (tenantId: string, userId: string) => redis.set(key(tenantId, userId, 'alive'), '1', 'EX', ttlSeconds);
  return {
    ttlSeconds,
    async get(tenantId, userIds) {
      if (userIds.length === 0) return new Map();
      const values = await redis.mget(userIds.flatMap((u) => [key(tenantId, u, 'alive'), key(tenantId, u, 'choice')]));
      return new Map(userIds.map((u, i) => [u, effective(values[2 * i] ?? null, values[2 * i + 1] ?? null)]));
    },
    choose: (tenantId, userId, status) =>
      change(tenantId, userId, async () => {
        await redis.set(key(tenantId, userId, 'choice'), status, 'EX', CHOICE_TTL_SECONDS);
        if (status !== 'offline') await alive(tenantId, userId);
      }),
    touch: (tenantId, userId) => change(tenantId, userId, () => alive(tenantId, userId)),
    leave: (tenantId, userId) => change(tenantId, userId, () => redis.del(key(tenantId, userId, 'alive'))),
  };
}
