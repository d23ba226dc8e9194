// The store step's own guard, beneath the parsers: when PostgreSQL refuses a value of one item, the
// other items of the payload are still stored and the refused one is recorded for the workspace.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { api, signupWorkspace, startTestApp, type TestApp } from '../../test/harness';
import { createDb } from '../db/knex';
import { createLogger } from '../log/logger';
import { createQueues, type Queues } from '../queues/queues';
import { createRedis } from '../queues/redis';
import type { InboundItem } from './channel-adapter';
import type { ChannelRecord } from './channel-types';
import { ingest } from './ingest';

let app: TestApp;
let db: Knex;
let queues: Queues;
let redis: ReturnType<typeof createRedis>;
let channel: ChannelRecord;
let token: string;

beforeAll(async () => {
  app = await startTestApp();
  db = createDb(app.config);
  redis = createRedis(app.config, 'worker');
  queues = createQueues(redis, `${app.config.QUEUE_PREFIX}x`);
  const owner = await signupWorkspace(app);
  token = owner.token;
  const created = await api(app, 'POST', '/v1/channels', { type: 'webchat', name: 'Site' }, token);
  channel = { id: created.body.id, tenantId: owner.workspace.id, type: 'webchat', name: 'Site', config: {}, secrets: {} };
});
afterAll(async () => {
  await queues?.close();
  redis?.disconnect();
  await db?.destroy();
  await app?.close();
});

const message = (eventId: string, text: string): InboundItem => ({
  kind: 'message', eventId, contact: { externalId: 'v1', phone: null, name: null }, content: { type: 'text', text, replyId: null, media: null }, at: new Date().toISOString(),
});

describe('ingest', () => {
  it('when PostgreSQL refuses one item (NUL in jsonb, a key too big to index, a NUL status id), then the others are stored and the refused ones recorded', async () => {
    const deps = { db, queues, log: createLogger({ LOG_LEVEL: 'silent' }) };
    const status: InboundItem = { kind: 'status', eventId: 's\u0000:read', providerMessageId: 's\u0000', status: 'read', callbackData: null, error: null, at: new Date().toISOString() };
    // Random bytes do not compress, so the key really is over the B-tree limit.
    const items = [message('ok-1', 'fica'), message('nul-1', 'a\u0000b'), message(randomBytes(4000).toString('base64'), 'x'), status, message('ok-2', 'também')];
    for (let i = 0; i < 2; i++) {
      const result = await ingest(deps, channel, items);
      expect(result).toEqual({ stored: i === 0 ? 2 : 0, rejected: 3 });
    }
    const stored = await db('inbound_events').where({ channel_id: channel.id }).orderBy('id').pluck('provider_event_id');
    expect(stored).toEqual(['ok-1', 'ok-2']);
    const list = await api(app, 'GET', `/v1/channels/${channel.id}/rejected-events`, undefined, token);
    expect(list.body.total).toBe(3);
    expect(list.body.items.map((r: { reason: string; times: number }) => [r.reason, r.times]).sort()).toEqual([
      ['The item could not be stored (PostgreSQL 22021)', 2],
      ['The item could not be stored (PostgreSQL 22P05)', 2],
      ['The item could not be stored (PostgreSQL 54000)', 2],
    ]);
  });
});
