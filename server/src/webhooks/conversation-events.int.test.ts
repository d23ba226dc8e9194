// What integrators hear of the inbox's actions on a conversation, against a loopback receiver: each
// change once and as it happened, nothing for an action that changed nothing, and a clear 4xx for
// an action the conversation's state does not allow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import knexFactory, { type Knex } from 'knex';
import { api, signupWorkspace, startTestApp, type TestApp } from '../../test/harness';
import { eventually, startReceiver } from '../../test/webhook-receiver';

let app: TestApp;
let db: Knex;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let owner: Awaited<ReturnType<typeof signupWorkspace>>;
let channelId: string;

beforeAll(async () => {
  receiver = await startReceiver();
  app = await startTestApp({ OUTBOUND_ALLOW_HOSTS: '127.0.0.1' });
  db = knexFactory({ client: 'pg', connection: app.config.DATABASE_URL, pool: { min: 0, max: 2 } });
  owner = await signupWorkspace(app);
  channelId = (await call('POST', '/v1/channels', { type: 'webchat', name: 'Site' })).body.id;
});
afterAll(async () => {
  await app?.close();
  await db?.destroy();
  await receiver?.close();
});

const call = (method: string, path: string, body?: unknown, token = owner.token) => api(app, method, path, body, token);

/** A visitor writes on the web chat; their conversation's id (a bot conversation, no flow answers). */
async function conversationOf(name: string): Promise<string> {
  const visitor = await api(app, 'POST', `/v1/webchat/${channelId}/sessions`, { name });
  await api(app, 'POST', `/v1/webchat/${channelId}/messages`, { text: 'Oi' }, visitor.body.visitorToken);
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
});
