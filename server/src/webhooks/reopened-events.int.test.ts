// What integrators hear when a closed conversation opens again, against a loopback receiver that
// checks each signature: one conversation.reopened per reopen, whoever reopened it (the customer's
// message, back with the bot; or a member, who also sends the conversation.assigned it always did),
// never two for one reopen, none for a message handled again, and only to the workspace's own
// endpoints. Two customer messages racing to reopen one chat: server/src/runner/reopen-race.int.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import knexFactory, { type Knex } from 'knex';
import { Webhook } from 'standardwebhooks';
import { api } from '../../test/harness';
import { otherWorkspace, startPipeline, type Pipeline } from '../../test/pipeline';
import { eventually, startReceiver } from '../../test/webhook-receiver';
import { textMessage } from '../../test/fakes/whatsapp-payloads';

let p: Pipeline;
let db: Knex;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let me: string;

beforeAll(async () => {
  receiver = await startReceiver();
  p = await startPipeline({ OUTBOUND_ALLOW_HOSTS: '127.0.0.1' });
  db = knexFactory({ client: 'pg', connection: p.app.config.DATABASE_URL, pool: { min: 0, max: 4 } });
  me = (await call('GET', '/v1/me')).body.user.id;
});
afterAll(async () => {
  await p?.close();
  await db?.destroy();
  await receiver?.close();
});

const call = (method: string, path: string, body?: unknown, token = p.token) => api(p.app, method, path, body, token);

type Delivered = { id: string; type: string; timestamp: string; data: Record<string, unknown> };

/** An endpoint of the workspace `token` signs in to, and what it received so far about a conversation (each verified). */
async function endpoint(path: string, events: string[], token = p.token) {
  const res = await call('POST', '/v1/webhook-endpoints', { url: receiver.url(path), events }, token);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const secret = res.body.secret as string;
  return (conversationId: string): Delivered[] => receiver.received.filter((r) => r.path === path).map((r) => {
    const headers = receiver.headersOf(r);
    return { id: headers['webhook-id']!, ...(new Webhook(secret).verify(r.body, headers) as Omit<Delivered, 'id'>) };
  }).filter((e) => e.data.conversationId === conversationId);
}

/** Long enough for anything else the reopen was going to send to have arrived too. */
const settle = () => new Promise((r) => setTimeout(r, 700));

async function openConversation(waId: string, token = p.token): Promise<{ id: string; contactId: string; channelId: string }> {
  let found: { id: string; contactId: string; channelId: string } | undefined;
  await eventually(async () => {
    const items = (await call('GET', '/v1/conversations', undefined, token)).body.items as Array<{ id: string; status: string; channelId: string; contact: { id: string; phone: string } }>;
    const c = items.find((x) => x.contact.phone?.replace(/\D/g, '') === waId && x.status !== 'closed');
    found = c && { id: c.id, contactId: c.contact.id, channelId: c.channelId };
    return found !== undefined;
  });
  return found!;
}

const statusOf = async (id: string, token = p.token) => (await call('GET', `/v1/conversations/${id}`, undefined, token)).body.status as string;

async function closed(id: string, token = p.token) {
  expect((await call('POST', `/v1/conversations/${id}/close`, {}, token)).status).toBe(200);
}

/** When the reopen's domain event was created: the time a webhook names. */
const reopenedAt = async (id: string) => (await db('domain_events').where({ type: 'conversation.reopened' }).whereRaw("payload->>'conversationId' = ?", [id])
  .orderBy('id').select('created_at')).map((r: { created_at: Date }) => r.created_at.toISOString());

describe('conversation.reopened for integrators', () => {
  it('when an owner picks the events of an endpoint, then conversation.reopened is offered, and the API description lists it', async () => {
    expect((await call('GET', '/v1/webhook-endpoints')).body.eventTypes).toContain('conversation.reopened');
    const described = (await call('GET', '/v1/openapi.json')).body;
    const body = described.paths['/v1/webhook-endpoints'].post.requestBody.content['application/json'].schema;
    expect(JSON.stringify(body)).toContain('"conversation.reopened"');
  });

  it('when the customer writes in a closed chat, then conversation.reopened says so once, back with the bot; a redelivery of that message sends nothing', async () => {
    const received = await endpoint('/customer', ['conversation.reopened', 'conversation.assigned']);
    await p.wa.inbound({ waId: '5511700000001' }, textMessage('Oi'));
    const conv = await openConversation('5511700000001');
    await closed(conv.id);
    const { raw } = await p.wa.inbound({ waId: '5511700000001' }, textMessage('Voltei, ainda tem o bolo?'));
    await eventually(() => received(conv.id).length === 1);
    expect(await statusOf(conv.id)).toBe('bot');
    const [event] = received(conv.id);
    expect(event).toMatchObject({ type: 'conversation.reopened', timestamp: (await reopenedAt(conv.id))[0] });
    expect(event!.data).toEqual({
      conversationId: conv.id, contactId: conv.contactId, channelId: p.channelId, status: 'bot', previousStatus: 'closed', assigneeId: null, by: null,
    });

    // WhatsApp delivers the same message again, also after the chat was closed once more: nothing reopens it.
    expect((await p.wa.inbound({ waId: '5511700000001' }, textMessage('Voltei, ainda tem o bolo?'), { raw })).status).toBe(200);
    await closed(conv.id);
    expect((await p.wa.inbound({ waId: '5511700000001' }, textMessage('Voltei, ainda tem o bolo?'), { raw })).status).toBe(200);
    await settle();
    expect(await statusOf(conv.id)).toBe('closed');
    expect(received(conv.id).map((e) => e.type)).toEqual(['conversation.reopened']);
    expect(await reopenedAt(conv.id)).toHaveLength(1);

    // Once retention purged its inbound event (or an operator retried it), that message reaches the
    // handler again: it was stored already, so the chat stays closed, no new chat starts, nothing is announced.
    const { provider_message_id: pid } = await db('messages').where({ conversation_id: conv.id, text: 'Voltei, ainda tem o bolo?' }).first('provider_message_id');
    await db('inbound_events').where({ provider_event_id: pid }).del();
    expect((await p.wa.inbound({ waId: '5511700000001' }, textMessage('Voltei, ainda tem o bolo?'), { raw })).status).toBe(200);
    await eventually(async () => (await db('inbound_events').where({ provider_event_id: pid }).first('status'))?.status === 'processed');
    await settle();
    expect(await statusOf(conv.id)).toBe('closed');
    expect(await db('conversations').where({ contact_id: conv.contactId }).pluck('id')).toEqual([conv.id]);
    expect(await db('messages').where({ provider_message_id: pid }).pluck('conversation_id')).toEqual([conv.id]);
    expect(received(conv.id).map((e) => e.type)).toEqual(['conversation.reopened']);
    expect(await reopenedAt(conv.id)).toHaveLength(1);
    // Something new still opens it again, back with the bot.
    await p.wa.inbound({ waId: '5511700000001' }, textMessage('Oi de novo'));
    await eventually(async () => (await statusOf(conv.id)) === 'bot');
    await eventually(() => received(conv.id).length === 2);
  });

  it('when a member reopens a closed chat, then conversation.reopened names them, and conversation.assigned is sent exactly as before, also when two click at once', async () => {
    const both = await endpoint('/member-both', ['conversation.assigned', 'conversation.reopened']);
    const assignedOnly = await endpoint('/member-assigned', ['conversation.assigned']);
    await p.wa.inbound({ waId: '5511700000002' }, textMessage('Oi'));
    const conv = await openConversation('5511700000002');
    expect((await call('POST', `/v1/conversations/${conv.id}/assign`, { assigneeId: me })).status).toBe(200);
    await closed(conv.id);
    // Taking it was an assignment already.
    await eventually(() => both(conv.id).length === 1 && assignedOnly(conv.id).length === 1);

    // A double click: both requests at once reopen it once.
    const reopens = await Promise.all([0, 1].map(() => call('POST', `/v1/conversations/${conv.id}/reopen`)));
    expect(reopens.map((r) => [r.status, r.body.status])).toEqual([[200, 'human'], [200, 'human']]);
    await eventually(() => both(conv.id).length === 3 && assignedOnly(conv.id).length === 2);
    await settle();
    const at = await reopenedAt(conv.id);
    expect(at).toHaveLength(1);
    const reopened = both(conv.id).filter((e) => e.type === 'conversation.reopened');
    expect(reopened).toHaveLength(1);
    expect(reopened[0]).toMatchObject({ timestamp: at[0] });
    expect(reopened[0]!.data).toEqual({
      conversationId: conv.id, contactId: conv.contactId, channelId: p.channelId, status: 'human', previousStatus: 'closed', assigneeId: me, by: me,
    });
    // The assignment an existing subscriber already handles: the same fields, nothing added.
    const assigned = { conversationId: conv.id, status: 'human', assigneeId: me, teamId: null, previousStatus: 'closed', previousAssigneeId: me, by: me };
    expect(assignedOnly(conv.id).map((e) => e.type)).toEqual(['conversation.assigned', 'conversation.assigned']);
    expect(assignedOnly(conv.id)[1]).toMatchObject({ timestamp: at[0] });
    expect(assignedOnly(conv.id)[1]!.data).toEqual(assigned);
    const alsoAssigned = both(conv.id).filter((e) => e.type === 'conversation.assigned').slice(1);
    expect(alsoAssigned).toHaveLength(1);
    expect(alsoAssigned[0]!.data).toEqual(assigned);
    // Two deliveries of one domain event: each its own webhook-id, so a receiver's dedupe keeps both.
    expect(alsoAssigned[0]!.id).not.toBe(reopened[0]!.id);
  });

  it("when a chat reopens, then only its own workspace's endpoints hear of it", async () => {
    const other = await otherWorkspace(p, 'Outra Loja', '206540352242922');
    const mine = await endpoint('/mine', ['conversation.reopened']);
    const theirs = await endpoint('/theirs', ['conversation.reopened'], other.token);
    await p.wa.inbound({ waId: '5511700000004' }, textMessage('Oi'));
    await other.inbound('5511700000004', 'Oi');
    const ours = await openConversation('5511700000004');
    const their = await openConversation('5511700000004', other.token);
    await closed(ours.id);
    await closed(their.id, other.token);
    await p.wa.inbound({ waId: '5511700000004' }, textMessage('Voltei'));
    expect((await call('POST', `/v1/conversations/${their.id}/reopen`, {}, other.token)).status).toBe(200);
    await eventually(() => mine(ours.id).length === 1 && theirs(their.id).length === 1);
    await settle();
    expect(mine(ours.id)[0]!.data).toMatchObject({ channelId: p.channelId, by: null });
    expect(theirs(their.id)[0]!.data).toMatchObject({ channelId: other.channelId, status: 'human' });
    expect(mine(their.id)).toEqual([]);
    expect(theirs(ours.id)).toEqual([]);
    const pathsOf = (id: string) => new Set(receiver.received.filter((r) => r.body.includes(id)).map((r) => r.path));
    expect(pathsOf(their.id)).toEqual(new Set(['/theirs']));
    expect(pathsOf(ours.id).has('/theirs')).toBe(false);
  });
});
