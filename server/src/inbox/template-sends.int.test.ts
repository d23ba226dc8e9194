// Templates from the inbox composer: the one reply WhatsApp delivers after the 24-hour window. Only an
// approved template of the conversation's own channel, with parameters that fit it, filled from the
// contact, sent once per Idempotency-Key by the outbox; other channels are told they have none.
import { describe, expect, it } from 'vitest';
import type pg from 'pg';
import { addAgent } from '../../test/agents';
import { api, signupWorkspace } from '../../test/harness';
import { textMessage } from '../../test/fakes/whatsapp-payloads';
import { eventually, pipelineForFile, type Pipeline } from '../../test/pipeline';

let p: Pipeline;
let db: pg.Client;

const BODY = 'Olá {{1}}, seu pedido {{2}} saiu para entrega.';

pipelineForFile(async (started) => {
  ({ pipeline: p, db } = started);
  p.wa.addTemplate({ name: 'pedido_saiu', language: 'pt_BR', status: 'APPROVED', bodyParams: 2, components: [{ type: 'BODY', text: BODY }] });
  p.wa.addTemplate({ name: 'em_analise', language: 'pt_BR', status: 'PENDING', bodyParams: 0, components: [{ type: 'BODY', text: 'Oi' }] });
  const synced = await api(p.app, 'POST', `/v1/channels/${p.channelId}/templates/sync`, {}, p.token);
  expect(synced.status).toBe(200);
});

async function conversationOf(waId: string, name = 'Ana Souza'): Promise<string> {
  await p.wa.inbound({ waId, name }, textMessage('oi'));
  return eventually(async () => {
    const { rows } = await db.query('SELECT cv.id FROM conversations cv JOIN contacts ct ON ct.id = cv.contact_id WHERE ct.phone = $1', [waId]);
    return rows[0]?.id as string | undefined;
  });
}

const closeWindow = (id: string) => db.query("UPDATE conversations SET last_inbound_at = now() - interval '3 days' WHERE id = $1", [id]);

function send(id: string, body: unknown, opts: { key?: string; token?: string } = {}) {
  return fetch(`${p.app.url}/v1/conversations/${id}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${opts.token ?? p.token}`, ...(opts.key ? { 'idempotency-key': opts.key } : {}) },
    body: JSON.stringify(body),
  }).then(async (r) => ({ status: r.status, body: await r.json() as any }));
}

const pedido = (body: string[], name = 'pedido_saiu') => ({ template: { name, language: 'pt_BR', parameters: { body } } });
const templateSends = (to: string) => p.wa.sendsTo(to).filter((s) => s.body.type === 'template');

describe('a template outside the 24-hour window', () => {
  it('when the window closed days ago, then text is refused but the template is stored as read, taken over and sent once with filled values', async () => {
    const id = await conversationOf('5511410000001');
    await db.query(`UPDATE contacts SET attributes = '{"pedido": "#1023"}' WHERE phone = '5511410000001'`);
    await closeWindow(id);
    expect((await send(id, { text: 'oi de novo' })).body.error.code).toBe('window_closed');
    const res = await send(id, pedido(['{{contact.name}}', '{{pedido}}']), { key: 'tpl-1' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ type: 'template', author: 'agent', status: 'pending', text: 'Olá Ana Souza, seu pedido #1023 saiu para entrega.' });
    expect(res.body.payload.template).toEqual({ name: 'pedido_saiu', language: 'pt_BR', parameters: { body: ['Ana Souza', '#1023'] } });
    const sent = await eventually(() => templateSends('5511410000001')[0]);
    expect(sent.body.template).toEqual({
      name: 'pedido_saiu', language: { code: 'pt_BR' },
      components: [{ type: 'body', parameters: [{ type: 'text', text: 'Ana Souza' }, { type: 'text', text: '#1023' }] }],
    });
    // Sending is taking over, as with any agent reply; the same key again is the same message, not a second send.
    const conv = await api(p.app, 'GET', `/v1/conversations/${id}`, undefined, p.token);
    expect(conv.body).toMatchObject({ status: 'human' });
    const again = await send(id, pedido(['{{contact.name}}', '{{pedido}}']), { key: 'tpl-1' });
    expect(again).toMatchObject({ status: 201, body: { id: res.body.id } });
    const racing = await Promise.all([1, 2, 3].map(() => send(id, pedido(['x', 'y']), { key: 'tpl-1b' })));
    expect(new Set(racing.map((r) => r.body.id)).size).toBe(1);
    await eventually(() => templateSends('5511410000001').length >= 2);
    await new Promise((r) => setTimeout(r, 500));
    expect(templateSends('5511410000001').map((s) => s.body.template.components[0].parameters.map((x: any) => x.text))).toEqual([['Ana Souza', '#1023'], ['x', 'y']]);
    const stored = await db.query("SELECT status FROM messages WHERE conversation_id = $1 AND type = 'template'", [id]);
    expect(stored.rows.map((r) => r.status).sort()).toEqual(['sent', 'sent']);
  });

  it('when the window is open, then a template goes out as well', async () => {
    const id = await conversationOf('5511410000002', 'Bruno');
    expect((await send(id, pedido(['{{contact.name}}', '{{pedido|"sem número"}}']))).status).toBe(201);
    const sent = await eventually(() => templateSends('5511410000002')[0]);
    expect(sent.body.template.components[0].parameters[0]).toEqual({ type: 'text', text: 'Bruno' });
  });
});

describe('templates that cannot be sent', () => {
  it('when the template is unknown, unapproved or its parameters do not fit, then it is 422 with the reason and nothing is stored or sent', async () => {
    const id = await conversationOf('5511410000003');
    await closeWindow(id);
    const unknown = await send(id, pedido(['a', 'b'], 'nao_existe'));
    expect(unknown).toMatchObject({ status: 422, body: { error: { code: 'template_not_found' } } });
    const pending = await send(id, { template: { name: 'em_analise', language: 'pt_BR', parameters: {} } });
    expect(pending).toMatchObject({ status: 422, body: { error: { code: 'template_not_approved', templateStatus: 'PENDING' } } });
    const wrongLanguage = await send(id, { template: { name: 'pedido_saiu', language: 'en_US', parameters: { body: ['a', 'b'] } } });
    expect(wrongLanguage.body.error.code).toBe('template_not_found');
    const short = await send(id, pedido(['só um']));
    expect(short).toMatchObject({ status: 422, body: { error: { code: 'template_parameters', issues: ['The body takes 2 value(s); 1 given'] } } });
    expect((await send(id, pedido(['a', 'b', 'c']))).body.error.code).toBe('template_parameters');
    expect((await send(id, { template: { name: 'pedido_saiu', language: 'pt_BR', parameters: { body: ['a', 'b'] } }, text: 'extra' })).status).toBe(400);
    expect((await send(id, { template: { name: 'Pedido Saiu', language: 'pt_BR' } })).status).toBe(400);
    const stored = await db.query('SELECT count(*)::int AS n FROM messages WHERE conversation_id = $1 AND direction = $2', [id, 'out']);
    expect(stored.rows[0].n).toBe(0);
    await new Promise((r) => setTimeout(r, 300));
    expect(templateSends('5511410000003')).toEqual([]);
  });

  it('when the conversation is on web chat or a gateway (Evolution) number, then templates are refused as unsupported there', async () => {
    const web = await api(p.app, 'POST', '/v1/channels', { type: 'webchat', name: 'Site', config: {} }, p.token);
    const evo = await db.query("INSERT INTO channels (tenant_id, type, name, config) SELECT tenant_id, 'evolution', 'Evo', config FROM channels WHERE id = $1 RETURNING id", [web.body.id]);
    for (const [channelId, type] of [[web.body.id, 'webchat'], [evo.rows[0].id, 'evolution']]) {
      const contact = await db.query("INSERT INTO contacts (tenant_id, channel_id, external_id) VALUES ($1, $2, 'visitante-t') RETURNING id", [p.tenantId, channelId]);
      const conv = await db.query("INSERT INTO conversations (tenant_id, channel_id, contact_id, status) VALUES ($1, $2, $3, 'bot') RETURNING id", [p.tenantId, channelId, contact.rows[0].id]);
      const res = await send(conv.rows[0].id, pedido(['a', 'b']));
      expect(res).toMatchObject({ status: 422, body: { error: { code: 'templates_unsupported', channelType: type } } });
      expect(res.body.error.message).toMatch(/only WhatsApp Cloud API channels/);
    }
  });
});

describe('what the composer offers', () => {
  it('when an agent opens the template picker, then it lists the approved templates of the conversation\'s channel, and none on web chat', async () => {
    const id = await conversationOf('5511410000006');
    const agent = await addAgent(p.app, p.tenantId, 'Bruno');
    const offered = await api(p.app, 'GET', `/v1/conversations/${id}/templates`, undefined, agent.token);
    expect(offered.status).toBe(200);
    expect(offered.body.items.map((t: { name: string; status: string }) => [t.name, t.status])).toEqual([['pedido_saiu', 'APPROVED']]);
    expect(offered.body.items[0].components).toEqual([{ type: 'BODY', text: BODY }]);
    // The channel's own list (with pending and rejected ones) is the marketers'.
    expect(await api(p.app, 'GET', `/v1/channels/${p.channelId}/templates`, undefined, agent.token)).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    const web = await api(p.app, 'POST', '/v1/channels', { type: 'webchat', name: 'Site 2', config: {} }, p.token);
    const contact = await db.query("INSERT INTO contacts (tenant_id, channel_id, external_id) VALUES ($1, $2, 'visitante-o') RETURNING id", [p.tenantId, web.body.id]);
    const conv = await db.query("INSERT INTO conversations (tenant_id, channel_id, contact_id, status) VALUES ($1, $2, $3, 'bot') RETURNING id", [p.tenantId, web.body.id, contact.rows[0].id]);
    expect(await api(p.app, 'GET', `/v1/conversations/${conv.rows[0].id}/templates`, undefined, agent.token)).toMatchObject({ status: 200, body: { items: [] } });
    const other = await signupWorkspace(p.app);
    expect((await api(p.app, 'GET', `/v1/conversations/${id}/templates`, undefined, other.token)).status).toBe(404);
  });
});

describe('another workspace', () => {
  it('when it names this workspace’s conversation or template, then it gets 404 or not-found and nothing is sent', async () => {
    const mine = await conversationOf('5511410000004');
    const other = await signupWorkspace(p.app);
    expect((await send(mine, pedido(['a', 'b']), { token: other.token })).status).toBe(404);
    // Its own WhatsApp conversation cannot use a template approved on this workspace's channel.
    const channel = await db.query(
      "INSERT INTO channels (tenant_id, type, name, config) SELECT $1, type, 'Outra loja', config FROM channels WHERE id = $2 RETURNING id",
      [other.workspace.id, p.channelId],
    );
    const contact = await db.query("INSERT INTO contacts (tenant_id, channel_id, external_id, phone) VALUES ($1, $2, '5511410000005', '5511410000005') RETURNING id", [other.workspace.id, channel.rows[0].id]);
    const conv = await db.query("INSERT INTO conversations (tenant_id, channel_id, contact_id, status) VALUES ($1, $2, $3, 'bot') RETURNING id", [other.workspace.id, channel.rows[0].id, contact.rows[0].id]);
    const theirs = await send(conv.rows[0].id, pedido(['a', 'b']), { token: other.token });
    expect(theirs).toMatchObject({ status: 422, body: { error: { code: 'template_not_found' } } });
    await new Promise((r) => setTimeout(r, 300));
    expect(templateSends('5511410000004')).toEqual([]);
    expect(templateSends('5511410000005')).toEqual([]);
  });
});
