// The webhook channel cache against real PostgreSQL: random webhook ids are cheap to send, so what
// they leave behind in memory must stay bounded and must not push the real channels out.
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, signupWorkspace, startTestApp, type TestApp } from '../../test/harness';
import { createDb } from '../db/knex';
import { createSealer } from '../security/seal';
import { createChannelCache } from './channel-cache';

let app: TestApp;
let db: Knex;
let channelId: string;

beforeAll(async () => {
  app = await startTestApp({ ROLE: 'api' });
  db = createDb(app.config);
  const s = await signupWorkspace(app);
  const created = await api(app, 'POST', '/v1/channels', { type: 'webchat', name: 'Site' }, s.token);
  if (created.status !== 201) throw new Error(`channel: ${created.status} ${JSON.stringify(created.body)}`);
  channelId = created.body.id;
});
afterAll(async () => {
  await db?.destroy();
  await app?.close();
});

describe('channel cache', () => {
  it('when thousands of random webhook ids are looked up, then the cache keeps at most its bound of unknown ids', async () => {
    const cache = createChannelCache(db, createSealer(app.config.ENCRYPTION_KEY), { maxUnknown: 50 });
    for (let i = 0; i < 1_000; i++) expect(await cache.get(randomUUID())).toBeNull();
    expect(cache.size).toBeLessThanOrEqual(50);
  });

  it('when a flood of unknown ids follows, then a known channel stays cached', async () => {
    const cache = createChannelCache(db, createSealer(app.config.ENCRYPTION_KEY), { maxUnknown: 50 });
    expect((await cache.get(channelId))?.id).toBe(channelId);
    for (let i = 0; i < 500; i++) await cache.get(randomUUID());
    // Disabled in the database: only a cached record can still answer.
    await db('channels').where({ id: channelId }).update({ status: 'disabled' });
    try {
      expect((await cache.get(channelId))?.id).toBe(channelId);
    } finally {
      await db('channels').where({ id: channelId }).update({ status: 'active' });
    }
  });

  it('when an id is not a UUID, then nothing is queried or kept', async () => {
    const cache = createChannelCache(db, createSealer(app.config.ENCRYPTION_KEY));
    expect(await cache.get('not-a-uuid')).toBeNull();
    expect(cache.size).toBe(0);
  });
});
