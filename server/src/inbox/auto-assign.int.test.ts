// Automatic assignment through the real pipeline: a flow transfers to a team, the chat goes
// round-robin to the team's ONLINE agents, nobody past the cap of open chats, and the queue moves
// when an agent finishes one.
import { describe, expect, it } from 'vitest';
import type pg from 'pg';
import { edge, flow, keywordTrigger, node } from '../../test/flow-docs';
import { api } from '../../test/harness';
import { addAgent, addMember } from '../../test/agents';
import { textMessage } from '../../test/fakes/whatsapp-payloads';
import { eventually, otherWorkspace, pipelineForFile, type Pipeline } from '../../test/pipeline';
import knexFactory from 'knex';
import { pagesRead } from '../../test/db';
import { forTenant } from '../db/tenant-db';
import { waitingUnownedQuery } from './auto-assign.queries';

let p: Pipeline;
let db: pg.Client;
let ana: string;
let bruno: { id: string; token: string };
let carla: { id: string; token: string };
let davi: { id: string; token: string };
let mara: { id: string; token: string };

pipelineForFile(async (started) => {
  ({ pipeline: p, db } = started);
  ana = (await api(p.app, 'GET', '/v1/me', undefined, p.token)).body.user.id;
  bruno = await addAgent(p.app, p.tenantId, 'Bruno');
  carla = await addAgent(p.app, p.tenantId, 'Carla');
  davi = await addAgent(p.app, p.tenantId, 'Davi');
  const team = (await api(p.app, 'POST', '/v1/teams', { name: 'Vendas', memberIds: [bruno.id, carla.id, davi.id] }, p.token)).body;
  await p.publish(flow([keywordTrigger('comprar'), node('human', 'transfer', { team: team.id, message: 'já te atendo' })], [edge('start', 'next', 'human')]), 'Vendas');
  await p.publish(flow([keywordTrigger('ajuda'), node('human', 'transfer', { team: null, message: '' })], [edge('start', 'next', 'human')]), 'Geral');
  // A marketer, online in the builder, never assigned a chat before anyone else.
  mara = await addMember(p.app, p.tenantId, 'Mara', 'marketer');
  // Bruno and Carla are online; Davi (same team) is not, Ana (not in the team) is, and so is Mara.
  for (const token of [bruno.token, carla.token, p.token, mara.token]) await api(p.app, 'PUT', '/v1/me/presence', { status: 'online' }, token);
  const settings = await api(p.app, 'PUT', '/v1/settings/inbox', { autoAssign: true, maxOpenPerAgent: 1 }, p.token);
  expect(settings.body).toMatchObject({ autoAssign: true, maxOpenPerAgent: 1, noAgentTimeoutMinutes: null });
});

async function transferred(waId: string, text: string): Promise<string> {
  await p.wa.inbound({ waId }, textMessage(text));
  return eventually(async () => {
    const { rows } = await db.query("SELECT cv.id FROM conversations cv JOIN contacts ct ON ct.id = cv.contact_id WHERE ct.phone = $1 AND cv.status <> 'bot'", [waId]);
    return rows[0]?.id as string | undefined;
  });
}

const conversation = async (id: string) => (await api(p.app, 'GET', `/v1/conversations/${id}`, undefined, p.token)).body;

describe('automatic assignment', () => {
  let first: any;
  let second: any;
  let third: string;

  it('when chats are transferred to a team, then they go round-robin to its online agents, one each under a cap of one', async () => {
    const a = await transferred('5511200000001', 'comprar');
    first = await eventually(async () => ((await conversation(a)).assigneeId ? conversation(a) : null));
    const b = await transferred('5511200000002', 'comprar');
    second = await eventually(async () => ((await conversation(b)).assigneeId ? conversation(b) : null));
    expect([first.assigneeId, second.assigneeId].sort()).toEqual([bruno.id, carla.id].sort());
    expect(first).toMatchObject({ status: 'human', team: { name: 'Vendas' } });
    third = await transferred('5511200000003', 'comprar');
    await new Promise((r) => setTimeout(r, 1_500));
    // Both online agents are at the cap; Davi is offline and Ana is not in the team.
    expect(await conversation(third)).toMatchObject({ status: 'waiting', assigneeId: null });
    const events = (await api(p.app, 'GET', '/v1/events?after=0&limit=500', undefined, p.token)).body.items;
    expect(events.find((e: any) => e.type === 'conversation.assigned' && e.conversationId === a)).toMatchObject({ assigneeId: first.assigneeId, auto: true, by: null });
  });

  it('when an agent closes a chat, then the waiting one goes to them', async () => {
    const owner = first.assigneeId === bruno.id ? bruno : carla;
    expect((await api(p.app, 'POST', `/v1/conversations/${first.id}/close`, {}, owner.token)).status).toBe(200);
    await eventually(async () => (await conversation(third)).assigneeId === owner.id);
  });

  it('when a chat has no team, then any online member may get it, still within the cap', async () => {
    const id = await transferred('5511200000004', 'ajuda');
    // Bruno and Carla hold one each; Ana is online with none. Mara is online too, but a marketer
    // cannot open chats: she is never a candidate, nor can anyone hand her one.
    await eventually(async () => (await conversation(id)).assigneeId === ana);
    const handed = await api(p.app, 'POST', `/v1/conversations/${id}/assign`, { assigneeId: mara.id }, p.token);
    expect(handed.status).toBe(400);
    expect(handed.body.error).toMatchObject({ code: 'validation_failed', field: 'assigneeId' });
    expect((await conversation(id)).assigneeId).toBe(ana);
    // Everyone who may hold chats is at the cap of one: the next one waits, and does not go to Mara.
    const next = await transferred('5511200000014', 'ajuda');
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await conversation(next)).toMatchObject({ status: 'waiting', assigneeId: null });
    await api(p.app, 'POST', `/v1/conversations/${next}/close`, {}, p.token);
  });

  it('when automatic assignment is off, then transferred chats wait for someone to take them', async () => {
    await api(p.app, 'PUT', '/v1/settings/inbox', { autoAssign: false, maxOpenPerAgent: 5 }, p.token);
    const id = await transferred('5511200000005', 'comprar');
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await conversation(id)).toMatchObject({ status: 'waiting', assigneeId: null });
  });

  it('when the settings are malformed, then they are refused and unchanged', async () => {
    for (const body of [{ maxOpenPerAgent: 0 }, { autoAssign: 'yes' }, { noAgentTimeoutMinutes: -1 }, { noAgentFlowId: 'x' }, { noAgentFlowId: '6f1c1f8e-5a43-4c55-9a53-0c2b3f1b2f10' }, { noAgentTimeoutMinutes: 5 }, { noAgentTimeoutMinutes: 5, noAgentMessage: '   ' }]) {
      expect((await api(p.app, 'PUT', '/v1/settings/inbox', body, p.token)).status, JSON.stringify(body)).toBe(400);
    }
    expect((await api(p.app, 'GET', '/v1/settings/inbox', undefined, davi.token)).body).toEqual({
      autoAssign: false, maxOpenPerAgent: 5, noAgentTimeoutMinutes: null, noAgentMessage: '', noAgentFlowId: null, satisfactionSurvey: false,
    });
  });

  it('when a customer writes again after their chat was closed, then it goes back to the agent who closed it, if they are online', async () => {
    await api(p.app, 'PUT', '/v1/settings/inbox', { autoAssign: true, maxOpenPerAgent: 5 }, p.token);
    const holder = async (id: string) => eventually(async () => (await conversation(id)).assigneeId as string | null);
    // Three chats alternate between Bruno and Carla: the first one's agent got the third too, so
    // round-robin would now pick the other one.
    const x = await transferred('5511200000021', 'comprar');
    const first = await holder(x);
    expect(await holder(await transferred('5511200000022', 'comprar'))).not.toBe(first);
    const other = first === bruno.id ? carla : bruno;
    const owner = first === bruno.id ? bruno : carla;
    const z = await transferred('5511200000023', 'comprar');
    expect(await holder(z)).toBe(owner.id);
    expect((await api(p.app, 'POST', `/v1/conversations/${x}/close`, {}, owner.token)).status).toBe(200);
    // No flow answers "chegou?": the chat is back with people, and with the agent who knows it.
    await p.wa.inbound({ waId: '5511200000021' }, textMessage('chegou meu pedido?'));
    await eventually(async () => (await conversation(x)).status === 'human');
    expect(await conversation(x)).toMatchObject({ status: 'human', assigneeId: owner.id });
    const events = (await api(p.app, 'GET', '/v1/events?after=0&limit=500', undefined, p.token)).body.items;
    expect(events.filter((e: any) => e.type === 'conversation.assigned' && e.conversationId === x).at(-1)).toMatchObject({ assigneeId: owner.id, auto: true, returning: true });

    // Closed again, and its agent has gone offline: the customer is not left waiting for them.
    expect((await api(p.app, 'POST', `/v1/conversations/${x}/close`, {}, owner.token)).status).toBe(200);
    await api(p.app, 'PUT', '/v1/me/presence', { status: 'offline' }, owner.token);
    await p.wa.inbound({ waId: '5511200000021' }, textMessage('alguém aí?'));
    await eventually(async () => (await conversation(x)).assigneeId === other.id);
    await api(p.app, 'PUT', '/v1/me/presence', { status: 'online' }, owner.token);
  });

  it("when another workspace has 20,000 chats waiting, then reading this workspace's queue reads only its own", async () => {
    const b = await otherWorkspace(p, 'Loja B', '106540352242555');
    // A busy shop with nobody answering: its chats pile up in its queue, older than this one's.
    await db.query(`INSERT INTO contacts (tenant_id, channel_id, external_id, phone, name)
      SELECT $1, $2, '5521' || g, '5521' || g, 'Fila ' || g FROM generate_series(1, 20000) g`, [b.tenantId, b.channelId]);
    await db.query(`INSERT INTO conversations (tenant_id, channel_id, contact_id, status, transferred_at, last_message_at)
      SELECT tenant_id, channel_id, id, 'waiting', now() - interval '1 day', now() FROM contacts WHERE tenant_id = $1`, [b.tenantId]);
    // A query builder with no connection: only the SQL it writes is needed.
    const { sql, bindings } = waitingUnownedQuery(forTenant(knexFactory({ client: 'pg' }), p.tenantId), 20).toSQL().toNative();
    try {
      const { pages, plan } = await pagesRead(p.app.config.DATABASE_URL, sql, [...bindings]);
      // Before, it walked the other shop's queue to find this one's (382 pages here).
      expect(pages, JSON.stringify(plan)).toBeLessThan(40);
    } finally {
      await db.query('DELETE FROM conversations WHERE tenant_id = $1', [b.tenantId]);
    }
  });
});
