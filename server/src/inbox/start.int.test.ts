// An agent writes first to a customer: to a phone or a contact of a WhatsApp channel, with an approved
// template (or a text inside the customer's 24-hour window). The message lands in the customer's own
// thread (open, else the last one reopened, else a new one), held by the agent; a refused send leaves
// nothing behind, a retry with the same key sends once, and nothing crosses workspaces.
import { describe, expect, it } from 'vitest';
import type pg from 'pg';
import { addAgent, addMember } from '../../test/agents';
import { api, signupWorkspace } from '../../test/harness';
import { textMessage } from '../../test/fakes/whatsapp-payloads';
import { eventually, pipelineForFile, syncTemplates, type Pipeline } from '../../test/pipeline';

let p: Pipeline;
let db: pg.Client;
let agent: { id: string; token: string };

pipelineForFile(async (started) => {
  ({ pipeline: p, db } = started);
  await syncTemplates(p, { name: 'retorno', language: 'pt_BR', status: 'APPROVED', bodyParams: 1, components: [{ type: 'BODY', text: 'Oi {{1}}, aqui é da Loja. Podemos falar?' }] }, { name: 'oferta', language: 'pt_BR', status: 'APPROVED', bodyParams: 0, category: 'MARKETING', components: [{ type: 'BODY', text: 'Promoção!' }] });
  agent = await addAgent(p.app, p.tenantId, 'Carla');
});

function start(body: Record<string, unknown>, opts: { key?: string; token?: string } = {}) {
  return fetch(`${p.app.url}/v1/conversations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${opts.token ?? agent.token}`, ...(opts.key ? { 'idempotency-key': opts.key } : {}) },
    body: JSON.stringify({ channelId: p.channelId, ...body }),
  }).then(async (r) => ({ status: r.status, body: await r.json() as any }));
}

const retorno = { template: { name: 'retorno', language: 'pt_BR', parameters: { body: ['{{contact.name | "cliente"}}'] } } };
const count = async (sql: string, args: unknown[]) => (await db.query(sql, args)).rows[0].n as number;

async function customerWrote(waId: string): Promise<string> {
  await p.wa.inbound({ waId, name: 'Dona Rosa' }, textMessage('oi'));
  return eventually(async () => (await db.query('SELECT cv.id FROM conversations cv JOIN contacts ct ON ct.id = cv.contact_id WHERE ct.external_id = $1', [waId])).rows[0]?.id);
}

describe('writing to a number the workspace never talked to', () => {
  it('when an agent sends a template to a local number, then the contact and a conversation held by the agent are made and the template goes out once', async () => {
    const res = await start({ phone: '(11) 98888-7001', ...retorno }, { key: 'start-1' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ created: true, message: { type: 'template', author: 'agent', status: 'pending', text: 'Oi cliente, aqui é da Loja. Podemos falar?' } });
    const conv = await api(p.app, 'GET', `/v1/conversations/${res.body.conversationId}`, undefined, agent.token);
    expect(conv.body).toMatchObject({ status: 'human', assigneeId: agent.id, contact: { phone: '5511988887001' } });
    const contact = await db.query('SELECT phone_e164 FROM contacts WHERE id = $1', [conv.body.contact.id]);
    expect(contact.rows[0].phone_e164).toBe('+5511988887001');
    await eventually(() => p.wa.sendsTo('5511988887001').length === 1);
    // The same key again (a double click, a retry after a timeout) is the same message, not a second send.
    const again = await start({ phone: '+55 11 98888-7001', ...retorno }, { key: 'start-1' });
    expect(again).toMatchObject({ status: 201, body: { conversationId: res.body.conversationId, message: { id: res.body.message.id } } });
    // Listed in the agent's inbox like any chat they hold.
    const mine = await api(p.app, 'GET', '/v1/conversations?assignee=me', undefined, agent.token);
    expect(mine.body.items.map((c: { id: string }) => c.id)).toContain(res.body.conversationId);
    await new Promise((r) => setTimeout(r, 300));
    expect(p.wa.sendsTo('5511988887001')).toHaveLength(1);
  });

  it('when the first message is a text on the official API, then it is 422 window_closed and no contact or conversation is left behind', async () => {
    const res = await start({ phone: '11 98888-7002', text: 'Oi, tudo bem?' });
    expect(res).toMatchObject({ status: 422, body: { error: { code: 'window_closed' } } });
    expect(await count("SELECT count(*)::int AS n FROM contacts WHERE phone_e164 = '+5511988887002'", [])).toBe(0);
  });
});

describe('writing to a customer who has a thread', () => {
  it('when the customer has an open bot chat and wrote recently, then a text goes into it and the agent takes it from the bot', async () => {
    const id = await customerWrote('5511988887003');
    const res = await start({ phone: '+5511988887003', text: 'Olá Dona Rosa, vi seu pedido' });
    expect(res).toMatchObject({ status: 201, body: { conversationId: id, created: false, message: { type: 'text' } } });
    expect(await count("SELECT count(*)::int AS n FROM flow_sessions WHERE conversation_id = $1 AND status = 'active'", [id])).toBe(0);
    expect((await api(p.app, 'GET', `/v1/conversations/${id}`, undefined, agent.token)).body).toMatchObject({ status: 'human', assigneeId: agent.id });
    await eventually(() => p.wa.sendsTo('5511988887003').some((s) => s.body.text?.body === 'Olá Dona Rosa, vi seu pedido'));
  });

  it('when the last chat is closed, then it is reopened in the agent\'s hands; when its window closed, a text is refused and it stays closed', async () => {
    const id = await customerWrote('5511988887004');
    await db.query("UPDATE conversations SET status = 'closed' WHERE id = $1", [id]);
    const contactId = (await db.query('SELECT contact_id FROM conversations WHERE id = $1', [id])).rows[0].contact_id;
    const res = await start({ contactId, text: 'Voltando ao seu pedido' });
    expect(res).toMatchObject({ status: 201, body: { conversationId: id, created: false } });
    expect(await count("SELECT count(*)::int AS n FROM domain_events WHERE type = 'conversation.reopened' AND payload->>'conversationId' = $1", [id])).toBe(1);

    const old = await customerWrote('5511988887005');
    await db.query("UPDATE conversations SET status = 'closed', last_inbound_at = now() - interval '3 days' WHERE id = $1", [old]);
    const refused = await start({ phone: '5511988887005', text: 'Oi de novo' });
    expect(refused).toMatchObject({ status: 422, body: { error: { code: 'window_closed' } } });
    expect((await db.query('SELECT status FROM conversations WHERE id = $1', [old])).rows[0].status).toBe('closed');
    // A template is what WhatsApp delivers then: the same thread, reopened.
    expect(await start({ phone: '5511988887005', ...retorno })).toMatchObject({ status: 201, body: { conversationId: old } });
  });

  it('when another agent holds the open chat, then it is 409 naming them, and nothing is sent', async () => {
    const id = await customerWrote('5511988887006');
    const bruno = await addAgent(p.app, p.tenantId, 'Bruno');
    expect((await api(p.app, 'POST', `/v1/conversations/${id}/assign`, { assigneeId: bruno.id }, p.token)).status).toBe(200);
    const res = await start({ phone: '5511988887006', text: 'Posso ajudar?' });
    expect(res).toMatchObject({ status: 409, body: { error: { code: 'conflict', assigneeId: bruno.id } } });
    expect(await count("SELECT count(*)::int AS n FROM messages WHERE conversation_id = $1 AND direction = 'out'", [id])).toBe(0);
  });

  it('when the customer opted out, then a marketing template is refused and a utility one goes', async () => {
    const id = await customerWrote('5511988887007');
    await db.query("UPDATE contacts SET opted_out_at = now() WHERE external_id = '5511988887007'");
    await db.query("UPDATE conversations SET status = 'closed', last_inbound_at = now() - interval '3 days' WHERE id = $1", [id]);
    const res = await start({ phone: '5511988887007', template: { name: 'oferta', language: 'pt_BR' } });
    expect(res).toMatchObject({ status: 400, body: { error: { code: 'validation_failed', optedOut: true } } });
    expect(await start({ phone: '5511988887007', ...retorno })).toMatchObject({ status: 201 });
  });
});

describe('what the new-conversation dialog offers', () => {
  it('when an agent picks a channel, then its approved templates are listed; another workspace\'s channel is 404', async () => {
    const offered = await api(p.app, 'GET', `/v1/channels/${p.channelId}/approved-templates`, undefined, agent.token);
    expect(offered.status).toBe(200);
    expect(offered.body.items.map((t: { name: string }) => t.name).sort()).toEqual(['oferta', 'retorno']);
    const other = await signupWorkspace(p.app);
    expect((await api(p.app, 'GET', `/v1/channels/${p.channelId}/approved-templates`, undefined, other.token)).status).toBe(404);
    expect((await api(p.app, 'GET', '/v1/channels/nao-e-id/approved-templates', undefined, agent.token)).status).toBe(404);
  });
});

describe('requests that cannot start a conversation', () => {
  it('when the body, the number, the channel or the role is wrong, then it is a clear 4xx and nothing is stored', async () => {
    const before = await count('SELECT count(*)::int AS n FROM conversations WHERE tenant_id = $1', [p.tenantId]);
    expect((await start({ phone: '5511988887008', contactId: '00000000-0000-4000-8000-000000000000', text: 'x' })).status).toBe(400);
    expect((await start({ phone: '5511988887008' })).status).toBe(400);
    expect((await start({ phone: '5511988887008', text: 'x', ...retorno })).status).toBe(400);
    expect(await start({ phone: 'não é número', ...retorno })).toMatchObject({ status: 400, body: { error: { field: 'phone' } } });
    expect((await start({ contactId: '00000000-0000-4000-8000-000000000000', ...retorno })).status).toBe(404);
    expect((await start({ channelId: '00000000-0000-4000-8000-000000000000', phone: '5511988887008', ...retorno })).status).toBe(404);
    const web = await api(p.app, 'POST', '/v1/channels', { type: 'webchat', name: 'Site', config: {} }, p.token);
    expect((await start({ channelId: web.body.id, phone: '5511988887008', ...retorno })).status).toBe(400);
    const marketer = await addMember(p.app, p.tenantId, 'Mara', 'marketer');
    expect((await start({ phone: '5511988887008', ...retorno }, { token: marketer.token })).status).toBe(403);
    expect(await count('SELECT count(*)::int AS n FROM conversations WHERE tenant_id = $1', [p.tenantId])).toBe(before);
  });

  it('when another workspace names this channel or contact, then it is 404 and nothing is sent', async () => {
    const id = await customerWrote('5511988887009');
    const contactId = (await db.query('SELECT contact_id FROM conversations WHERE id = $1', [id])).rows[0].contact_id;
    const other = await signupWorkspace(p.app);
    expect((await start({ phone: '5511988887009', ...retorno }, { token: other.token })).status).toBe(404);
    const otherChannel = await db.query("INSERT INTO channels (tenant_id, type, name, config) VALUES ($1, 'evolution', 'Evo', '{}') RETURNING id", [other.workspace.id]);
    expect((await start({ channelId: otherChannel.rows[0].id, contactId, ...retorno }, { token: other.token })).status).toBe(404);
    await new Promise((r) => setTimeout(r, 300));
    expect(p.wa.sendsTo('5511988887009')).toHaveLength(0);
  });
});
