// Response times from handoff to first human reply and to close, per agent and team, as median and
// 90th percentile: the real pipeline records handoffs; known durations check the figures; the time
// the bot held a chat never counts. Only transfers (the bot's chat going to people) are counted, and
// "waiting now" is the inbox's Waiting folder.
import { describe, expect, it } from 'vitest';
import type pg from 'pg';
import { edge, flow, keywordTrigger, node } from '../../test/flow-docs';
import { api, signupWorkspace } from '../../test/harness';
import { addAgent } from '../../test/agents';
import { textMessage } from '../../test/fakes/whatsapp-payloads';
import { eventually, pipelineForFile, syncTemplates, type Pipeline } from '../../test/pipeline';

let p: Pipeline;
let db: pg.Client;
let me: string;
let bruno: { id: string; token: string };
let teamId: string;

pipelineForFile(async (started) => {
  ({ pipeline: p, db } = started);
  me = (await api(p.app, 'GET', '/v1/me', undefined, p.token)).body.user.id;
  bruno = await addAgent(p.app, p.tenantId, 'Bruno');
  teamId = (await api(p.app, 'POST', '/v1/teams', { name: 'Suporte', memberIds: [me, bruno.id] }, p.token)).body.id;
  await p.publish(flow([keywordTrigger('ajuda'), node('human', 'transfer', { team: teamId, message: '' })], [edge('start', 'next', 'human')]), 'Ajuda');
  await syncTemplates(p, { name: 'retorno', language: 'pt_BR', status: 'APPROVED', bodyParams: 0, components: [{ type: 'BODY', text: 'Podemos falar?' }] });
});

const report = async (query = '') => (await api(p.app, 'GET', `/v1/reports/response-times${query}`, undefined, p.token)).body;
/** The inbox's Waiting folder: its badge and its list. */
const waitingFolder = async () => {
  const count = (await api(p.app, 'GET', '/v1/conversations/counts', undefined, p.token)).body.waiting as number;
  const listed = (await api(p.app, 'GET', '/v1/conversations?status=waiting&limit=100', undefined, p.token)).body.items as Array<{ id: string }>;
  expect(listed).toHaveLength(count);
  return { count, ids: listed.map((c) => c.id) };
};
const statusOf = async (id: string) => (await api(p.app, 'GET', `/v1/conversations/${id}`, undefined, p.token)).body.status;
/** A customer writes; resolves to their conversation once it has the status wanted. */
async function customerWrites(waId: string, text: string, status: string): Promise<string> {
  await p.wa.inbound({ waId }, textMessage(text));
  return eventually(async () => {
    const { rows } = await db.query('SELECT cv.id, cv.status FROM conversations cv JOIN contacts ct ON ct.id = cv.contact_id WHERE ct.external_id = $1', [waId]);
    return rows[0]?.status === status ? (rows[0].id as string) : undefined;
  });
}

describe('response times', () => {
  it('when a transferred chat is answered and closed, then its handoff is measured from the transfer, not from when the bot began', async () => {
    await p.wa.inbound({ waId: '5511900000100' }, textMessage('ajuda'));
    const id = await eventually(async () => (await api(p.app, 'GET', '/v1/conversations?status=waiting', undefined, p.token)).body.items[0]?.id);
    // The bot held it for an hour before the transfer: that hour must not count.
    await db.query("UPDATE conversations SET created_at = now() - interval '1 hour' WHERE id = $1", [id]);
    await api(p.app, 'POST', `/v1/conversations/${id}/messages`, { text: 'Olá!' }, bruno.token);
    await api(p.app, 'POST', `/v1/conversations/${id}/close`, {}, bruno.token);
    const { rows } = await db.query('SELECT team_id, first_reply_by, ended_assignee_id, end_reason FROM inbox_handoffs WHERE conversation_id = $1', [id]);
    expect(rows).toEqual([{ team_id: teamId, first_reply_by: bruno.id, ended_assignee_id: bruno.id, end_reason: 'closed' }]);
    const r = await report();
    const agent = r.agents.find((a: any) => a.userId === bruno.id);
    expect(agent).toMatchObject({ name: 'Bruno', firstReply: { count: 1 }, close: { count: 1 } });
    expect(agent.firstReply.p50Ms).toBeLessThan(60_000);
    expect(agent.close.p50Ms).toBeLessThan(60_000);
    expect(r.teams).toEqual([expect.objectContaining({ teamId, name: 'Suporte', firstReply: expect.objectContaining({ count: 1 }) })]);
  });

  it('when handoffs have known durations, then each agent and team gets the median and 90th percentile of its own', async () => {
    const conv = (await db.query('SELECT id FROM conversations WHERE tenant_id = $1 LIMIT 1', [p.tenantId])).rows[0].id;
    const at = new Date('2026-06-01T12:00:00Z').getTime();
    // Ana: first replies after 1..10 minutes; she closes the first five after 1 hour each. A hand-back ends one without a close.
    for (let i = 1; i <= 10; i++) {
      await db.query(
        `INSERT INTO inbox_handoffs (tenant_id, conversation_id, team_id, started_at, first_reply_at, first_reply_by, ended_at, end_reason, ended_assignee_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [p.tenantId, conv, teamId, new Date(at + i * 1000), new Date(at + i * 1000 + i * 60_000), me, new Date(at + i * 1000 + 3_600_000), i <= 5 ? 'closed' : 'handback', me],
      );
    }
    const r = await report('?from=2026-06-01T00:00:00Z&to=2026-06-02T00:00:00Z');
    expect(r.agents).toEqual([{ userId: me, name: 'Ana', firstReply: { p50Ms: 330_000, p90Ms: 546_000, count: 10 }, close: { p50Ms: 3_600_000, p90Ms: 3_600_000, count: 5 } }]);
    expect(r.teams).toEqual([{ teamId, name: 'Suporte', firstReply: { p50Ms: 330_000, p90Ms: 546_000, count: 10 }, close: { p50Ms: 3_600_000, p90Ms: 3_600_000, count: 5 }, unanswered: 0 }]);
    expect(r.handoffs).toEqual({ total: 10, answered: 10, waiting: 0, unanswered: 0, noAgent: 0 });
    expect((await report('?from=2026-07-01T00:00:00Z&to=2026-07-02T00:00:00Z')).agents).toEqual([]);
  });

  it('when handoffs end without a human reply or still wait for one, then the report counts them apart from the answered ones', async () => {
    const conv = (await db.query('SELECT id FROM conversations WHERE tenant_id = $1 LIMIT 1', [p.tenantId])).rows[0].id;
    const at = (min: number) => new Date(Date.parse('2026-08-01T12:00:00Z') + min * 60_000);
    const insert = (started: Date, reply: Date | null, ended: Date | null, reason: string | null) => db.query(
      `INSERT INTO inbox_handoffs (tenant_id, conversation_id, team_id, started_at, first_reply_at, first_reply_by, ended_at, end_reason, ended_assignee_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $6)`,
      [p.tenantId, conv, teamId, started, reply, reply ? me : null, ended, reason],
    );
    await insert(at(0), at(2), at(30), 'closed'); // answered
    await insert(at(40), null, at(50), 'closed'); // closed without a word
    await insert(at(60), null, at(90), 'no_agent'); // nobody took it: back to the bot
    await insert(at(100), null, null, null); // not answered yet (but its chat is closed: nobody's Waiting folder holds it)
    const r = await report('?from=2026-08-01T00:00:00Z&to=2026-08-02T00:00:00Z');
    expect(r.handoffs).toEqual({ total: 4, answered: 1, waiting: (await waitingFolder()).count, unanswered: 2, noAgent: 1 });
    expect(r.teams).toEqual([expect.objectContaining({ teamId, unanswered: 2, firstReply: expect.objectContaining({ count: 1 }) })]);
    expect((await report('?from=2026-09-01T00:00:00Z&to=2026-09-02T00:00:00Z')).handoffs).toEqual({ total: 0, answered: 0, waiting: 0, unanswered: 0, noAgent: 0 });
    await db.query('UPDATE inbox_handoffs SET ended_at = $2, end_reason = $3 WHERE conversation_id = $1 AND ended_at IS NULL', [conv, at(120), 'closed']);
  });

  it('when chats wait, are taken but not answered yet, or sit unanswered from a campaign, then "waiting now" is what the inbox\'s Waiting folder counts, whatever the range', async () => {
    const before = await waitingFolder();
    const waiting = await customerWrites('5511900000200', 'ajuda', 'waiting');
    // Taken by Bruno, who has not written yet: in his hands, no longer waiting.
    const taken = await customerWrites('5511900000201', 'ajuda', 'waiting');
    expect((await api(p.app, 'POST', `/v1/conversations/${taken}/assign`, { assigneeId: bruno.id }, bruno.token)).status).toBe(200);
    // A campaign's chat the customer never answered, moved to a team: it stays out of the inbox lists.
    const campaign = (await db.query(
      `INSERT INTO campaigns (tenant_id, channel_id, name, template, audience) VALUES ($1, $2, 'Promo', '{}', '{}') RETURNING id`, [p.tenantId, p.channelId])).rows[0].id;
    const contact = (await db.query(
      "INSERT INTO contacts (tenant_id, channel_id, external_id, phone) VALUES ($1, $2, '5511900000202', '5511900000202') RETURNING id", [p.tenantId, p.channelId])).rows[0].id;
    const outreach = (await db.query(
      `INSERT INTO conversations (tenant_id, channel_id, contact_id, status, last_message_at, outreach_campaign_id) VALUES ($1, $2, $3, 'bot', now(), $4) RETURNING id`,
      [p.tenantId, p.channelId, contact, campaign])).rows[0].id;
    expect((await api(p.app, 'POST', `/v1/conversations/${outreach}/assign`, { teamId }, p.token)).status).toBe(200);
    expect(await statusOf(outreach)).toBe('waiting');

    const folder = await waitingFolder();
    expect(folder.count).toBe(before.count + 1);
    expect(folder.ids).toContain(waiting);
    expect(folder.ids).not.toContain(taken);
    expect(folder.ids).not.toContain(outreach);
    expect((await report()).handoffs.waiting).toBe(folder.count);
    // "Now" is not the range: a chat waiting since before it still waits.
    expect((await report('?from=2026-06-01T00:00:00Z&to=2026-06-02T00:00:00Z')).handoffs.waiting).toBe(folder.count);

    for (const id of [waiting, taken, outreach]) expect((await api(p.app, 'POST', `/v1/conversations/${id}/close`, {}, p.token)).status).toBe(200);
    expect((await report()).handoffs.waiting).toBe(before.count);
  });

  it('when a customer writes again in a chat people closed, or a member reopens or starts one, then it is no new transfer; a flow handing it over again is', async () => {
    const from = new Date().toISOString(); // after the earlier tests' chats
    const to = new Date(Date.now() + 3_600_000).toISOString();
    const inRange = () => report(`?from=${from}&to=${to}`);
    const id = await customerWrites('5511900000300', 'ajuda', 'waiting');
    await api(p.app, 'POST', `/v1/conversations/${id}/messages`, { text: 'Olá! Como posso ajudar?' }, bruno.token);
    expect((await api(p.app, 'POST', `/v1/conversations/${id}/close`, {}, bruno.token)).status).toBe(200);
    expect((await inRange()).handoffs).toMatchObject({ total: 1, answered: 1, unanswered: 0 });

    // "Obrigado!" after the close: no flow answers it, so the chat goes back to the team's queue. The
    // customer waits (the Waiting folder shows it), but the bot never had it again: no new transfer.
    expect(await customerWrites('5511900000300', 'obrigado!', 'waiting')).toBe(id);
    expect((await inRange()).handoffs).toMatchObject({ total: 1, answered: 1, waiting: (await waitingFolder()).count, unanswered: 0 });
    expect((await waitingFolder()).ids).toContain(id);
    // Closed without a word (nothing to answer): not a transfer left unanswered either.
    expect((await api(p.app, 'POST', `/v1/conversations/${id}/close`, {}, p.token)).status).toBe(200);
    expect((await inRange()).handoffs).toMatchObject({ total: 1, answered: 1, unanswered: 0 });

    // A member reopening it to write, or writing first to a new customer, hands nothing over either.
    expect((await api(p.app, 'POST', `/v1/conversations/${id}/reopen`, {}, p.token)).status).toBe(200);
    expect((await api(p.app, 'POST', `/v1/conversations/${id}/messages`, { text: 'Seu pedido saiu para entrega.' }, p.token)).status).toBe(201);
    expect((await api(p.app, 'POST', `/v1/conversations/${id}/close`, {}, p.token)).status).toBe(200);
    const started = await api(p.app, 'POST', '/v1/conversations', { channelId: p.channelId, phone: '+55 11 90000-0301', template: { name: 'retorno', language: 'pt_BR' } }, p.token);
    expect(started.status).toBe(201);
    expect((await api(p.app, 'POST', `/v1/conversations/${started.body.conversationId}/close`, {}, p.token)).status).toBe(200);
    const { rows } = await db.query('SELECT kind FROM inbox_handoffs WHERE conversation_id = ANY($1) ORDER BY started_at', [[id, started.body.conversationId]]);
    expect(rows.map((r) => r.kind)).toEqual(['transfer', 'reopened', 'reopened', 'started']);
    let r = await inRange();
    expect(r.handoffs).toMatchObject({ total: 1, answered: 1, unanswered: 0 });
    expect(r.agents).toEqual([expect.objectContaining({ userId: bruno.id, firstReply: expect.objectContaining({ count: 1 }) })]);

    // The customer asks for help again and the flow hands the chat over: that is a transfer.
    expect(await customerWrites('5511900000300', 'ajuda', 'waiting')).toBe(id);
    await api(p.app, 'POST', `/v1/conversations/${id}/messages`, { text: 'Estou aqui!' }, bruno.token);
    r = await inRange();
    expect(r.handoffs).toMatchObject({ total: 2, answered: 2, unanswered: 0 });
    expect(r.agents).toEqual([expect.objectContaining({ userId: bruno.id, firstReply: expect.objectContaining({ count: 2 }) })]);
    expect((await api(p.app, 'POST', `/v1/conversations/${id}/close`, {}, bruno.token)).status).toBe(200);
  });

  it('when the range is malformed, or another workspace asks, then 400 or nothing of this one', async () => {
    for (const q of ['?from=yesterday', '?from=2026-06-02T00:00:00Z&to=2026-06-01T00:00:00Z', '?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z']) {
      expect((await api(p.app, 'GET', `/v1/reports/response-times${q}`, undefined, p.token)).status, q).toBe(400);
    }
    const other = await signupWorkspace(p.app);
    const theirs = (await api(p.app, 'GET', '/v1/reports/response-times?from=2026-06-01T00:00:00Z&to=2026-06-02T00:00:00Z', undefined, other.token)).body;
    expect(theirs).toMatchObject({ agents: [], teams: [], handoffs: { total: 0 } });
  });
});
