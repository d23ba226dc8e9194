// Retention: the housekeeping job purges operational rows past RETENTION_DAYS (processed provider
// events, dispatched domain events, set-aside payload items, run logs, the builder's test runs) in bounded batches, and
// never a customer's messages, contact or conversation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import knexFactory, { type Knex } from 'knex';
import { edge, flow, keywordTrigger, node } from '../../test/flow-docs';
import { textMessage } from '../../test/fakes/whatsapp-payloads';
import { api, createTestDatabase } from '../../test/harness';
import { eventually, startPipeline, type Pipeline } from '../../test/pipeline';
import { createQueues } from '../queues/queues';
import { createRedis } from '../queues/redis';
import { purgeExpired } from './retention';

let p: Pipeline;
let db: Knex;
beforeAll(async () => {
  p = await startPipeline({ RETENTION_DAYS: '30' });
  db = knexFactory({ client: 'pg', connection: p.app.config.DATABASE_URL, pool: { min: 0, max: 2 } });
});
afterAll(async () => {
  await db?.destroy();
  await p?.close();
});

const OLD = "now() - interval '40 days'";

/** Moves everything a conversation produced 40 days into the past. */
async function age(conversationId: string) {
  const c = await db('conversations').where({ id: conversationId }).first();
  const key = `${c.channel_id}:${(await db('contacts').where({ id: c.contact_id }).first()).external_id}`;
  await db('conversations').where({ id: conversationId }).update({ last_message_at: db.raw(OLD), created_at: db.raw(OLD) });
  await db('messages').where({ conversation_id: conversationId }).update({ created_at: db.raw(OLD) });
  await db('run_logs').where({ conversation_id: conversationId }).update({ at: db.raw(OLD) });
  await db('inbound_events').where({ conversation_key: key }).update({ received_at: db.raw(OLD) });
  await db('domain_events').whereRaw("payload->>'conversationId' = ?", [conversationId]).update({ created_at: db.raw(OLD) });
  if (c.test_flow_version_id) await db('flow_versions').where({ id: c.test_flow_version_id }).update({ created_at: db.raw(OLD) });
}

async function customerChat(waId: string) {
  await p.wa.inbound({ waId }, textMessage('oi'));
  const conversation: { id: string } = await eventually(() =>
    db('conversations as c').join('contacts as ct', 'ct.id', 'c.contact_id').where('ct.external_id', waId).first('c.id'),
  );
  await eventually(async () => (await db('messages').where({ conversation_id: conversation.id, direction: 'out', status: 'sent' }).first()) ?? null);
  await eventually(async () => !(await db('domain_events').whereNull('dispatched_at').first()));
  return conversation.id;
}

async function testRun(flowId: string) {
  const run = await api(p.app, 'POST', `/v1/flows/${flowId}/test`, {}, p.token);
  const sent = await fetch(`${p.app.url}/v1/webchat/${run.body.channelId}/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${run.body.visitorToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ text: 'oi' }),
  });
  expect(sent.status).toBe(202);
  await eventually(async () => (await db('messages').where({ conversation_id: run.body.conversationId, direction: 'out' }).first()) ?? null);
  return run.body.conversationId as string;
}

const counts = async (conversationId: string) => ({
  messages: Number((await db('messages').where({ conversation_id: conversationId }).count('* as n'))[0]!.n),
  runLogs: Number((await db('run_logs').where({ conversation_id: conversationId }).count('* as n'))[0]!.n),
  domainEvents: Number((await db('domain_events').whereRaw("payload->>'conversationId' = ?", [conversationId]).count('* as n'))[0]!.n),
});

describe('retention', () => {
  it('when housekeeping runs, then operational rows past retention go, customer messages and recent rows stay', async () => {
    const { flowId } = await p.publish(flow([keywordTrigger('oi'), node('hi', 'message', { text: 'Olá!' })], [edge('start', 'next', 'hi')]));
    const oldChat = await customerChat('5511988880001');
    const newChat = await customerChat('5511988880002');
    const oldRun = await testRun(flowId);
    const newRun = await testRun(flowId);
    await age(oldChat);
    await age(oldRun);
    const before = { oldChat: await counts(oldChat), newChat: await counts(newChat) };
    expect(before.oldChat.messages).toBe(2);
    expect(before.oldChat.runLogs).toBeGreaterThan(0);
    expect(before.oldChat.domainEvents).toBeGreaterThan(0);
    const oldInbound = await db('inbound_events').where('received_at', '<', db.raw("now() - interval '30 days'")).count('* as n');
    expect(Number(oldInbound[0]!.n)).toBeGreaterThan(0);

    // The same job the repeatable schedule adds every minute.
    const redis = createRedis(p.app.config, 'worker');
    const queues = createQueues(redis, p.app.config.QUEUE_PREFIX);
    try {
      await queues.maintenance.add('housekeeping', { task: 'expire_sessions' });
      // One run purges in order (run logs, then test runs): wait for both, not for the first alone.
      await eventually(async () => !(await db('run_logs').where({ conversation_id: oldChat }).first()) && !(await db('conversations').where({ id: oldRun }).first()), 20_000);
    } finally {
      await queues.close();
      redis.disconnect();
    }

    // The same run closes the long-idle conversation, a new event that stays: only the old ones go.
    const { domainEvents: _recent, ...oldLeft } = await counts(oldChat);
    expect(oldLeft).toEqual({ messages: 2, runLogs: 0 });
    const oldEvents = await db('domain_events').whereRaw("payload->>'conversationId' = ?", [oldChat]).whereRaw(`created_at < ${OLD} + interval '1 day'`).first();
    expect(oldEvents).toBeUndefined();
    expect(await counts(newChat)).toEqual(before.newChat);
    expect(await db('inbound_events').where('received_at', '<', db.raw("now() - interval '30 days'")).first()).toBeUndefined();
    expect(await db('inbound_events').where('received_at', '>', db.raw("now() - interval '1 day'")).first()).toBeDefined();
    // The old test run is gone with its version, contact and simulator messages; the recent one stays.
    expect(await db('conversations').where({ id: oldRun }).first()).toBeUndefined();
    expect(await db('messages').where({ conversation_id: oldRun }).first()).toBeUndefined();
    expect((await counts(newRun)).messages).toBeGreaterThan(0);
    expect(await db('flow_versions').where({ is_test: true }).count('* as n')).toEqual([{ n: 1 }]);
    expect(await db('conversations').whereIn('id', [oldChat, newChat]).count('* as n')).toEqual([{ n: 2 }]);
  });

  it('when a backlog is larger than one batch, then one run purges a bounded amount, skipping unfinished rows; 0 days keeps all', async () => {
    const tdb = knexFactory({ client: 'pg', connection: await createTestDatabase(), pool: { min: 0, max: 2 } });
    try {
      const [tenant] = await tdb('tenants').insert({ name: 'Loja' }).returning('id');
      const [channel] = await tdb('channels').insert({ tenant_id: tenant.id, type: 'webchat', name: 'Site' }).returning('id');
      const [contact] = await tdb('contacts').insert({ tenant_id: tenant.id, channel_id: channel.id, external_id: 'v1' }).returning('id');
      const [conversation] = await tdb('conversations').insert({ tenant_id: tenant.id, channel_id: channel.id, contact_id: contact.id }).returning('id');
      await tdb.raw(
        `INSERT INTO run_logs (tenant_id, conversation_id, at, outcome) SELECT ?, ?, now() - interval '100 days', 'ok' FROM generate_series(1, 25000)`,
        [tenant.id, conversation.id],
      );
      const event = (status: string, id: string) => ({
        tenant_id: tenant.id, channel_id: channel.id, provider_event_id: id, kind: 'message', conversation_key: 'k', payload: {}, status,
        received_at: tdb.raw("now() - interval '100 days'"),
      });
      await tdb('inbound_events').insert([event('processed', 'a'), event('received', 'b'), event('queued', 'c'), event('failed', 'd')]);
      const domain = (dispatched: boolean) => ({
        tenant_id: tenant.id, type: 'message.received', payload: {}, created_at: tdb.raw("now() - interval '100 days'"),
        dispatched_at: dispatched ? tdb.raw('now()') : null,
      });
      const [, , retried] = await tdb('domain_events').insert([domain(true), domain(false), domain(true)]).returning('id');
      await tdb('domain_event_retries').insert({ tenant_id: tenant.id, event_id: retried.id, listener: 'webhooks', last_error: 'redis down', next_attempt_at: tdb.raw('now()') });
      const [hook] = await tdb('webhooks').insert({ tenant_id: tenant.id, url: 'https://hooks.example.com', events: ['message.sent'], secret_enc: 'x' }).returning('id');
      const message = (id: string, status: string) => ({
        id, tenant_id: tenant.id, webhook_id: hook.id, event_type: 'message.sent', body: '{}', status, created_at: tdb.raw("now() - interval '100 days'"),
      });
      await tdb('webhook_messages').insert([message('msg_done', 'delivered'), message('msg_failed', 'failed'), message('msg_waiting', 'pending')]);
      await tdb('webhook_deliveries').insert({ tenant_id: tenant.id, webhook_id: hook.id, message_id: 'msg_done', event_id: 'msg_done', event_type: 'message.sent', status: 'succeeded' });
      const rejection = (fingerprint: string, daysAgo: number) => ({
        tenant_id: tenant.id, channel_id: channel.id, fingerprint, reason: 'no_sender', sample: { from: '5511999990000' },
        first_seen_at: tdb.raw(`now() - interval '${daysAgo} days'`), last_seen_at: tdb.raw(`now() - interval '${daysAgo} days'`),
      });
      await tdb('inbound_rejections').insert([rejection('old', 100), rejection('recent', 1)]);

      expect(await purgeExpired({ db: tdb, retentionDays: 0 })).toBeNull();
      expect(await purgeExpired({ db: tdb, retentionDays: 90 })).toEqual({ inboundEvents: 2, domainEvents: 1, inboundRejections: 1, runLogs: 20000, testRuns: 0, webhookMessages: 2 });
      expect(await purgeExpired({ db: tdb, retentionDays: 90 })).toEqual({ inboundEvents: 0, domainEvents: 0, inboundRejections: 0, runLogs: 5000, testRuns: 0, webhookMessages: 0 });
      expect(await tdb('webhook_messages').pluck('id')).toEqual(['msg_waiting']);
      expect(await tdb('webhook_deliveries').count('* as n')).toEqual([{ n: 0 }]);
      expect(await tdb('domain_event_retries').count('* as n')).toEqual([{ n: 1 }]);
      expect((await tdb('inbound_events').orderBy('provider_event_id').pluck('status'))).toEqual(['received', 'queued']);
      expect((await tdb('domain_events').orderBy('id').pluck('id')).length).toBe(2); // undispatched, and the one still retried
      expect(await tdb('inbound_rejections').pluck('fingerprint')).toEqual(['recent']);
      expect(await tdb('conversations').where({ id: conversation.id }).first()).toBeDefined();
    } finally {
      await tdb.destroy();
    }
  });
});
