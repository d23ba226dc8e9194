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

  it('when the name is cleared with blanks, then the contact has no name (null, as when cleared with null), never an empty one', async () => {
    const before = (await call('GET', `/v1/contacts/${contactId}`)).body.name;
    for (const name of ['   ', '', null]) {
      const res = await call('PATCH', `/v1/contacts/${contactId}`, { name });
      expect(res.status).toBe(200);
      expect(res.body.name).toBeNull();
      expect((await call('GET', `/v1/contacts/${contactId}`)).body.name).toBeNull();
    }
    expect((await call('PATCH', `/v1/contacts/${contactId}`, { name: before })).body.name).toBe(before);
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

  it('when the name is too long, then the 400 names the field, the kind of problem and the limit, so a client can word it', async () => {
    const res = await call('PATCH', `/v1/contacts/${contactId}`, { name: 'a'.repeat(201) });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'validation_failed', issues: [{ path: 'name', code: 'too_big', origin: 'string', maximum: 200, message: expect.any(String) }] });
  });

  it('when an attribute name has a space, then the 400 names the attribute and says the name is refused, not its value; an accented name is kept', async () => {
    const res = await call('PATCH', `/v1/contacts/${contactId}`, { attributes: { 'data de nascimento': '10/03' } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'validation_failed', issues: [{ path: 'attributes.data de nascimento', reason: 'attribute_name', message: expect.stringContaining('no spaces') }] });
    const ok = await call('PATCH', `/v1/contacts/${contactId}`, { attributes: { aniversário: '10/03' } });
    expect(ok.body.attributes).toMatchObject({ aniversário: '10/03' });
    await call('PATCH', `/v1/contacts/${contactId}`, { attributes: { aniversário: null } });
  });

  it('when an edit changes nothing, then the contact is answered as it is, and an unknown or another workspace\'s id is 404', async () => {
    const start = (await call('GET', '/v1/events')).body.nextAfter;
    const res = await call('PATCH', `/v1/contacts/${contactId}`, { attributes: {} });
    expect(res.status).toBe(200);
    expect(res.body).toEqual((await call('GET', `/v1/contacts/${contactId}`)).body);
    expect((await call('GET', `/v1/events?after=${start}`)).body.items.filter((e: any) => e.type === 'contact.updated')).toEqual([]);
    expect((await call('PATCH', '/v1/contacts/6f1c1f8e-5a43-4c55-9a53-0c2b3f1b2f10', { attributes: {} })).status).toBe(404);
    const other = await signupWorkspace(p.app);
    expect((await call('PATCH', `/v1/contacts/${contactId}`, { attributes: {} }, other.token)).status).toBe(404);
  });

  it('when an attribute is called __proto__, constructor or prototype, then the 400 names it and nothing changes', async () => {
    const before = (await call('GET', `/v1/contacts/${contactId}`)).body;
    for (const key of ['__proto__', 'constructor', 'Prototype']) {
      const res = await fetch(`${p.app.url}/v1/contacts/${contactId}`, {
        method: 'PATCH', headers: { 'content-type': 'application/json', authorization: `Bearer ${p.token}` },
        // Written by hand: JSON.stringify of an object literal would not keep a "__proto__" key.
        body: `{"attributes":{"${key}":"x","cidade":"Santos"}}`,
      });
      expect(res.status, key).toBe(400);
      expect(((await res.json()) as any).error.issues).toEqual([{ path: `attributes.${key}`, code: expect.any(String), message: '__proto__, constructor and prototype are reserved names', reason: 'attribute_name' }]);
    }
    expect((await call('GET', `/v1/contacts/${contactId}`)).body).toEqual(before);
  });

  it('when another workspace asks, then the contact is 404 and untouched', async () => {
    const other = await signupWorkspace(p.app);
    expect((await call('GET', `/v1/contacts/${contactId}`, undefined, other.token)).status).toBe(404);
    expect((await call('PATCH', `/v1/contacts/${contactId}`, { name: 'Hacker' }, other.token)).status).toBe(404);
    expect((await call('GET', `/v1/contacts/${contactId}`)).body.name).toBe('Marina Alves');
  });
});
