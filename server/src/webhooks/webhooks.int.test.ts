// Outbound webhooks end to end, against a loopback receiver (allow-listed) that verifies every
// delivery with the standardwebhooks library: delivered, retried on the schedule, disabled after a
// day of failures (moved clock), resent from the log, rotation overlap, test events, isolation, and
// the audit entries of adding, changing, re-keying and deleting an endpoint.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import knexFactory, { type Knex } from 'knex';
import { Webhook } from 'standardwebhooks';
import { api, signupWorkspace, startTestApp, type TestApp } from '../../test/harness';
import { eventually, startReceiver, type Received } from '../../test/webhook-receiver';
import { addMember } from '../../test/agents';
import { createQueues } from '../queues/queues';
import { createRedis } from '../queues/redis';
import { requeueOverdue } from './fan-out';
import { newMessageId } from './signing';
import { edge, flow, keywordTrigger, node } from '../../test/flow-docs';

let app: TestApp;
let db: Knex;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let owner: Awaited<ReturnType<typeof signupWorkspace>>;
let clockOffsetMs = 0;

beforeAll(async () => {
  receiver = await startReceiver();
  app = await startTestApp(
    { OUTBOUND_ALLOW_HOSTS: '127.0.0.1', WEBHOOK_RETRY_SCHEDULE: '300ms,600ms,600ms,600ms' },
    { now: () => new Date(Date.now() + clockOffsetMs) },
  );
  db = knexFactory({ client: 'pg', connection: app.config.DATABASE_URL, pool: { min: 0, max: 2 } });
  owner = await signupWorkspace(app);
});
afterAll(async () => {
  await app?.close();
  await db?.destroy();
  await receiver?.close();
});

const call = (method: string, path: string, body?: unknown, token = owner.token) => api(app, method, path, body, token);
const createEndpoint = async (path: string, events: string[], token = owner.token) => {
  const res = await call('POST', '/v1/webhook-endpoints', { url: receiver.url(path), events }, token);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; secret: string; url: string; events: string[] };
};
const at = (path: string) => receiver.received.filter((r) => r.path === path);
const verify = (secret: string, r: Received) => new Webhook(secret).verify(r.body, receiver.headersOf(r)) as { type: string; data: any };
const publish = (tenantId: string, type: string, payload: Record<string, unknown>) =>
  db('domain_events').insert({ tenant_id: tenantId, type, payload: JSON.stringify(payload) });

describe('outbound webhooks', () => {
  it('when a visitor writes on the web chat, then the subscribed events arrive signed per Standard Webhooks', async () => {
    const hook = await createEndpoint('/chat', ['contact.created', 'conversation.created', 'message.received']);
    expect(hook.secret).toMatch(/^whsec_/);
    expect((await call('GET', `/v1/webhook-endpoints/${hook.id}`)).body).not.toHaveProperty('secret');
    const channel = await call('POST', '/v1/channels', { type: 'webchat', name: 'Site' });
    const session = await api(app, 'POST', `/v1/webchat/${channel.body.id}/sessions`, {});
    await api(app, 'POST', `/v1/webchat/${channel.body.id}/messages`, { text: 'Oi', clientMessageId: 'm-00000001' }, session.body.visitorToken);
    await eventually(() => at('/chat').length === 3);
    const events = at('/chat').map((r) => verify(hook.secret, r));
    expect(events.map((e) => e.type).sort()).toEqual(['contact.created', 'conversation.created', 'message.received']);
    const message = events.find((e) => e.type === 'message.received')!;
    expect(message.data).toMatchObject({ conversationId: expect.any(String), contactId: expect.any(String), messageId: expect.any(String) });
    // Every conversation event names the channel, so a receiver can route it without reading it back.
    const created = events.find((e) => e.type === 'conversation.created')!;
    expect(created.data).toEqual({ conversationId: message.data.conversationId, contactId: message.data.contactId, channelId: channel.body.id });
    const first = at('/chat')[0]!;
    expect(first.headers['webhook-id']).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(Math.abs(Number(first.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
    await eventually(async () => (await call('GET', `/v1/webhook-endpoints/${hook.id}/deliveries`)).body.items.length === 3);
    const log = (await call('GET', `/v1/webhook-endpoints/${hook.id}/deliveries`)).body.items;
    for (const item of log) expect(item).toMatchObject({ attempt: 1, status: 'succeeded', responseCode: 200, durationMs: expect.any(Number), at: expect.any(String) });
  });

  it("when a marketer runs the builder's test chat to a transfer, then integrators, the inbox queue and the report hear nothing of it", async () => {
    const hook = await createEndpoint('/test-chat', ['message.received', 'conversation.transferred', 'flow.completed']);
    const draft = flow([keywordTrigger('promo'), node('human', 'transfer', { message: 'Já vou te passar para a equipe!' })], [edge('start', 'next', 'human')]);
    const created = await call('POST', '/v1/flows', { name: 'Promoção', document: draft });
    const run = await call('POST', `/v1/flows/${created.body.id}/test`, {});
    expect(run.status).toBe(201);
    await api(app, 'POST', `/v1/webchat/${run.body.channelId}/messages`, { text: 'promo', clientMessageId: 'm-test-chat-1' }, run.body.visitorToken);
    await eventually(async () => (await call('GET', `/v1/conversations/${run.body.conversationId}/session`)).body.status === 'ended');
    expect((await call('GET', `/v1/conversations/${run.body.conversationId}/session`)).body.endedReason).toBe('transferred');
    // A real visitor afterwards: once their message arrives, every earlier event has been fanned out.
    const channel = await call('POST', '/v1/channels', { type: 'webchat', name: 'Site real' });
    const visitor = await api(app, 'POST', `/v1/webchat/${channel.body.id}/sessions`, {});
    await api(app, 'POST', `/v1/webchat/${channel.body.id}/messages`, { text: 'Oi', clientMessageId: 'm-real-00001' }, visitor.body.visitorToken);
    await eventually(() => at('/test-chat').length >= 1);
    const arrived = at('/test-chat').map((r) => verify(hook.secret, r));
    expect(arrived.map((e) => e.type)).toEqual(['message.received']);
    expect(arrived[0]!.data.conversationId).not.toBe(run.body.conversationId);
    expect(await db('inbox_handoffs').where({ conversation_id: run.body.conversationId }).count({ n: '*' }).first()).toMatchObject({ n: 0 });
    expect(await db('domain_events').where({ type: 'conversation.transferred' }).whereRaw("payload->>'conversationId' = ?", [run.body.conversationId]).first()).toBeUndefined();
    expect((await call('GET', '/v1/reports/response-times')).body.handoffs).toMatchObject({ total: 0, waiting: 0 });
  });

  it('when the endpoint answers 500 twice, then it is retried on the schedule with the same id and then succeeds', async () => {
    const hook = await createEndpoint('/flaky', ['conversation.closed']);
    receiver.answer(500, 500, 200);
    await publish(owner.workspace.id, 'conversation.closed', { conversationId: 'c-1', status: 'closed' });
    await eventually(() => at('/flaky').length === 3);
    const calls = at('/flaky');
    for (const r of calls) expect(verify(hook.secret, r).type).toBe('conversation.closed');
    expect(new Set(calls.map((r) => r.headers['webhook-id'])).size).toBe(1);
    expect(new Set(calls.map((r) => r.body)).size).toBe(1);
    // 300 ms then 600 ms, each ±20 % jitter.
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(240);
    expect(calls[2]!.at - calls[1]!.at).toBeGreaterThanOrEqual(480);
    await eventually(async () => (await call('GET', `/v1/webhook-endpoints/${hook.id}/deliveries`)).body.items.length === 3);
    const log = (await call('GET', `/v1/webhook-endpoints/${hook.id}/deliveries`)).body.items.reverse();
    expect(log.map((d: any) => [d.attempt, d.status, d.responseCode])).toEqual([[1, 'failed', 500], [2, 'failed', 500], [3, 'succeeded', 200]]);
    receiver.answer(200);
  });

  it('when a delivery is resent from the log, then the same message arrives again and the log shows a manual attempt', async () => {
    const hook = await createEndpoint('/resend', ['flow.completed']);
    await publish(owner.workspace.id, 'flow.completed', { flowId: 'f-1' });
    await eventually(() => at('/resend').length === 1);
    let log: any[] = [];
    await eventually(async () => (log = (await call('GET', `/v1/webhook-endpoints/${hook.id}/deliveries`)).body.items).length === 1);
    const resent = await call('POST', `/v1/webhook-endpoints/${hook.id}/deliveries/${log[0].id}/resend`);
    expect(resent.status).toBe(202);
    await eventually(() => at('/resend').length === 2);
    const [original, again] = at('/resend');
    expect(again!.headers['webhook-id']).toBe(original!.headers['webhook-id']);
    expect(verify(hook.secret, again!)).toEqual(verify(hook.secret, original!));
    await eventually(async () => (log = (await call('GET', `/v1/webhook-endpoints/${hook.id}/deliveries`)).body.items).length === 2);
    expect(log[0]).toMatchObject({ attempt: 2, status: 'succeeded', manual: true });
  });

  it('when "send a test event" is used, then a signed webhook.test arrives and is logged', async () => {
    const hook = await createEndpoint('/test', ['contact.opted_out']);
    expect((await call('POST', `/v1/webhook-endpoints/${hook.id}/test`)).status).toBe(202);
    await eventually(() => at('/test').length === 1);
    expect(verify(hook.secret, at('/test')[0]!)).toMatchObject({ type: 'webhook.test', data: { endpointId: hook.id } });
    await eventually(async () => (await call('GET', `/v1/webhook-endpoints/${hook.id}/deliveries`)).body.items[0]?.event === 'webhook.test');
  });

  it('when the secret is rotated, then during the overlap both secrets verify, and afterwards only the new one', async () => {
    const hook = await createEndpoint('/rotate', ['contact.opted_out']);
    const rotated = await call('POST', `/v1/webhook-endpoints/${hook.id}/rotate-secret`, { overlapHours: 1 });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(hook.secret);
    await call('POST', `/v1/webhook-endpoints/${hook.id}/test`);
    await eventually(() => at('/rotate').length === 1);
    const during = at('/rotate')[0]!;
    expect(String(during.headers['webhook-signature']).split(' ')).toHaveLength(2);
    for (const secret of [hook.secret, rotated.body.secret]) expect(verify(secret, during).type).toBe('webhook.test');
    await call('POST', `/v1/webhook-endpoints/${hook.id}/rotate-secret`, { overlapHours: 0 });
    const latest = (await call('POST', `/v1/webhook-endpoints/${hook.id}/rotate-secret`, { overlapHours: 0 })).body.secret;
    await call('POST', `/v1/webhook-endpoints/${hook.id}/test`);
    await eventually(() => at('/rotate').length === 2);
    const after = at('/rotate')[1]!;
    expect(verify(latest, after).type).toBe('webhook.test');
    expect(() => verify(rotated.body.secret, after)).toThrow();
  });

  it('when another workspace or an agent uses an endpoint id, then it is 404 or 403, and events never cross workspaces', async () => {
    const hook = await createEndpoint('/mine', ['contact.opted_out']);
    const other = await signupWorkspace(app);
    const theirs = await createEndpoint('/theirs', ['contact.opted_out'], other.token);
    const log = (await call('GET', `/v1/webhook-endpoints/${(await createEndpoint('/x', ['contact.opted_out'])).id}/deliveries`)).body;
    expect(log.items).toEqual([]);
    const attempts: Array<[string, string, unknown?]> = [
      ['GET', `/v1/webhook-endpoints/${hook.id}`], ['PATCH', `/v1/webhook-endpoints/${hook.id}`, { events: ['message.sent'] }],
      ['POST', `/v1/webhook-endpoints/${hook.id}/rotate-secret`, {}], ['POST', `/v1/webhook-endpoints/${hook.id}/test`],
      ['GET', `/v1/webhook-endpoints/${hook.id}/deliveries`], ['DELETE', `/v1/webhook-endpoints/${hook.id}`],
    ];
    for (const [method, path, body] of attempts) expect((await call(method, path, body, other.token)).status, `${method} ${path}`).toBe(404);
    expect((await call('GET', '/v1/webhook-endpoints', undefined, other.token)).body.items.map((e: any) => e.id)).toEqual([theirs.id]);
    expect((await call('GET', `/v1/webhook-endpoints/${hook.id}`)).body).toMatchObject({ events: ['contact.opted_out'], active: true });

    await publish(owner.workspace.id, 'contact.opted_out', { contactId: 'c-9' });
    await eventually(() => at('/mine').length === 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(at('/theirs')).toEqual([]);

    const { token: agent } = await addMember(app, owner.workspace.id, 'Bia', 'agent');
    for (const [method, path, body] of [['GET', '/v1/webhook-endpoints'], ['POST', '/v1/webhook-endpoints', { url: receiver.url(), events: ['message.sent'] }], ...attempts] as Array<[string, string, unknown?]>) {
      expect((await call(method, path, body, agent)).status, `${method} ${path}`).toBe(403);
    }
  });

  it('when an endpoint is added, changed, re-keyed and deleted, then the owner audit log says who did each, never with a secret, and only in its workspace', async () => {
    const hook = await createEndpoint('/audited', ['message.received']);
    const moved = await call('PATCH', `/v1/webhook-endpoints/${hook.id}`, { url: receiver.url('/audited-2'), events: ['message.received', 'message.sent'], active: false });
    expect(moved.status).toBe(200);
    // Saving what is already there is no change, and no entry.
    expect((await call('PATCH', `/v1/webhook-endpoints/${hook.id}`, { active: false, events: ['message.sent', 'message.received'] })).status).toBe(200);
    const rotated = (await call('POST', `/v1/webhook-endpoints/${hook.id}/rotate-secret`, { overlapHours: 0 })).body;
    // An API key acts for its creator, who is the entry's actor (as for every audited action).
    const key = (await call('POST', '/v1/api-keys', { name: 'ERP', role: 'admin' })).body.key;
    expect((await call('DELETE', `/v1/webhook-endpoints/${hook.id}`, undefined, key)).status).toBe(204);

    const log = (await call('GET', '/v1/audit-log?limit=200')).body.items.filter((i: { targetId: string }) => i.targetId === hook.id);
    expect(log.map((i: { action: string }) => i.action)).toEqual([
      'webhook_endpoint.deleted', 'webhook_endpoint.secret_rotated', 'webhook_endpoint.updated', 'webhook_endpoint.created',
    ]);
    const [deleted, rekeyed, updated, created] = log;
    for (const entry of log) expect(entry).toMatchObject({ targetType: 'webhook_endpoint', actor: { id: owner.user.id }, at: expect.any(String) });
    expect(created).toMatchObject({ targetName: hook.url, data: { url: hook.url, events: ['message.received'] } });
    expect(updated).toMatchObject({ targetName: moved.body.url, data: { url: moved.body.url, previousUrl: hook.url, changed: ['url', 'events', 'active'], active: false } });
    expect(rekeyed).toMatchObject({ targetName: moved.body.url, data: { url: moved.body.url } });
    expect(deleted).toMatchObject({ targetName: moved.body.url, data: { url: moved.body.url } });
    const text = JSON.stringify(log);
    for (const secret of [hook.secret, rotated.secret, 'whsec_', 'secret_enc']) expect(text).not.toContain(secret);

    const other = await signupWorkspace(app);
    const theirs = (await call('GET', '/v1/audit-log?limit=200', undefined, other.token)).body.items;
    expect(theirs.filter((i: { action: string }) => i.action.startsWith('webhook_endpoint.'))).toEqual([]);
  });

  it('when a delivery job was lost (Redis wiped), then the housekeeping sweep enqueues it again and it arrives', async () => {
    const hook = await createEndpoint('/lost', ['conversation.assigned']);
    const id = newMessageId();
    const body = JSON.stringify({ type: 'conversation.assigned', timestamp: new Date().toISOString(), data: { conversationId: 'c-lost' } });
    await db('webhook_messages').insert({ id, tenant_id: owner.workspace.id, webhook_id: hook.id, event_type: 'conversation.assigned', body, created_at: new Date(Date.now() - 10 * 60_000) });
    const redis = createRedis(app.config, 'request');
    const queues = createQueues(redis, app.config.QUEUE_PREFIX);
    try {
      expect(await requeueOverdue({ db, queues })).toBe(1);
    } finally {
      await queues.close();
      redis.disconnect();
    }
    await eventually(() => at('/lost').length === 1);
    expect(verify(hook.secret, at('/lost')[0]!).data).toEqual({ conversationId: 'c-lost' });
    await eventually(async () => (await db('webhook_messages').where({ id }).first()).status === 'delivered');
  });

  it('when the input is malformed, then the answer is 400', async () => {
    for (const body of [{}, { url: receiver.url(), events: [] }, { url: receiver.url(), events: ['message.deleted'] }, { url: 'ftp://x.example.com', events: ['message.sent'] }, { url: 'not a url', events: ['message.sent'] }]) {
      expect((await call('POST', '/v1/webhook-endpoints', body)).status, JSON.stringify(body)).toBe(400);
    }
    expect((await call('GET', '/v1/webhook-endpoints/not-a-uuid')).status).toBe(404);
    // One event named where a list goes: told it must be a list, not that a text is too long.
    const single = await call('POST', '/v1/webhook-endpoints', { url: receiver.url(), events: 'message.received' });
    expect([single.status, single.body.error.issues]).toEqual([400, [expect.objectContaining({ path: 'events', code: 'invalid_type', message: 'Invalid input: expected array, received string' })]]);
  });

  it('when every attempt of a delivery\'s whole schedule fails, then the endpoint is disabled with a notice, even short of the day', async () => {
    const hook = await createEndpoint('/dead', ['message.sent']);
    receiver.answer(503);
    await publish(owner.workspace.id, 'message.sent', { messageId: 'm-0', conversationId: 'c-0' });
    await eventually(async () => (await call('GET', `/v1/webhook-endpoints/${hook.id}`)).body.active === false);
    expect(at('/dead')).toHaveLength(5); // the first attempt and the schedule's four
    expect((await call('GET', `/v1/webhook-endpoints/${hook.id}`)).body).toMatchObject({ active: false, disabledReason: 'failing' });
    const notices = (await call('GET', '/v1/notices')).body.items;
    expect(notices.find((n: any) => n.data.endpointId === hook.id)).toMatchObject({ kind: 'webhook_endpoint_disabled', data: { reason: 'failing' } });
    receiver.answer(200);
  });

  it('when an endpoint keeps failing for a day, then it is disabled, its owners get a notice and nothing more is sent', async () => {
    const hook = await createEndpoint('/down', ['message.sent']);
    receiver.answer(503);
    await publish(owner.workspace.id, 'message.sent', { messageId: 'm-1', conversationId: 'c-1' });
    await eventually(async () => (await call('GET', `/v1/webhook-endpoints/${hook.id}`)).body.failingSince !== null);
    clockOffsetMs = 24 * 3_600_000 + 60_000; // the next attempts happen a day and a minute later
    await eventually(async () => (await call('GET', `/v1/webhook-endpoints/${hook.id}`)).body.active === false);
    expect((await call('GET', `/v1/webhook-endpoints/${hook.id}`)).body).toMatchObject({ active: false, disabledReason: 'failing' });
    const notices = (await call('GET', '/v1/notices')).body.items;
    expect(notices.find((n: any) => n.data.endpointId === hook.id)).toMatchObject({ kind: 'webhook_endpoint_disabled', data: { reason: 'failing' } });
    const sent = at('/down').length;
    expect(sent).toBeGreaterThanOrEqual(2);
    await new Promise((r) => setTimeout(r, 1_500)); // longer than the remaining schedule
    expect(at('/down')).toHaveLength(sent);
    expect((await call('POST', `/v1/webhook-endpoints/${hook.id}/test`)).status).toBe(409);
    clockOffsetMs = 0;
    receiver.answer(200);
  });
});
