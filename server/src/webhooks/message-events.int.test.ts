// What an integrator's receiver hears of messages, set up the way a shop's developer does it: an API
// key, an endpoint on the loopback, a WhatsApp customer writing and a template sent back through the
// API. Each message event carries the message as GET .../messages answers it, so nobody calls back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { Webhook } from 'standardwebhooks';
import knexFactory from 'knex';
import { forTenant } from '../db/tenant-db';
import { api } from '../../test/harness';
import { imageMessage, textMessage } from '../../test/fakes/whatsapp-payloads';
import { eventually, otherWorkspace, startPipeline, type Pipeline } from '../../test/pipeline';
import { pagesRead } from '../../test/db';
import { startReceiver } from '../../test/webhook-receiver';
import { unsentMessagesOf } from './webhooks.queries';

let p: Pipeline;
let db: pg.Client;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let key: string;
let secret: string;

beforeAll(async () => {
  receiver = await startReceiver();
  p = await startPipeline({ OUTBOUND_ALLOW_HOSTS: '127.0.0.1' });
  db = new pg.Client({ connectionString: p.app.config.DATABASE_URL });
  await db.connect();
  p.wa.addTemplate({
    name: 'pedido_saiu', language: 'pt_BR', status: 'APPROVED', bodyParams: 1, headerParams: 1,
    components: [
      { type: 'HEADER', format: 'TEXT', text: 'Pedido {{1}}', example: { header_text: ['#1023'] } },
      { type: 'BODY', text: 'Olá {{1}}, seu pedido saiu para entrega.', example: { body_text: [['Ana']] } },
      { type: 'FOOTER', text: 'Loja Exemplo' },
      { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Quero!' }] },
    ],
  });
  key = (await api(p.app, 'POST', '/v1/api-keys', { name: 'ERP da loja', role: 'admin' }, p.token)).body.key;
  expect((await api(p.app, 'POST', `/v1/channels/${p.channelId}/templates/sync`, {}, key)).status).toBe(200);
  const hook = await api(p.app, 'POST', '/v1/webhook-endpoints', { url: receiver.url('/erp'), events: ['message.received', 'message.sent', 'message.status', 'message.media_stored'] }, key);
  expect(hook.status, JSON.stringify(hook.body)).toBe(201);
  secret = hook.body.secret;
});
afterAll(async () => {
  await db?.end();
  await p?.close();
  await receiver?.close();
});

type Event = { type: string; timestamp: string; data: Record<string, any> };
/** What the receiver got so far, each verified with the endpoint's secret as Standard Webhooks says. */
const events = (): Event[] => receiver.received.filter((r) => r.path === '/erp').map((r) => new Webhook(secret).verify(r.body, receiver.headersOf(r)) as Event);
const eventOf = (type: string, messageId: string, status?: string) =>
  eventually(() => events().find((e) => e.type === type && e.data.messageId === messageId && (!status || e.data.status === status)));
const messagesOf = async (id: string) => (await api(p.app, 'GET', `/v1/conversations/${id}/messages`, undefined, key)).body.items as any[];

describe('message events for integrators', () => {
  it('when a customer writes and the shop answers with a template, then received, sent and status events carry the message as the API reads it', async () => {
    const waId = '5511440000001';
    await p.wa.inbound({ waId, name: 'Ana Souza' }, textMessage('Cadê meu pedido?'));
    const received = await eventually(() => events().find((e) => e.type === 'message.received'));
    const conversationId = received.data.conversationId as string;
    const [inbound] = await messagesOf(conversationId);
    expect(received.data).toEqual({ conversationId, contactId: expect.any(String), channelId: p.channelId, messageId: inbound.id, message: inbound });
    expect(received.data.message).toMatchObject({ direction: 'in', author: 'contact', type: 'text', text: 'Cadê meu pedido?' });

    const template = { name: 'pedido_saiu', language: 'pt_BR', parameters: { body: ['{{contact.name}}'], header: { type: 'text', value: '#1023' } } };
    const sent = await api(p.app, 'POST', `/v1/conversations/${conversationId}/messages`, { template }, key);
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const out = await eventOf('message.sent', sent.body.id);
    expect(out.data).toMatchObject({ conversationId, contactId: received.data.contactId, channelId: p.channelId });
    expect(out.data.message).toMatchObject({
      id: sent.body.id, direction: 'out', author: 'agent', type: 'template', text: 'Olá Ana Souza, seu pedido saiu para entrega.',
      template: { name: 'pedido_saiu', language: 'pt_BR', header: { type: 'text', text: 'Pedido #1023' }, footer: 'Loja Exemplo', buttons: [{ type: 'quick_reply', text: 'Quero!' }] },
    });
    expect(out.data.message).toEqual({ ...sent.body, status: out.data.message.status });

    const wamid = (await db.query('SELECT provider_message_id FROM messages WHERE id = $1', [sent.body.id])).rows[0].provider_message_id as string;
    await p.wa.status(wamid, 'delivered', waId);
    const delivered = await eventOf('message.status', sent.body.id, 'delivered');
    expect(delivered.data).toMatchObject({ conversationId, contactId: received.data.contactId, status: 'delivered', message: { id: sent.body.id, type: 'template', status: 'delivered' } });
  });

  it("when an event names another workspace's message, then it carries the ids it had and nothing of that message", async () => {
    const other = await otherWorkspace(p, 'Outra Loja', 'PN-OTHER-MSG');
    await other.inbound('5511440000002', 'Mensagem de outra loja');
    const theirs = await eventually(async () => (await db.query(
      "SELECT id, conversation_id FROM messages WHERE tenant_id = $1 AND direction = 'in'", [other.tenantId])).rows[0] as { id: string; conversation_id: string } | undefined);
    await db.query("INSERT INTO domain_events (tenant_id, type, payload) VALUES ($1, 'message.sent', $2)",
      [p.tenantId, JSON.stringify({ messageId: theirs.id, conversationId: theirs.conversation_id })]);
    const event = await eventOf('message.sent', theirs.id);
    expect(event.data).toEqual({ messageId: theirs.id, conversationId: theirs.conversation_id });
    expect(JSON.stringify(events())).not.toContain('Mensagem de outra loja');
  });
  it('when a message already stored is handled again (an operator retries its inbound event), then no second message.received goes out', async () => {
    const waId = '5511440000003';
    const { id: wamid } = await p.wa.inbound({ waId, name: 'Caio' }, textMessage('Oi de novo'));
    const received = () => events().filter((e) => e.type === 'message.received' && (!e.data.messageId || e.data.message?.text === 'Oi de novo'));
    await eventually(() => received().length === 1);
    const { rows: [row] } = await db.query(
      "UPDATE inbound_events SET status = 'failed', error = 'handler_failed: test' WHERE tenant_id = $1 AND provider_event_id = $2 AND status = 'processed' RETURNING id",
      [p.tenantId, wamid]);
    expect((await api(p.app, 'POST', `/v1/operations/failures/events/${row.id}/retry`, undefined, key)).body).toEqual({ retried: true });
    await eventually(async () => (await db.query('SELECT status FROM inbound_events WHERE id = $1', [row.id])).rows[0].status === 'processed');
    await new Promise((r) => setTimeout(r, 500));
    expect(received()).toHaveLength(1);
    expect(received()[0]!.data.messageId).toEqual(expect.any(String));
  });

  it('when a customer sends a photo, then message.media_stored says when the file can be downloaded, and the key downloads it', async () => {
    const photo = Buffer.from('comprovante de pagamento em jpeg');
    p.wa.addMedia('MID-COMPROVANTE', photo, 'image/jpeg');
    await p.wa.inbound({ waId: '5511440000004', name: 'Duda' }, imageMessage('MID-COMPROVANTE', 'segue o comprovante'));
    const received = await eventually(() => events().find((e) => e.type === 'message.received' && e.data.message?.text === 'segue o comprovante'));
    const stored = await eventOf('message.media_stored', received.data.messageId);
    expect(stored.data).toMatchObject({
      conversationId: received.data.conversationId, contactId: received.data.contactId, channelId: p.channelId,
      mimeType: 'image/jpeg', size: photo.byteLength, message: { id: received.data.messageId, type: 'image', media: { status: 'stored', mime: 'image/jpeg' } },
    });
    const link = await api(p.app, 'GET', `/v1/conversations/${stored.data.conversationId}/messages/${stored.data.messageId}/media`, undefined, key);
    expect(link.status).toBe(200);
    expect(Buffer.from(await (await fetch(link.body.url)).arrayBuffer())).toEqual(photo);
  });

  it('when an endpoint has 20,000 deliveries waiting for a retry, then fanning out a new event reads only that event\'s rows', async () => {
    const [hook] = (await db.query('SELECT id FROM webhooks WHERE tenant_id = $1', [p.tenantId])).rows;
    // The shop's receiver was down for a day: its deliveries wait for their next attempt.
    await db.query(`INSERT INTO webhook_messages (id, tenant_id, webhook_id, domain_event_id, event_type, body, status, attempts, next_attempt_at)
      SELECT 'msg_backlog_' || g, $1, $2, 1000000 + g, 'message.received', '{}', 'pending', 3, now() + interval '1 hour'
      FROM generate_series(1, 20000) g`, [p.tenantId, hook.id]);
    // A query builder with no connection: only the SQL it writes is needed.
    const unsent = unsentMessagesOf(forTenant(knexFactory({ client: 'pg' }), p.tenantId), 2_000_000, [hook.id]) as unknown as { toSQL(): { toNative(): { sql: string; bindings: unknown[] } } };
    const { sql, bindings } = unsent.toSQL().toNative();
    try {
      const { pages, plan } = await pagesRead(p.app.config.DATABASE_URL, sql, bindings);
      // Before, the read walked the waiting deliveries: hundreds of pages here, growing with the backlog.
      expect(pages, JSON.stringify(plan)).toBeLessThan(20);
    } finally {
      await db.query("DELETE FROM webhook_messages WHERE id LIKE 'msg_backlog_%'");
    }
  });
});
