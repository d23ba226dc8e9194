// Human takeover through the API against the real pipeline: transfer, a race to take it, agent
// replies that reach WhatsApp, notes that never do, hand-back to a chosen flow, close.
import { describe, expect, it } from 'vitest';
import type pg from 'pg';
import { hashPassword } from '../accounts/passwords';
import { edge, flow, keywordTrigger, node } from '../../test/flow-docs';
import { api, signupWorkspace } from '../../test/harness';
import { textMessage } from '../../test/fakes/whatsapp-payloads';
import { eventually, pipelineForFile, sentTexts, type Pipeline } from '../../test/pipeline';

let p: Pipeline;
let db: pg.Client;
let agentB: string;
let agentBId: string;
let otherFlowId: string;

pipelineForFile(async (started) => {
  ({ pipeline: p, db } = started);
  // A second agent in the same workspace (invitations come with the tenancy work).
  const email = `agent${Date.now()}@example.com`;
  const user = await db.query('INSERT INTO users (email, name, password_hash) VALUES ($1, $2, $3) RETURNING id', [email, 'Bruno', await hashPassword('senha-forte-9')]);
  agentBId = user.rows[0].id;
  await db.query("INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, 'agent')", [p.tenantId, agentBId]);
  agentB = (await api(p.app, 'POST', '/v1/auth/login', { email, password: 'senha-forte-9' })).body.token;
  await p.publish(flow([keywordTrigger('ajuda'), node('human', 'transfer', { message: 'vou chamar alguém' })], [edge('start', 'next', 'human')]), 'Ajuda');
  otherFlowId = (await p.publish(flow([keywordTrigger('nunca'), node('back', 'message', { text: 'o robô voltou' })], [edge('start', 'next', 'back')]), 'Volta')).flowId;
});

const customer = { waId: '5511700000099' };

describe('human takeover', () => {
  it('when a transferred conversation is taken, answered, noted, handed back and closed, then each step holds', async () => {
    await p.wa.inbound(customer, textMessage('ajuda'));
    await eventually(() => sentTexts(p.wa, customer.waId).length === 1);
    const list = await api(p.app, 'GET', '/v1/conversations?status=waiting', undefined, p.token);
    const id = list.body.items.find((c: any) => c.contact.phone === customer.waId).id;
    const me = await api(p.app, 'GET', '/v1/me', undefined, p.token);

    // Two agents click "take" at once: exactly one wins, the other is told.
    const [a, b] = await Promise.all([
      api(p.app, 'POST', `/v1/conversations/${id}/assign`, { assigneeId: me.body.user.id }, p.token),
      api(p.app, 'POST', `/v1/conversations/${id}/assign`, { assigneeId: agentBId }, agentB),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [winnerToken, loserToken] = a.status === 200 ? [p.token, agentB] : [agentB, p.token];

    const reply = await api(p.app, 'POST', `/v1/conversations/${id}/messages`, { text: 'Oi! Sou a Ana, como posso ajudar?' }, winnerToken);
    expect(reply.status).toBe(201);
    expect(reply.body.status).toBe('pending');
    await eventually(() => sentTexts(p.wa, customer.waId).includes('Oi! Sou a Ana, como posso ajudar?'));
    expect((await api(p.app, 'POST', `/v1/conversations/${id}/messages`, { text: 'eu também' }, loserToken)).status).toBe(409);

    const note = await api(p.app, 'POST', `/v1/conversations/${id}/notes`, { text: 'cliente VIP, oferecer frete grátis' }, winnerToken);
    expect(note.status).toBe(201);
    await p.wa.inbound(customer, textMessage('nunca'));
    await new Promise((r) => setTimeout(r, 800));
    // A human owns it: no bot reply, and the note never went out.
    expect(sentTexts(p.wa, customer.waId)).toEqual(['vou chamar alguém', 'Oi! Sou a Ana, como posso ajudar?']);
    const messages = await api(p.app, 'GET', `/v1/conversations/${id}/messages`, undefined, p.token);
    expect(messages.body.items.find((m: any) => m.type === 'note')).toMatchObject({ text: 'cliente VIP, oferecer frete grátis', author: 'agent' });

    const back = await api(p.app, 'POST', `/v1/conversations/${id}/handback`, { flowId: otherFlowId }, winnerToken);
    expect(back.body).toMatchObject({ status: 'bot', assigneeId: null });
    await p.wa.inbound(customer, textMessage('qualquer coisa'));
    await eventually(() => sentTexts(p.wa, customer.waId).includes('o robô voltou'));

    expect((await api(p.app, 'POST', `/v1/conversations/${id}/close`, {}, winnerToken)).body.status).toBe('closed');
    await p.wa.inbound(customer, textMessage('ajuda'));
    await eventually(() => sentTexts(p.wa, customer.waId).filter((t) => t === 'vou chamar alguém').length === 2);
    // The customer wrote again: the same conversation reopened (with the bot, which transferred it).
    const after = await api(p.app, 'GET', '/v1/conversations', undefined, p.token);
    expect(after.body.items.filter((c: any) => c.contact.phone === customer.waId).map((c: any) => [c.id, c.status])).toEqual([[id, 'waiting']]);
  });

  it('when another workspace acts on the conversation, then it is not found', async () => {
    const list = await api(p.app, 'GET', '/v1/conversations', undefined, p.token);
    const id = list.body.items[0].id;
    const other = await signupWorkspace(p.app);
    for (const [path, body] of [['assign', { assigneeId: other.user.id }], ['handback', {}], ['close', {}], ['notes', { text: 'x' }], ['messages', { text: 'x' }]] as const) {
      expect((await api(p.app, 'POST', `/v1/conversations/${id}/${path}`, body, other.token)).status).toBe(404);
    }
  });
});
