// A contact read and edited beside its conversation: name, tags, attributes merged (null removes),
// the change published to the inbox, and another workspace's contact is 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, signupWorkspace } from '../../test/harness';
import { edge, flow, keywordTrigger, node } from '../../test/flow-docs';
import { textMessage } from '../../test/fakes/whatsapp-payloads';
import { eventually, startPipeline, type Pipeline } from '../../test/pipeline';

let p: Pipeline;
let contactId: string;
let conversationId: string;

beforeAll(async () => {
  p = await startPipeline();
  await p.wa.inbound({ waId: '5511977770001', name: 'Marina' }, textMessage('olá'));
  const conv = await eventually(async () => (await api(p.app, 'GET', '/v1/conversations', undefined, p.token)).body.items[0]);
  contactId = conv.contact.id;
  conversationId = conv.id;
});
afterAll(async () => {
  await p?.close();
});

const call = (method: string, path: string, body?: unknown, token = p.token) => api(p.app, method, path, body, token);

describe('contacts', () => {
  it('when read, then it has the documented shape', async () => {
    const res = await call('GET', `/v1/contacts/${contactId}`);
    expect(res.body).toEqual({
      id: contactId, channelId: p.channelId, externalId: '5511977770001', name: 'Marina', phone: '+5511977770001', tags: [], attributes: {},
      optedOut: false, optedOutAt: null, optedOutVia: null, optedInAt: null, optedInVia: null, createdAt: expect.any(String),
    });
  });

  it('when edited, then tags are deduplicated, attributes merge and null removes one, and the inbox is told', async () => {
    const start = (await call('GET', '/v1/events')).body.nextAfter;
    await call('PATCH', `/v1/contacts/${contactId}`, { attributes: { cidade: 'Campinas', pedidos: 3 } });
    const res = await call('PATCH', `/v1/contacts/${contactId}`, { name: 'Marina Alves', tags: ['vip', 'vip', 'atacado'], attributes: { pedidos: null, cliente_desde: '2024' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Marina Alves', tags: ['vip', 'atacado'], attributes: { cidade: 'Campinas', cliente_desde: '2024' } });
    expect(res.body.attributes).not.toHaveProperty('pedidos');
    const list = await call('GET', '/v1/conversations?tag=vip');
    expect(list.body.items[0]).toMatchObject({ id: conversationId, contact: { name: 'Marina Alves', tags: ['vip', 'atacado'] } });
    const events = (await call('GET', `/v1/events?after=${start}`)).body.items.filter((e: any) => e.type === 'contact.updated');
    expect(events.at(-1)).toMatchObject({ contactId, conversationId, name: 'Marina Alves', tags: ['vip', 'atacado'] });
  });

  it('when a flow tags the contact, then the inbox is told too', async () => {
    await p.publish(flow([keywordTrigger('atacado'), node('human', 'transfer', { message: '', tags: ['lead-atacado'] })], [edge('start', 'next', 'human')]), 'Atacado');
    const start = (await call('GET', '/v1/events')).body.nextAfter;
    await p.wa.inbound({ waId: '5511977770001', name: 'Marina' }, textMessage('atacado'));
    const event = await eventually(async () =>
      (await call('GET', `/v1/events?after=${start}`)).body.items.find((e: any) => e.type === 'contact.updated'));
    expect(event).toMatchObject({ contactId, conversationId, tags: expect.arrayContaining(['lead-atacado', 'vip']) });
    // The message came with the WhatsApp profile name "Marina": the name the agent typed stays.
    expect((await call('GET', `/v1/contacts/${contactId}`)).body.name).toBe('Marina Alves');
  });

  it('when the edit is malformed, then the answer is 400 and nothing changes', async () => {
    for (const body of [{}, { tags: ['a'.repeat(65)] }, { tags: 'vip' }, { attributes: { 'bad key': 1 } }, { attributes: { x: { nested: true } } }, { name: 5 }]) {
      expect((await call('PATCH', `/v1/contacts/${contactId}`, body)).status, JSON.stringify(body)).toBe(400);
    }
    expect((await call('GET', `/v1/contacts/${contactId}`)).body.name).toBe('Marina Alves');
  });

  it('when another workspace asks, then the contact is 404 and untouched', async () => {
    const other = await signupWorkspace(p.app);
    expect((await call('GET', `/v1/contacts/${contactId}`, undefined, other.token)).status).toBe(404);
    expect((await call('PATCH', `/v1/contacts/${contactId}`, { name: 'Hacker' }, other.token)).status).toBe(404);
    expect((await call('GET', `/v1/contacts/${contactId}`)).body.name).toBe('Marina Alves');
  });
});
