// Webhooks arrive for the same few channels all day: keep their opened records in memory for a
// short while, so the hot path does no query and no decryption per request.
//
// Anyone can post to /v1/webhooks/<provider>/<random uuid>, so ids that match no channel are kept
// apart, in a small LRU of their own with a short TTL: a flood of random ids churns that one and
// can neither grow memory nor push the real channels out of theirs.
import type { Knex } from 'knex';
import { LRUCache } from 'lru-cache';
import { isUuid } from '../db/uuid';
import type { Sealer } from '../security/seal';
import type { ChannelRecord } from './channel-types';
import { findChannelForWebhook } from './channels.queries';
import { openChannel } from './channels.service';

export type ChannelCache = {
  get(id: string): Promise<ChannelRecord | null>;
  forget(id: string): void;
  /** Entries held, known and unknown ids together. */
  readonly size: number;
};

export type ChannelCacheOptions = { ttlMs?: number; maxKnown?: number; unknownTtlMs?: number; maxUnknown?: number };


export function createChannelCache(db: Knex, sealer: Sealer, opts: ChannelCacheOptions = {}): ChannelCache {
  const known = new LRUCache<string, ChannelRecord>({ max: opts.maxKnown ?? 10_000, ttl: opts.ttlMs ?? 30_000 });
  const unknown = new LRUCache<string, true>({ max: opts.maxUnknown ?? 2_000, ttl: opts.unknownTtlMs ?? 2_000 });
  return {
    async get(id) {
      if (!isUuid(id)) return null;
      const hit = known.get(id);
      if (hit) return hit;
      if (unknown.has(id)) return null;
      const row = await findChannelForWebhook(db, id);
      if (!row) {
        unknown.set(id, true);
        return null;
      }
      const value = openChannel(row, sealer);
      known.set(id, value);
      return value;
    },
    forget(id) {
      known.delete(id);
      unknown.delete(id);
    },
    get size() {
      return known.size + unknown.size;
    },
  };
}
