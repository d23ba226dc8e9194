// The dead-letter API against real PostgreSQL and Redis: a failed send is listed with its reason
// and retried; agents and other workspaces cannot see or retry it.
import { describe, expect, it } from 'vitest';
import type pg from 'pg';
import { edge, flow, keywordTrigger, node } from '../../test/flow-docs';
import { addAgent } from '../../test/agents';
import { api, signupWorkspace } from '../../test/harness';
import { textMessage } from '../../test/fakes/whatsapp-payloads';
import { eventually, pipelineForFile, sentTexts, type Pipeline } from '../../test/pipeline';

let p: Pipeline;
let db: pg.Client;

pipelineForFile(async (started) => {
  ({ pipeline: p, db } = started);
  await p.publish(flow([keywordTrigger('oi'), node('hello', 'message', { text: 'Olá!' })], [edge('start', 'next', 'hello')]), 'Oi');
});

describe('dead letters', () => {
  it('when a send failed permanently, then an owner sees it with the reason and a retry sends it', async () => {
    const waId = '5511966660001';
    p.wa.failNext({ httpStatus: 400, code: 131026, details: 'Message undeliverable' });
    await p.wa.inbound({ waId }, textMessage('oi'));
    const failed = await eventually(async () => {
      const res = await api(p.app, 'GET', '/v1/operations/failures', undefined, p.token);
      return res.body.messages?.find((m: { text: string }) => m.text === 'Olá!');
    });
    expect(failed.error).toContain('131026');
    expect(sentTexts(p.wa, waId)).toEqual([]);

    const other = await signupWorkspace(p.app, 'Outra');
    expect((await api(p.app, 'GET', '/v1/operations/failures', undefined, other.token)).body.messages).toEqual([]);
    expect((await api(p.app, 'POST', `/v1/operations/failures/messages/${failed.id}/retry`, {}, other.token)).status).toBe(404);

    expect((await api(p.app, 'POST', `/v1/operations/failures/messages/${failed.id}/retry`, {}, p.token)).status).toBe(202);
    await eventually(() => sentTexts(p.wa, waId).length === 1);
    expect(sentTexts(p.wa, waId)).toEqual(['Olá!']);
    // Retried once: a second retry finds nothing failed.
    expect((await api(p.app, 'POST', `/v1/operations/failures/messages/${failed.id}/retry`, {}, p.token)).status).toBe(404);
  });

  it('when an event whose message is already stored is retried, then nothing is answered twice', async () => {
    const waId = '5511966660002';
    const { id: wamid } = await p.wa.inbound({ waId }, textMessage('oi'));
    await eventually(() => sentTexts(p.wa, waId).length === 1);
    const { rows: [row] } = await db.query(
      "UPDATE inbound_events SET status = 'failed', error = 'handler_failed: test' WHERE tenant_id = $1 AND provider_event_id = $2 RETURNING id",
      [p.tenantId, wamid]);
    expect((await api(p.app, 'POST', `/v1/operations/failures/events/${row.id}/retry`, {}, p.token)).status).toBe(202);
    await eventually(async () => (await db.query('SELECT status FROM inbound_events WHERE id = $1', [row.id])).rows[0].status === 'processed');
    await new Promise((r) => setTimeout(r, 500));
    expect(sentTexts(p.wa, waId)).toEqual(['Olá!']);
  });

  it('when sends to two customers failed and an event was set aside, then the list names the customers and one retry-all puts back only this workspace\'s, each once', async () => {
    const [ana, bia] = [{ waId: '5511966660011', name: 'Ana Souza' }, { waId: '5511966660012', name: 'Bia Lima' }];
    for (const who of [ana, bia]) {
      p.wa.failNext({ httpStatus: 400, code: 131026, details: 'Message undeliverable' });
      await p.wa.inbound(who, textMessage('oi'));
      await eventually(async () => (await db.query(
        "SELECT 1 FROM messages m JOIN conversations c ON c.id = m.conversation_id JOIN contacts k ON k.id = c.contact_id WHERE k.external_id = $1 AND m.status = 'failed'",
        [who.waId])).rows.length === 1);
    }
    const { id: wamid } = await p.wa.inbound({ waId: '5511966660013', name: 'Caio' }, textMessage('tchau'));
    await eventually(async () => (await db.query("SELECT status FROM inbound_events WHERE provider_event_id = $1", [wamid])).rows[0]?.status === 'processed');
    await db.query("UPDATE inbound_events SET status = 'failed', error = 'handler_failed: test', attempts = 3 WHERE tenant_id = $1 AND provider_event_id = $2", [p.tenantId, wamid]);

    // Another workspace's failure, which retry-all of this one must leave alone.
    const other = await signupWorkspace(p.app, 'Vizinha');
    const theirChannel = await api(p.app, 'POST', '/v1/channels', { type: 'webchat', name: 'Site' }, other.token);
    const { rows: [theirs] } = await db.query(
      `INSERT INTO inbound_events (tenant_id, channel_id, provider_event_id, kind, conversation_key, payload, status, error, attempts, processed_at)
       VALUES ($1, $2, 'theirs-1', 'message', $3, '{}', 'failed', 'boom', 3, now()) RETURNING id`,
      [other.workspace.id, theirChannel.body.id, `${theirChannel.body.id}:visitante-1`]);

    const list = (await api(p.app, 'GET', '/v1/operations/failures', undefined, p.token)).body;
    const failedTo = (waId: string) => list.messages.filter((m: { contact: { phone: string } | null }) => m.contact?.phone === waId);
    expect(failedTo(ana.waId).map((m: { contact: unknown }) => m.contact)).toEqual([{ name: 'Ana Souza', phone: ana.waId }]);
    expect(failedTo(bia.waId).map((m: { contact: unknown }) => m.contact)).toEqual([{ name: 'Bia Lima', phone: bia.waId }]);
    const event = list.events.find((e: { conversationKey: string }) => e.conversationKey.endsWith('5511966660013'));
    expect(event.contact).toEqual({ name: 'Caio', phone: '5511966660013' });
    expect(list.totals).toEqual({ events: list.events.length, messages: list.messages.length, capped: false });
    expect(list.totals.messages).toBeGreaterThanOrEqual(2);

    const agent = await addAgent(p.app, p.tenantId, 'Duda');
    expect((await api(p.app, 'POST', '/v1/operations/failures/retry-all', {}, agent.token)).status).toBe(403);

    const all = await api(p.app, 'POST', '/v1/operations/failures/retry-all', {}, p.token);
    expect(all.status).toBe(202);
    expect(all.body).toEqual({ messages: list.totals.messages, events: list.totals.events, remaining: 0, optedOut: 0 });
    await eventually(() => sentTexts(p.wa, ana.waId).length === 1 && sentTexts(p.wa, bia.waId).length === 1);
    await eventually(async () => (await db.query("SELECT status FROM inbound_events WHERE provider_event_id = $1", [wamid])).rows[0].status === 'processed');
    await new Promise((r) => setTimeout(r, 500));
    expect([sentTexts(p.wa, ana.waId), sentTexts(p.wa, bia.waId)]).toEqual([['Olá!'], ['Olá!']]);
    // Caio's "tchau" matched no keyword: processed again, it still answers nothing.
    expect(sentTexts(p.wa, '5511966660013')).toEqual([]);
    expect((await db.query('SELECT status FROM inbound_events WHERE id = $1', [theirs.id])).rows[0].status).toBe('failed');
    expect((await api(p.app, 'GET', '/v1/operations/failures', undefined, other.token)).body.totals).toEqual({ events: 1, messages: 0, capped: false });
    expect((await api(p.app, 'POST', '/v1/operations/failures/retry-all', {}, p.token)).body).toMatchObject({ messages: 0, events: 0 });
  });

  it('when a marketing template failed and its customer opted out since, then neither retry sends it; a utility template to them still goes', async () => {
    const q = (sql: string, args: unknown[]) => db.query(sql, args).then((r) => r.rows);
    for (const [name, category] of [['promo_natal', 'MARKETING'], ['pedido_enviado', 'UTILITY']])
      await q(`INSERT INTO whatsapp_templates (tenant_id, channel_id, name, language, category, status) VALUES ($1, $2, $3, 'pt_BR', $4, 'APPROVED')`, [p.tenantId, p.channelId, name, category]);
    const [contact] = await q(`INSERT INTO contacts (tenant_id, channel_id, external_id, phone, name, opted_out_at, opted_out_via)
      VALUES ($1, $2, '5511966660031', '5511966660031', 'Edu', now(), 'keyword') RETURNING id`, [p.tenantId, p.channelId]);
    const [conversation] = await q("INSERT INTO conversations (tenant_id, channel_id, contact_id, status) VALUES ($1, $2, $3, 'closed') RETURNING id", [p.tenantId, p.channelId, contact.id]);
    const failed = async (name: string) => (await q(
      `INSERT INTO messages (tenant_id, conversation_id, channel_id, direction, author, type, text, payload, status, error, attempts)
       VALUES ($1, $2, $3, 'out', 'system', 'template', $4, $5, 'failed', 'send_failed: 131000', 5) RETURNING id`,
      [p.tenantId, conversation.id, p.channelId, name, JSON.stringify({ template: { name, language: 'pt_BR', parameters: [] } })]))[0].id as string;
    const promo = await failed('promo_natal');

    const listed = (await api(p.app, 'GET', '/v1/operations/failures', undefined, p.token)).body.messages.find((m: { id: string }) => m.id === promo);
    expect(listed).toMatchObject({ optedOut: true, contact: { name: 'Edu', phone: '5511966660031' } });
    const one = await api(p.app, 'POST', `/v1/operations/failures/messages/${promo}/retry`, {}, p.token);
    expect(one.status).toBe(409);
    expect(one.body.error.reason).toBe('opted_out');
    const all = await api(p.app, 'POST', '/v1/operations/failures/retry-all', {}, p.token);
    expect(all.body).toMatchObject({ messages: 0, optedOut: 1, remaining: 1 });
    expect((await q('SELECT status FROM messages WHERE id = $1', [promo]))[0].status).toBe('failed');

    // An order update is not marketing: it goes again as asked.
    const order = await failed('pedido_enviado');
    expect((await api(p.app, 'POST', '/v1/operations/failures/retry-all', {}, p.token)).body).toMatchObject({ messages: 1, optedOut: 1 });
    expect((await q('SELECT status FROM messages WHERE id = $1', [order]))[0].status).not.toBe('failed');
    await q("UPDATE messages SET status = 'sent' WHERE id = $1", [promo]);
  });

  it('when a webhook endpoint is failing or was turned off for failing, then the failures list names it; one an owner turned off is not a failure', async () => {
    const endpoint = async (url: string) => (await api(p.app, 'POST', '/v1/webhook-endpoints', { url, events: ['message.received'] }, p.token)).body.id as string;
    const [failing, disabled, paused] = [await endpoint('https://crm.padaria.example/a'), await endpoint('https://crm.padaria.example/b'), await endpoint('https://crm.padaria.example/c')];
    await db.query("UPDATE webhooks SET failing_since = now() - interval '2 hours' WHERE id = $1", [failing]);
    await db.query("UPDATE webhooks SET active = false, disabled_at = now(), disabled_reason = 'failing for 5 days' WHERE id = $1", [disabled]);
    expect((await api(p.app, 'PATCH', `/v1/webhook-endpoints/${paused}`, { active: false }, p.token)).status).toBe(200);

    const { webhooks } = (await api(p.app, 'GET', '/v1/operations/failures', undefined, p.token)).body;
    expect(webhooks.map((w: { id: string }) => w.id).sort()).toEqual([failing, disabled].sort());
    expect(webhooks.find((w: { id: string }) => w.id === disabled)).toMatchObject({ url: 'https://crm.padaria.example/b', disabledReason: 'failing for 5 days' });
    expect(webhooks.find((w: { id: string }) => w.id === failing)).toMatchObject({ disabledAt: null, disabledReason: null, failingSince: expect.any(String) });

    const other = await signupWorkspace(p.app, 'Outra loja');
    expect((await api(p.app, 'GET', '/v1/operations/failures', undefined, other.token)).body.webhooks).toEqual([]);
    for (const id of [failing, disabled, paused]) await api(p.app, 'DELETE', `/v1/webhook-endpoints/${id}`, undefined, p.token);
  });

  it('when the id is not an id, then 404 and never 500', async () => {
    for (const id of ['abc', '0', '1e9', "1' OR 1=1", '99999999999999999999'])
      expect((await api(p.app, 'POST', `/v1/operations/failures/events/${encodeURIComponent(id)}/retry`, {}, p.token)).status).toBe(404);
    expect((await api(p.app, 'POST', '/v1/operations/failures/messages/not-a-uuid/retry', {}, p.token)).status).toBe(404);
  });

  it('when no one is signed in, then 401', async () => {
    expect((await api(p.app, 'GET', '/v1/operations/failures')).status).toBe(401);
  });
});
