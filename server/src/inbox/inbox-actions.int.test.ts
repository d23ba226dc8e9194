// Assigning to a team, the 409 that names who won, reopening, marking read — and the events each
// publishes for the other open inboxes.
import { describe, expect, it } from 'vitest';
import type pg from 'pg';
import { edge, flow, keywordTrigger, node } from '../../test/flow-docs';
import { api, signupWorkspace } from '../../test/harness';
import { addAgent, addMember } from '../../test/agents';
import { textMessage } from '../../test/fakes/whatsapp-payloads';
import { eventually, pipelineForFile, type Pipeline } from '../../test/pipeline';

let p: Pipeline;
let db: pg.Client;
let me: string;
let bruno: { id: string; token: string; name: string };
let teamId: string;

pipelineForFile(async (started) => {
  ({ pipeline: p, db } = started);
  me = (await api(p.app, 'GET', '/v1/me', undefined, p.token)).body.user.id;
  bruno = await addAgent(p.app, p.tenantId, 'Bruno');
  teamId = (await api(p.app, 'POST', '/v1/teams', { name: 'Vendas', memberIds: [bruno.id] }, p.token)).body.id;
  await p.publish(flow([keywordTrigger('oi'), node('hi', 'message', { text: 'olá' })], [edge('start', 'next', 'hi')]), 'Oi');
});

const call = (method: string, path: string, body?: unknown, token = p.token) => api(p.app, method, path, body, token);

async function conversationOf(waId: string, text = 'oi'): Promise<string> {
  await p.wa.inbound({ waId }, textMessage(text));
  return eventually(async () => {
    const { rows } = await db.query("SELECT cv.id FROM conversations cv JOIN contacts ct ON ct.id = cv.contact_id WHERE ct.phone = $1 AND cv.status <> 'closed'", [waId]);
    return rows[0]?.id as string | undefined;
  });
}

const eventsSince = async (after: number, token = p.token) => (await call('GET', `/v1/events?after=${after}`, undefined, token)).body.items as any[];
const position = async () => (await call('GET', '/v1/events')).body.nextAfter as number;

describe('inbox actions', () => {
  it('when a bot conversation is assigned to a team, then it waits in that team\'s queue, and the inbox is told', async () => {
    const id = await conversationOf('5511600000001');
    const start = await position();
    const res = await call('POST', `/v1/conversations/${id}/assign`, { teamId });
    expect(res.body).toEqual({ id, status: 'waiting', assigneeId: null, teamId });
    expect((await call('GET', `/v1/conversations?teamId=${teamId}&status=waiting`)).body.items.map((c: any) => c.id)).toContain(id);
    expect((await eventsSince(start)).find((e) => e.type === 'conversation.assigned')).toMatchObject({ conversationId: id, status: 'waiting', assigneeId: null, teamId, previousStatus: 'bot' });
  });

  it('when someone holds a conversation and another agent takes it, then the 409 says who', async () => {
    const id = await conversationOf('5511600000002');
    expect((await call('POST', `/v1/conversations/${id}/assign`, { assigneeId: bruno.id }, bruno.token)).status).toBe(200);
    const lost = await call('POST', `/v1/conversations/${id}/assign`, { assigneeId: me });
    expect(lost.status).toBe(409);
    expect(lost.body.error).toMatchObject({ code: 'conflict', assigneeId: bruno.id, assigneeName: 'Bruno', message: 'Bruno took this conversation first' });
    const reply = await call('POST', `/v1/conversations/${id}/messages`, { text: 'eu respondo' });
    expect(reply.status).toBe(409);
    expect(reply.body.error.assigneeName).toBe('Bruno');
    // The owner hands it to a teammate; then to a team, which empties the owner.
    expect((await call('POST', `/v1/conversations/${id}/assign`, { assigneeId: me }, bruno.token)).body).toEqual({ id, status: 'human', assigneeId: me, teamId: null });
    expect((await call('POST', `/v1/conversations/${id}/assign`, { teamId, assigneeId: bruno.id })).body).toEqual({ id, status: 'human', assigneeId: bruno.id, teamId });
  });

  it('when a supervisor takes over a chat an agent holds, then it is theirs and the agent is told; an agent may not take over', async () => {
    const id = await conversationOf('5511600000021');
    expect((await call('POST', `/v1/conversations/${id}/assign`, { assigneeId: bruno.id }, bruno.token)).status).toBe(200);
    const carla = await addAgent(p.app, p.tenantId, 'Carla');
    const refused = await call('POST', `/v1/conversations/${id}/assign`, { assigneeId: carla.id, takeOver: true }, carla.token);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/owners and admins/);
    // Nor empty it through a team's queue, the bot, or a close and a reopen, and take it from there.
    const viaTeam = await call('POST', `/v1/conversations/${id}/assign`, { teamId }, carla.token);
    expect(viaTeam.status).toBe(409);
    expect(viaTeam.body.error).toMatchObject({ code: 'conflict', assigneeId: bruno.id, assigneeName: 'Bruno' });
    for (const action of ['handback', 'close']) {
      const refusedToo = await call('POST', `/v1/conversations/${id}/${action}`, {}, carla.token);
      expect(refusedToo.status, action).toBe(409);
      expect(refusedToo.body.error.assigneeName, action).toBe('Bruno');
    }
    expect((await call('POST', `/v1/conversations/${id}/assign`, { teamId })).status).toBe(409); // a supervisor says takeOver
    const start = await position();
    const taken = await call('POST', `/v1/conversations/${id}/assign`, { assigneeId: me, takeOver: true });
    expect(taken.body).toEqual({ id, status: 'human', assigneeId: me, teamId: null });
    expect((await eventsSince(start)).find((e) => e.type === 'conversation.assigned')).toMatchObject({ conversationId: id, assigneeId: me, previousAssigneeId: bruno.id });
    expect((await call('POST', `/v1/conversations/${id}/messages`, { text: 'agora sou eu' }, bruno.token)).status).toBe(409);
    // The agent who held it cannot simply take it back.
    expect((await call('POST', `/v1/conversations/${id}/assign`, { assigneeId: bruno.id }, bruno.token)).status).toBe(409);
    expect((await call('POST', `/v1/conversations/${id}/assign`, { teamId }, bruno.token)).status).toBe(409);
    expect((await call('POST', `/v1/conversations/${id}/assign`, { teamId, takeOver: true })).body).toEqual({ id, status: 'waiting', assigneeId: null, teamId });
  });

  it('when the assignee or team is unknown, then 404; with neither, 400', async () => {
    const id = await conversationOf('5511600000003');
    const stranger = await signupWorkspace(p.app);
    expect((await call('POST', `/v1/conversations/${id}/assign`, { assigneeId: stranger.user.id })).status).toBe(404);
    const foreignTeam = (await call('POST', '/v1/teams', { name: 'Deles' }, stranger.token)).body.id;
    expect((await call('POST', `/v1/conversations/${id}/assign`, { teamId: foreignTeam })).status).toBe(404);
    expect((await call('POST', `/v1/conversations/${id}/assign`, {})).status).toBe(400);
  });

  it('when a closed conversation is reopened by an agent, then it is theirs again; a second open one of that contact wins', async () => {
    const id = await conversationOf('5511600000004');
    await call('POST', `/v1/conversations/${id}/close`);
    const start = await position();
    const reopened = await call('POST', `/v1/conversations/${id}/reopen`);
    expect(reopened.body).toMatchObject({ id, status: 'human', assigneeId: me });
    expect((await eventsSince(start)).find((e) => e.type === 'conversation.reopened')).toMatchObject({ conversationId: id, status: 'human', assigneeId: me });
    expect((await call('POST', `/v1/conversations/${id}/reopen`)).body).toMatchObject({ id, status: 'human' });
    await call('POST', `/v1/conversations/${id}/close`);
    // A newer conversation of the same contact is open: reopening the old one would make two.
    await db.query("INSERT INTO conversations (tenant_id, channel_id, contact_id, status) SELECT tenant_id, channel_id, contact_id, 'bot' FROM conversations WHERE id = $1", [id]);
    const clash = await call('POST', `/v1/conversations/${id}/reopen`);
    expect(clash.status).toBe(409);
    expect(clash.body.error.conversationId).toEqual(expect.any(String));
    expect(clash.body.error.conversationId).not.toBe(id);
  });

  it('when the customer writes in a closed conversation, then it reopens with the bot, same thread, and the inbox is told', async () => {
    const id = await conversationOf('5511600000007');
    await call('POST', `/v1/conversations/${id}/assign`, { assigneeId: bruno.id }, bruno.token);
    await call('POST', `/v1/conversations/${id}/close`, {}, bruno.token);
    const start = await position();
    await p.wa.inbound({ waId: '5511600000007' }, textMessage('oi'));
    await eventually(async () => (await call('GET', `/v1/conversations/${id}`)).body.status === 'bot');
    const view = (await call('GET', `/v1/conversations/${id}`)).body;
    expect(view).toMatchObject({ status: 'bot', assigneeId: null, unreadCount: 2 });
    const events = await eventsSince(start);
    expect(events.find((e) => e.type === 'conversation.reopened')).toMatchObject({ conversationId: id, status: 'bot', by: null });
    expect(events.find((e) => e.type === 'conversation.created' && e.conversationId === id)).toBeUndefined();
    const thread = (await call('GET', `/v1/conversations/${id}/messages`)).body.items.filter((m: any) => m.direction === 'in');
    expect(thread).toHaveLength(2);
    expect((await call('GET', '/v1/conversations?status=closed')).body.items.map((c: any) => c.id)).not.toContain(id);
  });

  it('when the customer writes words no flow answers in a chat people had closed, then it goes back to its team\'s queue; a bot-only chat stays with the bot', async () => {
    const id = await conversationOf('5511600000011');
    expect((await call('POST', `/v1/conversations/${id}/assign`, { teamId })).status).toBe(200);
    await call('POST', `/v1/conversations/${id}/assign`, { assigneeId: bruno.id }, bruno.token);
    expect((await call('POST', `/v1/conversations/${id}/close`, {}, bruno.token)).status).toBe(200);
    const start = await position();
    await p.wa.inbound({ waId: '5511600000011' }, textMessage('Ainda estão aí? Esqueci de perguntar o prazo'));
    await eventually(async () => (await call('GET', `/v1/conversations/${id}`)).body.status === 'waiting');
    const reopened = (await call('GET', `/v1/conversations/${id}`)).body;
    expect(reopened).toMatchObject({ status: 'waiting', assigneeId: null, teamId, unreadCount: 2 });
    const events = await eventsSince(start);
    expect(events.find((e) => e.type === 'conversation.reopened')).toMatchObject({ conversationId: id, status: 'bot' });
    expect(events.find((e) => e.type === 'conversation.transferred')).toMatchObject({ conversationId: id, channelId: reopened.channelId, team: teamId, reason: 'reopened' });
    expect((await call('GET', '/v1/conversations?status=waiting')).body.items.map((c: any) => c.id)).toContain(id);
    // A handoff is open again (the customer waits for people), but it is no new transfer: the bot never had it back.
    expect((await db.query('SELECT kind FROM inbox_handoffs WHERE conversation_id = $1 AND ended_at IS NULL', [id])).rows).toEqual([{ kind: 'reopened' }]);

    // Nobody but the bot ever had this one: a message no flow answers leaves it with the bot.
    const botOnly = await conversationOf('5511600000012');
    expect((await call('POST', `/v1/conversations/${botOnly}/close`)).status).toBe(200);
    await p.wa.inbound({ waId: '5511600000012' }, textMessage('obrigado'));
    await eventually(async () => (await call('GET', `/v1/conversations/${botOnly}`)).body.unreadCount === 2);
    expect((await call('GET', `/v1/conversations/${botOnly}`)).body.status).toBe('bot');

    // Taken by an agent straight from the bot (never transferred): people had it too.
    const taken = await conversationOf('5511600000013');
    expect((await call('POST', `/v1/conversations/${taken}/assign`, { assigneeId: bruno.id }, bruno.token)).status).toBe(200);
    expect((await call('POST', `/v1/conversations/${taken}/close`, {}, bruno.token)).status).toBe(200);
    const before = await position();
    await p.wa.inbound({ waId: '5511600000013' }, textMessage('valeu pela ajuda'));
    await eventually(async () => (await call('GET', `/v1/conversations/${taken}`)).body.status === 'waiting');
    expect((await eventsSince(before)).find((e) => e.type === 'conversation.transferred')).toMatchObject({ conversationId: taken, reason: 'reopened', team: null });
  });

  it('when read, then the unread count drops to zero for everyone, once', async () => {
    const id = await conversationOf('5511600000005');
    await p.wa.inbound({ waId: '5511600000005' }, textMessage('mais uma'));
    await eventually(async () => (await call('GET', `/v1/conversations/${id}`)).body.unreadCount === 2);
    const start = await position();
    expect((await call('POST', `/v1/conversations/${id}/read`, undefined, bruno.token)).status).toBe(204);
    expect((await call('POST', `/v1/conversations/${id}/read`)).status).toBe(204);
    expect((await call('GET', `/v1/conversations/${id}`)).body.unreadCount).toBe(0);
    expect((await eventsSince(start)).filter((e) => e.type === 'conversation.updated' && e.conversationId === id)).toEqual([
      expect.objectContaining({ unreadCount: 0, by: bruno.id }),
    ]);
  });

  it('when an agent hands a conversation back, then they choose among the published flows by name, but may not read the flows as such', async () => {
    const id = await conversationOf('5511600000009');
    const draft = await call('POST', '/v1/flows', { name: 'Rascunho' });
    expect(draft.status).toBe(201);
    const choices = await call('GET', `/v1/conversations/${id}/handback-flows`, undefined, bruno.token);
    expect(choices.status).toBe(200);
    expect(choices.body.items).toEqual([{ id: expect.any(String), name: 'Oi' }]);
    expect((await call('GET', '/v1/flows', undefined, bruno.token))).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    const other = await signupWorkspace(p.app);
    expect((await call('GET', `/v1/conversations/${id}/handback-flows`, undefined, other.token)).status).toBe(404);
  });

  it('when another workspace acts, then every new action is 404', async () => {
    const id = await conversationOf('5511600000006');
    const other = await signupWorkspace(p.app);
    for (const [path, body] of [['reopen', {}], ['read', {}], ['assign', { teamId }]] as const) {
      expect((await call('POST', `/v1/conversations/${id}/${path}`, body, other.token)).status, path).toBe(404);
    }
  });

  it('when a note mentions a teammate, then it keeps them, shows them and tells the inboxes whom it calls in', async () => {
    const id = await conversationOf('5511600000031');
    const start = await position();
    const note = await call('POST', `/v1/conversations/${id}/notes`, { text: '@Bruno pode ver este?', mentions: [bruno.id, bruno.id.toUpperCase()] });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ type: 'note', text: '@Bruno pode ver este?', mentions: [bruno.id] });
    const listed = (await call('GET', `/v1/conversations/${id}/messages`, undefined, bruno.token)).body.items as any[];
    expect(listed.find((m) => m.id === note.body.id)).toMatchObject({ mentions: [bruno.id], payload: { mentions: [bruno.id] } });
    expect((await eventsSince(start, bruno.token)).find((e) => e.type === 'message.created' && e.messageId === note.body.id))
      .toMatchObject({ conversationId: id, note: true, by: me, mentions: [bruno.id] });
    // A note without mentions says so; the customer's messages carry no such field.
    const plain = await call('POST', `/v1/conversations/${id}/notes`, { text: 'só para registro' });
    expect(plain.body.mentions).toEqual([]);
    expect(listed.find((m) => m.type !== 'note')).not.toHaveProperty('mentions');
  });

  it('when a note mentions someone outside the workspace, a member without the inbox or no user id at all, then 400 and nothing is stored', async () => {
    const id = await conversationOf('5511600000032');
    const stranger = await signupWorkspace(p.app);
    const notesNow = async () => Number((await db.query("SELECT count(*) FROM messages WHERE conversation_id = $1 AND type = 'note'", [id])).rows[0].count);
    const outsider = await call('POST', `/v1/conversations/${id}/notes`, { text: '@Ana olha', mentions: [bruno.id, stranger.user.id] });
    expect(outsider.status).toBe(400);
    expect(outsider.body.error).toMatchObject({ code: 'validation_failed', field: 'mentions', unknown: [stranger.user.id] });
    // A marketer of this workspace never sees the inbox: naming them would call in no one.
    const marketer = await addMember(p.app, p.tenantId, 'Marta', 'marketer');
    const noInbox = await call('POST', `/v1/conversations/${id}/notes`, { text: '@Marta olha', mentions: [marketer.id] });
    expect(noInbox.status).toBe(400);
    expect(noInbox.body.error).toMatchObject({ code: 'validation_failed', field: 'mentions', unknown: [marketer.id] });
    const malformed = await call('POST', `/v1/conversations/${id}/notes`, { text: '@Ana olha', mentions: ['ana'] });
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body.error.issues)).toContain('mentions');
    const tooMany = await call('POST', `/v1/conversations/${id}/notes`, { text: 'todos', mentions: Array.from({ length: 21 }, () => bruno.id) });
    expect(tooMany.status).toBe(400);
    expect(await notesNow()).toBe(0);
  });
});
