// Two messages of a customer stored at the same moment into their closed chat: the first reopens
// it, the second finds it open. One conversation.reopened reaches the integrator's endpoint (its
// signature checked), never two.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import knexFactory, { type Knex } from 'knex';
import { Webhook } from 'standardwebhooks';
import { api } from '../../test/harness';
import { startPipeline, eventually, type Pipeline } from '../../test/pipeline';
import { startReceiver } from '../../test/webhook-receiver';
import { textMessage } from '../../test/fakes/whatsapp-payloads';
import { forTenant } from '../db/tenant-db';
import { storeInbound } from './store-inbound.queries';

let p: Pipeline;
let db: Knex;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  receiver = await startReceiver();
  p = await startPipeline({ OUTBOUND_ALLOW_HOSTS: '127.0.0.1' });
  db = knexFactory({ client: 'pg', connection: p.app.config.DATABASE_URL, pool: { min: 0, max: 4 } });
});
afterAll(async () => {
  await p?.close();
  await db?.destroy();
  await receiver?.close();
});

const call = (method: string, path: string, body?: unknown) => api(p.app, method, path, body, p.token);

describe('a closed chat reopened by two messages at once', () => {
  it('when two messages of the customer reopen a closed chat at the same moment, then it is reopened once and announced once', async () => {
    const hook = await call('POST', '/v1/webhook-endpoints', { url: receiver.url('/race'), events: ['conversation.reopened'] });
    expect(hook.status).toBe(201);
    await p.wa.inbound({ waId: '5511700000003' }, textMessage('Oi'));
    const conv = await eventually<{ id: string; contact_id: string }>(() => db('conversations').where({ tenant_id: p.tenantId }).first('id', 'contact_id'));
    expect((await call('POST', `/v1/conversations/${conv.id}/close`, {})).status).toBe(200);
    const contact = await db('contacts').where({ id: conv.contact_id }).first('external_id', 'phone', 'name');
    const message = (n: number) => ({
      channelId: p.channelId, contact: { externalId: contact.external_id, phone: contact.phone, name: contact.name },
      content: { type: 'text' as const, text: `Mensagem ${n}`, replyId: null, media: null }, providerMessageId: `wamid.race-${n}`, at: new Date().toISOString(),
    });

    // The first holds the reopened row while the second runs into it.
    const first = await db.transaction();
    expect((await storeInbound(forTenant(first, p.tenantId), message(1))).conversation).toMatchObject({ id: conv.id, reopened: true });
    const second = db.transaction(async (trx) => storeInbound(forTenant(trx, p.tenantId), message(2)));
    await new Promise((r) => setTimeout(r, 300));
    await first.commit();
    expect((await second).conversation).toMatchObject({ id: conv.id, reopened: false });

    const received = () => receiver.received.filter((r) => r.path === '/race')
      .map((r) => new Webhook(hook.body.secret).verify(r.body, receiver.headersOf(r)) as { type: string; data: Record<string, unknown> });
    await eventually(() => received().length === 1);
    await new Promise((r) => setTimeout(r, 700));
    expect(received()).toEqual([expect.objectContaining({ type: 'conversation.reopened', data: expect.objectContaining({ conversationId: conv.id, status: 'bot', by: null }) })]);
    const count = async (q: Knex.QueryBuilder) => Number((await q.count({ n: '*' }).first())?.n);
    expect(await count(db('domain_events').where({ type: 'conversation.reopened' }))).toBe(1);
    expect(await count(db('messages').where({ conversation_id: conv.id, direction: 'in' }))).toBe(3);
  });
});
