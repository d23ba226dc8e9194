// Webhooks arrive for the same few channels all day: keep their opened records in memory for a
// short while, so the hot path does no query and no decryption per request.
import type { Knex } from 'knex';
import type { Sealer } from '../security/seal';
import type { ChannelRecord } from './channel-types';
import { findChannelForWebhook } from './channels.queries';
import { openChannel } from './channels.service';

export type ChannelCache = { get(id: string): Promise<ChannelRecord | null>; forget(id: string): void };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createChannelCache(db: Knex, sealer: Sealer, ttlMs = 30_000): ChannelCache {
  const entries = new Map<string, { value: ChannelRecord | null; expires: number }>();
  return {
    async get(id) {
      if (!UUID.test(id)) return null;
      const hit = entries.get(id);
      if (hit && hit.expires > Date.now()) return hit.value;
      const row = await findChannelForWebhook(db, id);
      const value = row ? openChannel(row, sealer) : null;
      entries.set(id, { value, expires: Date.now() + (value ? ttlMs : 2_000) });
      return value;
    },
    forget: (id) => void entries.delete(id),
  };
}
