// One contact added through the API (a CRM, a site's form): 201 with the contact as GET reads it and
// contact.created for webhooks; a number the channel already has, however written, is a 409 naming
// that contact; bad fields are 400s that name them; the channel is one of the workspace's WhatsApp
// channels (another workspace's is 404); editors and their API keys may add, agents may not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, signupWorkspace } from '../../test/harness';
import { addAgent, addMember } from '../../test/agents';
import { textMessage } from '../../test/fakes/whatsapp-payloads';
import { eventually, otherWorkspace, startPipeline, type Pipeline } from '../../test/pipeline';
import { startReceiver } from '../../test/webhook-receiver';

let p: Pipeline;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  receiver = await startReceiver();
  // Webhook deliveries go to the loopback receiver, which an endpoint may name only when allow-listed.
  p = await startPipeline({ OUTBOUND_ALLOW_HOSTS: '127.0.0.1' });
});
afterAll(async () => {
  await p?.close();
  await receiver?.close();
});

const call = (method: string, path: string, body?: unknown, token = p.token) => api(p.app, method, path, body, token);
const add = (body: unknown, token = p.token) => call('POST', '/v1/contacts', body, token);
const withPhone = async (digits: string, token = p.token) => (await call('GET', `/v1/contacts?q=${digits}`, undefined, token)).body.items as any[];

describe('adding a contact', () => {
  it('when an integration adds one, then it answers 201 with the contact as GET reads it, and webhooks hear contact.created', async () => {
    const hook = await call('POST', '/v1/webhook-endpoints', { url: receiver.url('/contacts'), events: ['contact.created'] });
    expect(hook.status, JSON.stringify(hook.body)).toBe(201);
    const res = await add({ phone: '+55 11 96666-0001', name: '  Lia Prado ', tags: ['site', 'site', 'lead'], attributes: { origem: 'formulario', pedidos: 2, cliente: true, vazio: null } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String), channelId: p.channelId, externalId: '5511966660001', name: 'Lia Prado', phone: '+5511966660001',
      tags: ['site', 'lead'], attributes: { origem: 'formulario', pedidos: 2, cliente: true },
      optedOut: false, optedOutAt: null, optedOutVia: null, optedInAt: null, optedInVia: null, createdAt: expect.any(String),
    });
    expect((await call('GET', `/v1/contacts/${res.body.id}`)).body).toEqual(res.body);
    await eventually(() => receiver.received.some((r) => r.path === '/contacts'));
    const delivered = receiver.received.filter((r) => r.path === '/contacts').map((r) => JSON.parse(r.body));
    expect(delivered).toEqual([{ type: 'contact.created', timestamp: expect.any(String), data: { contactId: res.body.id, channelId: p.channelId } }]);
  });

  it('when the number is already a contact of the channel, however it is written, then 409 names that contact and nothing is added', async () => {
    const first = await add({ phone: '+5511966660002', name: 'Rui' });
    expect(first.status).toBe(201);
    // International, national, digits only, and the mobile without its ninth digit: one number.
    for (const phone of ['+5511966660002', '(11) 96666-0002', '11 966660002', '5511966660002', '+55 11 6666-0002']) {
      const res = await add({ phone, name: 'Outro nome', tags: ['x'] });
      expect(res.status, phone).toBe(409);
      expect(res.body.error).toMatchObject({ code: 'conflict', contactId: first.body.id, message: expect.stringContaining(first.body.id) });
    }
    expect(await withPhone('966660002')).toEqual([expect.objectContaining({ id: first.body.id, name: 'Rui', tags: [] })]);
  });

  it('when a customer has written from WhatsApp without the ninth digit, then adding their number is a 409 naming their contact', async () => {
    await p.wa.inbound({ waId: '551177770003', name: 'Marina' }, textMessage('oi'));
    const conv = await eventually(async () => (await call('GET', '/v1/conversations')).body.items.find((c: any) => c.contact.name === 'Marina'));
    const res = await add({ phone: '(11) 97777-0003' });
    expect(res.status).toBe(409);
    expect(res.body.error.contactId).toBe(conv.contact.id);
  });

  it('when the same number is added twice at once, then one is created and the other is a 409 naming it', async () => {
    const answers = await Promise.all([add({ phone: '+5511966660004' }), add({ phone: '11 96666-0004' })]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const created = answers.find((a) => a.status === 201)!.body;
    expect(answers.find((a) => a.status === 409)!.body.error.contactId).toBe(created.id);
    expect(await withPhone('966660004')).toHaveLength(1);
  });

  it('when a field is malformed or too long, then the 400 names the field and nothing is added', async () => {
    const phone = '+5511966660005';
    const many = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));
    const cases: Array<[unknown, string]> = [
      [{}, 'phone'], [{ phone: '' }, 'phone'], [{ phone: 5511966660005 }, 'phone'], [{ phone: ['+5511966660005'] }, 'phone'],
      [{ phone: 'not-a-phone' }, 'phone'], [{ phone: '+55 11 1234' }, 'phone'], [{ phone: '1'.repeat(41) }, 'phone'],
      [{ phone: "+5511966660005'; DROP TABLE contacts; --" }, 'phone'],
      [{ phone, name: 'a'.repeat(201) }, 'name'], [{ phone, name: 5 }, 'name'],
      [{ phone, tags: 'vip' }, 'tags'], [{ phone, tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }, 'tags'], [{ phone, tags: ['a'.repeat(65)] }, 'tags.0'],
      [{ phone, attributes: many(51) }, 'attributes'], [{ phone, attributes: { 'bad key': 1 } }, 'attributes.bad key'],
      [{ phone, attributes: { x: { nested: true } } }, 'attributes.x'], [{ phone, attributes: { x: 'v'.repeat(1001) } }, 'attributes.x'],
      [{ phone, attributes: { constructor: 'x' } }, 'attributes.constructor'], [{ phone, channelId: 'x' }, 'channelId'],
    ];
    for (const [body, field] of cases) {
      const res = await add(body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.issues.map((i: { path: string }) => i.path), JSON.stringify(body).slice(0, 80)).toContain(field);
    }
    // Bodies no client would build: a "__proto__" key (JSON.stringify drops it), NUL, not JSON, not an object.
    for (const raw of [`{"phone":"${phone}","attributes":{"__proto__":"x"}}`, `{"phone":"${phone}","name":"a\\u0000b"}`, '{"phone":', '[]', 'null']) {
      const res = await fetch(`${p.app.url}/v1/contacts`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${p.token}` }, body: raw });
      expect(res.status, raw).toBe(400);
    }
    expect(await withPhone('966660005')).toEqual([]);
  });

  it('when the workspace has no WhatsApp channel, then the 400 says to connect one, as the import does', async () => {
    const other = await signupWorkspace(p.app, 'Sem WhatsApp');
    const res = await add({ phone: '+5511966660006' }, other.token);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'validation_failed', message: expect.stringMatching(/Connect a WhatsApp channel/) });
    const imported = await fetch(`${p.app.url}/v1/contacts/import`, { method: 'POST', headers: { authorization: `Bearer ${other.token}`, 'content-type': 'text/csv' }, body: 'phone\n+5511966660006' });
    expect(imported.status).toBe(res.status);
    // A web chat is not where phone contacts belong: neither by default nor named.
    const site = await call('POST', '/v1/channels', { type: 'webchat', name: 'Site' }, other.token);
    expect((await add({ phone: '+5511966660006' }, other.token)).status).toBe(400);
    const named = await add({ phone: '+5511966660006', channelId: site.body.id }, other.token);
    expect(named.status).toBe(400);
    expect(named.body.error).toMatchObject({ code: 'validation_failed', channelType: 'webchat', issues: [{ path: 'channelId', message: 'not a WhatsApp channel' }] });
    expect(await withPhone('966660006', other.token)).toEqual([]);
  });

  it("when channelId is another workspace's or unknown, then 404 and no workspace gets the contact; the workspace's own is taken", async () => {
    const other = await otherWorkspace(p, 'Outra loja', '106540352243101');
    const stolen = await add({ phone: '+5511966660007', channelId: p.channelId }, other.token);
    expect(stolen.status).toBe(404);
    expect(stolen.body.error.code).toBe('not_found');
    expect(await withPhone('966660007')).toEqual([]);
    expect(await withPhone('966660007', other.token)).toEqual([]);
    expect((await add({ phone: '+5511966660007', channelId: other.channelId })).status).toBe(404);
    expect((await add({ phone: '+5511966660007', channelId: '6f1c1f8e-5a43-4c55-9a53-0c2b3f1b2f10' })).status).toBe(404);
    const own = await add({ phone: '+5511966660007', channelId: other.channelId }, other.token);
    expect(own.status).toBe(201);
    expect(own.body.channelId).toBe(other.channelId);
    // Each workspace's directory is its own: the same number is a new contact here.
    const here = await add({ phone: '+5511966660007' });
    expect(here.status).toBe(201);
    expect(here.body.id).not.toBe(own.body.id);
  });

  it('when an agent or an agent key adds one, then 403; a marketer and a marketer key may', async () => {
    const agent = await addAgent(p.app, p.tenantId, 'Bruno');
    const refused = await add({ phone: '+5511966660008' }, agent.token);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    const agentKey = (await call('POST', '/v1/api-keys', { name: 'Leitura', role: 'agent' })).body.key;
    expect((await add({ phone: '+5511966660008' }, agentKey)).status).toBe(403);
    expect(await withPhone('966660008')).toEqual([]);
    const marketer = await addMember(p.app, p.tenantId, 'Carla', 'marketer');
    expect((await add({ phone: '+5511966660008', name: 'Pelo marketing' }, marketer.token)).status).toBe(201);
    const crmKey = (await call('POST', '/v1/api-keys', { name: 'CRM', role: 'marketer' })).body.key;
    const byKey = await add({ phone: '+5511966660009', name: 'Pelo CRM', tags: ['crm'] }, crmKey);
    expect(byKey.status).toBe(201);
    expect((await call('GET', `/v1/contacts/${byKey.body.id}`, undefined, crmKey)).body).toEqual(byKey.body);
    expect((await add({ phone: '+5511966660009' }, crmKey)).body.error.contactId).toBe(byKey.body.id);
  });
});
