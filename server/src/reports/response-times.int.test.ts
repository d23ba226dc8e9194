// Response times from handoff to first human reply and to close, per agent and team, as median and
// 90th percentile: the real pipeline records handoffs; known durations check the figures; the time
// the bot held a chat never counts.
import { describe, expect, it } from 'vitest';
import type pg from 'pg';
import { edge, flow, keywordTrigger, node } from '../../test/flow-docs';
import { api, signupWorkspace } from '../../test/harness';
import { addAgent } from '../../test/agents';
import { textMessage } from '../../test/fakes/whatsapp-payloads';
import { eventually, pipelineForFile, type Pipeline } from '../../test/pipeline';

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
});

const report = async (query = '') => (await api(p.app, 'GET', `/v1/reports/response-times${query}`, undefined, p.token)).body;

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
    await insert(at(100), null, null, null); // still waiting
    const r = await report('?from=2026-08-01T00:00:00Z&to=2026-08-02T00:00:00Z');
    expect(r.handoffs).toEqual({ total: 4, answered: 1, waiting: 1, unanswered: 2, noAgent: 1 });
    expect(r.teams).toEqual([expect.objectContaining({ teamId, unanswered: 2, firstReply: expect.objectContaining({ count: 1 }) })]);
    expect((await report('?from=2026-09-01T00:00:00Z&to=2026-09-02T00:00:00Z')).handoffs).toEqual({ total: 0, answered: 0, waiting: 0, unanswered: 0, noAgent: 0 });
    await db.query('UPDATE inbox_handoffs SET ended_at = $2, end_reason = $3 WHERE conversation_id = $1 AND ended_at IS NULL', [conv, at(120), 'closed']);
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
