// The thread's activity lines: every path that changes who has a chat leaves one, named, in order,
// in the transaction that made the change (a refused action leaves none); other workspaces see none.
import { describe, expect, it } from 'vitest';
import type pg from 'pg';
import { edge, flow, keywordTrigger, node } from '../../test/flow-docs';
import { api } from '../../test/harness';
import { addAgent } from '../../test/agents';
import { textMessage } from '../../test/fakes/whatsapp-payloads';
import { eventually, otherWorkspace, pipelineForFile, type Pipeline } from '../../test/pipeline';

let p: Pipeline;
let db: pg.Client;
let bruno: { id: string; token: string; name: string };
let teamId: string;
let flowId: string;

pipelineForFile(async (started) => {
  ({ pipeline: p, db } = started);
  bruno = await addAgent(p.app, p.tenantId, 'Bruno');
  teamId = (await api(p.app, 'POST', '/v1/teams', { name: 'Vendas', memberIds: [bruno.id] }, p.token)).body.id;
  await p.publish(flow([keywordTrigger('ajuda'), node('human', 'transfer', { message: 'um momento', team: teamId })], [edge('start', 'next', 'human')]), 'Ajuda');
  flowId = (await p.publish(flow([keywordTrigger('menu'), node('hi', 'message', { text: 'menu' })], [edge('start', 'next', 'hi')]), 'Menu')).flowId;
});

const call = (method: string, path: string, body?: unknown, token = p.token) => api(p.app, method, path, body, token);
const lines = async (id: string, token = p.token) => (await call('GET', `/v1/conversations/${id}/activity`, undefined, token)).body.items as any[];

async function waiting(waId: string): Promise<string> {
  await p.wa.inbound({ waId }, textMessage('ajuda'));
  return eventually(async () => {
    const { rows } = await db.query("SELECT cv.id FROM conversations cv JOIN contacts ct ON ct.id = cv.contact_id WHERE ct.phone = $1 AND cv.status = 'waiting'", [waId]);
    return rows[0]?.id as string | undefined;
  });
}

describe('conversation activity', () => {
  it('when a chat is transferred, answered, passed on, handed back, closed and reopened, then each leaves a named line, oldest first', async () => {
    const id = await waiting('5511700000001');
    expect((await call('POST', `/v1/conversations/${id}/messages`, { text: 'oi, sou a Ana' })).status).toBe(201);
    expect((await call('POST', `/v1/conversations/${id}/assign`, { assigneeId: bruno.id })).status).toBe(200);
    expect((await call('POST', `/v1/conversations/${id}/handback`, { flowId }, bruno.token)).status).toBe(200);
    expect((await call('POST', `/v1/conversations/${id}/close`)).status).toBe(200);
    expect((await call('POST', `/v1/conversations/${id}/reopen`, {}, bruno.token)).status).toBe(200);
    const got = await lines(id);
    expect(got.map((l) => [l.type, l.by?.name ?? null, l.assignee?.name ?? null])).toEqual([
      ['transferred', null, null],
      ['assigned', 'Ana', 'Ana'],
      ['assigned', 'Ana', 'Bruno'],
      ['handed_back', 'Bruno', null],
      ['closed', 'Ana', null],
      ['reopened', 'Bruno', 'Bruno'],
    ]);
    expect(got[0].team).toEqual({ id: teamId, name: 'Vendas' });
    expect(got[2].previousAssignee?.name).toBe('Ana');
    expect(got[3].flow).toEqual({ id: flowId, name: 'Menu' });
    const times = got.map((l) => Date.parse(l.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('when an action is refused or changes nothing, then it leaves no line', async () => {
    const id = await waiting('5511700000002');
    expect((await call('POST', `/v1/conversations/${id}/assign`, { assigneeId: bruno.id }, bruno.token)).status).toBe(200);
    const carla = await addAgent(p.app, p.tenantId, 'Carla');
    expect((await call('POST', `/v1/conversations/${id}/assign`, { assigneeId: carla.id }, carla.token)).status).toBe(409);
    expect((await call('POST', `/v1/conversations/${id}/close`, {}, carla.token)).status).toBe(409);
    expect((await call('POST', `/v1/conversations/${id}/assign`, { assigneeId: bruno.id }, bruno.token)).status).toBe(200); // already his
    expect((await lines(id)).map((l) => l.type)).toEqual(['transferred', 'assigned']);
  });

  it('when a closed chat hears from its customer again, then the line says it reopened without a member', async () => {
    const id = await waiting('5511700000003');
    expect((await call('POST', `/v1/conversations/${id}/close`)).status).toBe(200);
    await p.wa.inbound({ waId: '5511700000003' }, textMessage('obrigado'));
    const got = await eventually(async () => {
      const all = await lines(id);
      return all.length >= 3 ? all : undefined;
    });
    expect(got.slice(1, 3).map((l) => [l.type, l.by])).toEqual([['closed', { id: (await call('GET', '/v1/me')).body.user.id, name: 'Ana' }], ['reopened', null]]);
  });

  it('when another workspace asks for the lines, then the conversation is not found there; an agent of this one reads them', async () => {
    const id = await waiting('5511700000004');
    const other = await otherWorkspace(p, 'Outra', 'PN-ACTIVITY-2');
    const res = await call('GET', `/v1/conversations/${id}/activity`, undefined, other.token);
    expect(res.status).toBe(404);
    expect((await lines(id, bruno.token)).map((l) => l.type)).toEqual(['transferred']);
  });
});
