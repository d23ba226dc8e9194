// Every workspace's conversations share one inbound queue (and one timers queue). First come, first
// served would let a workspace whose customers (or a script) send thousands of messages at once
// queue them all ahead of everyone else's, and every other bot would answer late until that burst
// is drained; likewise thousands of its wait steps ending at the same moment.
//
// So each drain (and timer) job gets a BullMQ priority from how many its workspace queued in the last
// FAIR_WINDOW_MS: the first FAIR_QUOTA at priority 1, the next FAIR_QUOTA at 2, and so on. A lower
// number runs first and jobs of one priority run in the order they came, so a quiet workspace's
// message goes ahead of a burst's tail. Nothing is dropped: the tail runs as soon as the others'
// work is done. Order within a conversation does not depend on it: a drain reads its
// conversation's events in the order they were stored.
import type { Redis } from 'ioredis';

export const FAIR_WINDOW_MS = 10_000;
export const FAIR_QUOTA = 50;
/** BullMQ allows up to 2^21; past this a burst is a burst. */
export const MAX_FAIR_PRIORITY = 1_000;

/** Priorities for `n` jobs of a workspace that queued `before` jobs in the window. */
export function fairPriorities(before: number, n: number, quota = FAIR_QUOTA): number[] {
  return Array.from({ length: n }, (_, i) => Math.min(MAX_FAIR_PRIORITY, 1 + Math.floor((before + i) / quota)));
}

/**
 * Jobs queued in the last window, from two fixed windows: all of the current one, and the share of
 * the previous one that still lies within the last FAIR_WINDOW_MS (a sliding window, without
 * keeping every job's time).
 */
export function slidingCount(current: number, previous: number, now: number, windowMs = FAIR_WINDOW_MS): number {
  const elapsed = (now % windowMs) / windowMs;
  return current + Math.floor(previous * (1 - elapsed));
}

/** A workspace's (`scope`'s) fair priorities for `n` more jobs of `queue`, counting them. */
export type FairShare = (queue: string, scope: string, n: number) => Promise<number[]>;

/**
 * Counts `n` more in the current window (KEYS[1]) and reads the previous one (KEYS[2]). One script
 * rather than MULTI…EXEC: a transaction is two more commands, and ioredis builds a pipeline object
 * for it that copies every script BullMQ defined on the connection: on the webhook path that cost
 * more CPU than the counting.
 */
const COUNT_SCRIPT = "local c = redis.call('INCRBY', KEYS[1], ARGV[1]) redis.call('PEXPIRE', KEYS[1], ARGV[2]) return {c, redis.call('GET', KEYS[2]) or '0'}";

/** Counts in Redis under `prefix`, so every api and worker process shares one count. One round trip per call. */
export function redisFairShare(redis: Redis, prefix: string, now: () => number = Date.now): FairShare {
  return async (queue, scope, n) => {
    const at = now();
    const slot = Math.floor(at / FAIR_WINDOW_MS);
    const key = (s: number) => `${prefix}:${queue}:fair:${scope}:${s}`;
    const [current, previous] = (await redis.eval(COUNT_SCRIPT, 2, key(slot), key(slot - 1), n, 2 * FAIR_WINDOW_MS)) as [number, string];
    return fairPriorities(slidingCount(Number(current) - n, Number(previous), at), n);
  };
}
