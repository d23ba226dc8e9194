// What integrators hear of the inbox's actions on a conversation, against a loopback receiver: each
// change once and as it happened, nothing for an action that changed nothing, and a clear 4xx for
// an action the conversation's state does not allow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import knexFactory, { type Knex } from 'knex';
import { Webhook } from 'standardwebhooks';
import { api, signupWorkspace, startTestApp, type TestApp } from '../../test/harness';
import { eventually, startReceiver } from '../../test/webhook-receiver';
import { edge, flow, keywordTrigger, node } from '../../test/flow-docs';
import { addAgent } from '../../test/agents';

let app: TestApp;
let db: Knex;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let owner: Awaited<ReturnType<typeof signupWorkspace>>;
let channelId: string;
let me: string;

beforeAll(async () => {
  receiver = await startReceiver();
  app = await startTestApp({ OUTBOUND_ALLOW_HOSTS: '127.0.0.1' });
  db = knexFactory({ client: 'pg', connection: app.config.DATABASE_URL, pool: { min: 0, max: 2 } });
  owner = await signupWorkspace(app);
  me = (await call('GET', '/v1/me')).body.user.id;
  channelId = (await call('POST', '/v1/channels', { type: 'webchat', name: 'Site' })).body.id;
});
afterAll(async () => {
  await app?.close();
  await db?.destroy();
  await receiver?.close();
});

const call = (method: string, path: string, body?: unknown, token = owner.token) => api(app, method, path, body, token);

/** An endpoint, and what it received so far (verified and decoded). */
async function endpoint(path: string, events: string[]) {
  const res = await call('POST', '/v1/webhook-endpoints', { url: receiver.url(path), events });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const secret = res.body.secret as string;
  return (conversationId: string) => receiver.received.filter((r) => r.path === path)
    .map((r) => new Webhook(secret).verify(r.body, receiver.headersOf(r)) as { type: string; data: Record<string, any> })
    .filter((e) => e.data.conversationId === conversationId);
}

/** Long enough for an event published before the one just awaited to have arrived too. */
const settle = () => new Promise((r) => setTimeout(r, 500));

/** A visitor writes on the web chat; their conversation's id (a bot conversation, unless `text` starts a flow). */
async function conversationOf(name: string, text = 'Oi'): Promise<string> {
  const visitor = await api(app, 'POST', `/v1/webchat/${channelId}/sessions`, { name });
  await api(app, 'POST', `/v1/webchat/${channelId}/messages`, { text }, visitor.body.visitorToken);
  let id: string | undefined;
  await eventually(async () => {
    const items = (await call('GET', `/v1/conversations?channelId=${channelId}`)).body.items as Array<{ id: string; contact: { name: string } }>;
    id = items.find((c) => c.contact.name === name)?.id;
    return id !== undefined;
  });
  return id!;
}

const position = async () => (await call('GET', '/v1/events')).body.nextAfter as number;
const eventsSince = async (after: number, conversationId: string) =>
  ((await call('GET', `/v1/events?after=${after}`)).body.items as Array<{ type: string; conversationId?: string }>).filter((e) => e.conversationId === conversationId);

describe('conversation events for integrators', () => {
  it('when a closed chat is handed back, then 409 "closed", also when the contact has a newer open conversation, and nothing is published', async () => {
    const id = await conversationOf('Ana');
    expect((await call('POST', `/v1/conversations/${id}/close`)).status).toBe(200);
    const start = await position();
    const refused = await call('POST', `/v1/conversations/${id}/handback`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'conflict', status: 'closed', message: 'This conversation is closed' });
    expect((await call('GET', `/v1/conversations/${id}`)).body.status).toBe('closed');
    // A newer conversation of the same contact is open (as a campaign opens one): still 409, never a 500.
    await db.raw("INSERT INTO conversations (tenant_id, channel_id, contact_id, status) SELECT tenant_id, channel_id, contact_id, 'bot' FROM conversations WHERE id = ?", [id]);
    const clash = await call('POST', `/v1/conversations/${id}/handback`, {});
    expect(clash.status, JSON.stringify(clash.body)).toBe(409);
    expect(clash.body.error).toMatchObject({ code: 'conflict', status: 'closed' });
    expect(await eventsSince(start, id)).toEqual([]);
  });

  it('when a member takes a bot chat by replying, or reopens a closed one, then conversation.assigned says so, once', async () => {
    const received = await endpoint('/taken', ['conversation.assigned']);
    const id = await conversationOf('Bia');
    const start = await position();
    expect((await call('POST', `/v1/conversations/${id}/messages`, { text: 'Olá' })).status).toBe(201);
    await eventually(() => received(id).length === 1);
    expect(received(id)[0]).toMatchObject({
      type: 'conversation.assigned',
      data: { conversationId: id, status: 'human', assigneeId: me, teamId: null, previousStatus: 'bot', previousAssigneeId: null, by: me },
    });
    // Replying again in a chat already theirs changes no hands.
    expect((await call('POST', `/v1/conversations/${id}/messages`, { text: 'Em que posso ajudar?' })).status).toBe(201);
    const changes = (await eventsSince(start, id)).filter((e) => e.type.startsWith('conversation.') || e.type === 'message.created');
    expect(changes.map((e) => e.type)).toEqual(['conversation.assigned', 'message.created', 'message.created']);
    expect((await call('POST', `/v1/conversations/${id}/close`)).status).toBe(200);
    expect((await call('POST', `/v1/conversations/${id}/reopen`)).status).toBe(200);
    await eventually(() => received(id).length === 2);
    expect(received(id)[1]).toMatchObject({
      type: 'conversation.assigned',
      data: { conversationId: id, status: 'human', assigneeId: me, previousStatus: 'closed', previousAssigneeId: me, by: me },
    });
    await settle();
    expect(received(id)).toHaveLength(2);
  });

  it('when close or assign is repeated, then it answers the same state and announces nothing more, also when both clicks land at once', async () => {
    const received = await endpoint('/repeated', ['conversation.assigned', 'conversation.closed']);
    const id = await conversationOf('Caio');
    const start = await position();
    const taken = await call('POST', `/v1/conversations/${id}/assign`, { assigneeId: me });
    expect(taken.body).toEqual({ id, status: 'human', assigneeId: me, teamId: null });
    const again = await call('POST', `/v1/conversations/${id}/assign`, { assigneeId: me });
    expect([again.status, again.body]).toEqual([200, taken.body]);
    expect((await call('POST', `/v1/conversations/${id}/close`)).body).toEqual({ id, status: 'closed', assigneeId: me });
    const closedAgain = await call('POST', `/v1/conversations/${id}/close`);
    expect([closedAgain.status, closedAgain.body]).toEqual([200, { id, status: 'closed', assigneeId: me }]);
    await eventually(() => received(id).length === 2);
    await settle();
    expect(received(id).map((e) => e.type)).toEqual(['conversation.assigned', 'conversation.closed']);
    expect((await eventsSince(start, id)).filter((e) => e.type.startsWith('conversation.')).map((e) => e.type)).toEqual(['conversation.assigned', 'conversation.closed']);

    // A double click: both requests at once.
    const other = await conversationOf('Duda');
    const from = await position();
    const both = await Promise.all([0, 1].map(() => call('POST', `/v1/conversations/${other}/assign`, { assigneeId: me })));
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    const closes = await Promise.all([0, 1].map(() => call('POST', `/v1/conversations/${other}/close`)));
    expect(closes.map((r) => r.status)).toEqual([200, 200]);
    expect((await eventsSince(from, other)).filter((e) => e.type.startsWith('conversation.')).map((e) => e.type)).toEqual(['conversation.assigned', 'conversation.closed']);
  });

  it("when a flow transfers to a team deleted since it was published, then conversation.transferred names the team the chat got: none", async () => {
    const received = await endpoint('/transferred', ['conversation.transferred']);
    const team = async (name: string) => (await call('POST', '/v1/teams', { name, memberIds: [me] })).body.id as string;
    const [gone, sales] = [await team('Suporte antigo'), await team('Vendas')];
    for (const [word, teamId] of [['suporte', gone], ['vendas', sales]] as const) {
      const created = await call('POST', '/v1/flows', {
        name: `Transferir ${word}`,
        document: flow([keywordTrigger(word), node('human', 'transfer', { team: teamId, message: '' })], [edge('start', 'next', 'human')]),
      });
      expect((await call('POST', `/v1/flows/${created.body.id}/publish`, {})).status).toBe(201);
    }
    expect((await call('DELETE', `/v1/teams/${gone}`)).status).toBe(204);

    const orphan = await conversationOf('Eva', 'suporte');
    await eventually(() => received(orphan).length === 1);
    expect((await call('GET', `/v1/conversations/${orphan}`)).body).toMatchObject({ status: 'waiting', teamId: null });
    const { channelId } = (await call('GET', `/v1/conversations/${orphan}`)).body;
    expect(received(orphan)[0]!.data).toMatchObject({ conversationId: orphan, channelId, team: null, reason: 'flow', nodeId: 'human' });

    const placed = await conversationOf('Fabi', 'vendas');
    await eventually(() => received(placed).length === 1);
    expect((await call('GET', `/v1/conversations/${placed}`)).body).toMatchObject({ status: 'waiting', teamId: sales });
    expect(received(placed)[0]!.data).toMatchObject({ conversationId: placed, team: sales, reason: 'flow' });
  });
  it("when the shop's system writes through an API key, then the message goes out whoever holds the chat, and nobody's chat changes hands", async () => {
    const received = await endpoint('/by-key', ['conversation.assigned']);
    const key = (await call('POST', '/v1/api-keys', { name: 'ERP da loja', role: 'admin' })).body.key as string;
    const bruno = await addAgent(app, owner.workspace.id, 'Bruno');
    const held = await conversationOf('Gabi');
    expect((await call('POST', `/v1/conversations/${held}/assign`, { assigneeId: bruno.id }, bruno.token)).status).toBe(200);
    // A colleague still may not talk over Bruno; the business's system may.
    expect((await call('POST', `/v1/conversations/${held}/messages`, { text: 'Oi, Gabi' })).body.error).toMatchObject({ code: 'conflict', assigneeId: bruno.id });
    const sent = await call('POST', `/v1/conversations/${held}/messages`, { text: 'Seu pedido #1023 saiu para entrega' }, key);
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(sent.body).toMatchObject({ direction: 'out', author: 'agent', text: 'Seu pedido #1023 saiu para entrega', status: 'pending' });
    // The thread names the key that wrote it (the shop's system), not only the member who created the key.
    const keyId = (await call('GET', '/v1/api-keys')).body.items.find((k: { name: string }) => k.name === 'ERP da loja').id;
    expect(sent.body.apiKey).toEqual({ id: keyId, name: 'ERP da loja' });
    expect((await call('POST', `/v1/conversations/${held}/notes`, { text: 'nota da equipe' }, bruno.token)).body.apiKey).toBeNull();
    expect((await call('GET', `/v1/conversations/${held}`)).body).toMatchObject({ status: 'human', assigneeId: bruno.id });

    // A chat with the bot stays with the bot.
    const bot = await conversationOf('Hugo');
    expect((await call('POST', `/v1/conversations/${bot}/messages`, { text: 'Pagamento confirmado' }, key)).status).toBe(201);
    expect((await call('GET', `/v1/conversations/${bot}`)).body).toMatchObject({ status: 'bot', assigneeId: null });
    const texts = async (id: string) => ((await call('GET', `/v1/conversations/${id}/messages`, undefined, key)).body.items as Array<{ text: string }>).map((m) => m.text);
    expect(await texts(bot)).toContain('Pagamento confirmado');

    // A closed one is still closed to it (POST /v1/conversations writes there again).
    expect((await call('POST', `/v1/conversations/${held}/close`, undefined, bruno.token)).status).toBe(200);
    const closed = await call('POST', `/v1/conversations/${held}/messages`, { text: 'Mais uma coisa' }, key);
    expect([closed.status, closed.body.error.status]).toEqual([409, 'closed']);
    await eventually(() => received(held).length === 1);
    await settle();
    expect(received(held).map((e) => e.data.by)).toEqual([bruno.id]);
    expect(received(bot)).toEqual([]);
  });
});
