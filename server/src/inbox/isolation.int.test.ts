// Tenant isolation across everything the inbox added: an agent of workspace X, with its socket
// open while workspace Y is busy, hears nothing of Y, gets 404 for each of Y's ids on every route,
// lists none of Y's things, and Y's data is untouched afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { edge, flow, keywordTrigger, node } from '../../test/flow-docs';
import { api, signupWorkspace } from '../../test/harness';
import { addAgent } from '../../test/agents';
import { textMessage } from '../../test/fakes/whatsapp-payloads';
import { eventually, startPipeline, type Pipeline } from '../../test/pipeline';

let y: Pipeline; // workspace Y: the pipeline's own workspace, busy
let x: Awaited<ReturnType<typeof signupWorkspace>>; // workspace X: a stranger on the same server
const ids: Record<string, string> = {};
const heardByX: Array<{ name: string; payload: any }> = [];
let socket: Socket;

beforeAll(async () => {
  y = await startPipeline();
  x = await signupWorkspace(y.app, 'Outra loja');
  socket = connect(y.app.url, { auth: { token: x.token }, transports: ['websocket'] });
  socket.onAny((name, payload) => heardByX.push({ name, payload }));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const call = (method: string, path: string, body?: unknown) => api(y.app, method, path, body, y.token);
  const bruno = await addAgent(y.app, y.tenantId, 'Bruno');
  ids.member = bruno.id;
  ids.team = (await call('POST', '/v1/teams', { name: 'Vendas', memberIds: [bruno.id] })).body.id;
  ids.canned = (await call('POST', '/v1/canned-responses', { shortcut: 'oi', text: 'Olá!' })).body.id;
  await y.publish(flow([keywordTrigger('ajuda'), node('human', 'transfer', { team: ids.team, message: 'um momento' })], [edge('start', 'next', 'human')]), 'Ajuda');
  await y.wa.inbound({ waId: '5511950000001', name: 'Cliente Y' }, textMessage('ajuda'));
  const conv = await eventually(async () => (await call('GET', '/v1/conversations?status=waiting')).body.items[0]);
  ids.conversation = conv.id;
  ids.contact = conv.contact.id;
  // Y works the chat: presence, take, typing, a note, a reply, a contact edit, an upload.
  await call('PUT', '/v1/me/presence', { status: 'online' });
  await call('POST', `/v1/conversations/${ids.conversation}/assign`, { assigneeId: (await call('GET', '/v1/me')).body.user.id });
  await call('POST', `/v1/conversations/${ids.conversation}/typing`, { on: true });
  await call('POST', `/v1/conversations/${ids.conversation}/notes`, { text: 'interno' });
  ids.message = (await call('POST', `/v1/conversations/${ids.conversation}/messages`, { text: 'Oi!' })).body.id;
  await call('PATCH', `/v1/contacts/${ids.contact}`, { tags: ['vip'] });
  const form = new FormData();
  form.append('file', new Blob([Buffer.from('%PDF-1.4 y')], { type: 'application/pdf' }), 'y.pdf');
  ids.media = ((await (await fetch(`${y.app.url}/v1/media`, { method: 'POST', headers: { authorization: `Bearer ${y.token}` }, body: form })).json()) as any).id;
  await eventually(() => y.wa.sends.some((s) => s.body.text?.body === 'Oi!'));
  await new Promise((r) => setTimeout(r, 800)); // let the dispatcher push everything it would
});
afterAll(async () => {
  socket?.disconnect();
  await y?.close();
});

describe('isolation between workspaces', () => {
  it('when workspace Y is busy, then X\'s socket hears nothing but its own agent coming online', () => {
    const foreign = heardByX.filter((e) => !(e.name === 'presence.changed' && e.payload.userId === x.user.id));
    expect(foreign).toEqual([]);
  });

  it('when X uses any of Y\'s ids on any route, then the answer is 404', async () => {
    const c = `/v1/conversations/${ids.conversation}`;
    const routes: Array<[string, string, unknown?]> = [
      ['GET', c], ['GET', `${c}/messages`], ['GET', `${c}/messages/${ids.message}`], ['GET', `${c}/messages/${ids.message}/media`],
      ['GET', `${c}/session`], ['GET', `${c}/runlog`],
      ['POST', `${c}/messages`, { text: 'x' }], ['POST', `${c}/messages`, { mediaId: ids.media }], ['POST', `${c}/notes`, { text: 'x' }],
      ['POST', `${c}/assign`, { assigneeId: x.user.id }], ['POST', `${c}/assign`, { teamId: ids.team }], ['POST', `${c}/handback`, {}],
      ['POST', `${c}/close`, {}], ['POST', `${c}/reopen`, {}], ['POST', `${c}/read`, {}], ['POST', `${c}/typing`, { on: true }],
      ['GET', `/v1/teams/${ids.team}`], ['PATCH', `/v1/teams/${ids.team}`, { name: 'x' }], ['DELETE', `/v1/teams/${ids.team}`],
      ['GET', `/v1/canned-responses/${ids.canned}`], ['PATCH', `/v1/canned-responses/${ids.canned}`, { text: 'x' }], ['DELETE', `/v1/canned-responses/${ids.canned}`],
      ['GET', `/v1/contacts/${ids.contact}`], ['PATCH', `/v1/contacts/${ids.contact}`, { name: 'x' }],
    ];
    for (const [method, path, body] of routes) {
      const res = await api(y.app, method, path, body, x.token);
      expect(res.status, `${method} ${path} ${JSON.stringify(body ?? '')}`).toBe(404);
    }
  });

  it('when X refers to Y\'s team, member or file from its own conversation, then that is 404 too', async () => {
    const channel = (await api(y.app, 'POST', '/v1/channels', { type: 'webchat', name: 'Site X' }, x.token)).body;
    const session = (await api(y.app, 'POST', `/v1/webchat/${channel.id}/sessions`, {})).body;
    await api(y.app, 'POST', `/v1/webchat/${channel.id}/messages`, { text: 'oi' }, session.visitorToken);
    const mine = await eventually(async () => (await api(y.app, 'GET', '/v1/conversations', undefined, x.token)).body.items[0]?.id);
    for (const body of [{ teamId: ids.team }, { assigneeId: ids.member }]) {
      expect((await api(y.app, 'POST', `/v1/conversations/${mine}/assign`, body, x.token)).status, JSON.stringify(body)).toBe(404);
    }
    expect((await api(y.app, 'POST', `/v1/conversations/${mine}/messages`, { mediaId: ids.media }, x.token)).status).toBe(404);
    expect((await api(y.app, 'POST', '/v1/teams', { name: 'T', memberIds: [ids.member] }, x.token)).status).toBe(400);
    const put = await api(y.app, 'PUT', '/v1/settings/inbox', { noAgentFlowId: (await api(y.app, 'GET', '/v1/flows', undefined, y.token)).body.items[0].id }, x.token);
    expect(put.status).toBe(400);
  });

  it('when X lists anything, then none of Y\'s things appear, and Y\'s data is untouched', async () => {
    const get = async (path: string) => (await api(y.app, 'GET', path, undefined, x.token)).body;
    expect((await get('/v1/conversations')).items.map((i: any) => i.id)).not.toContain(ids.conversation);
    expect((await get(`/v1/conversations?q=${encodeURIComponent('Cliente Y')}`)).items).toEqual([]);
    expect((await get('/v1/conversations/counts')).human).toBe(0);
    expect((await get('/v1/teams')).items).toEqual([]);
    expect((await get('/v1/canned-responses')).items).toEqual([]);
    expect((await get('/v1/members')).items.map((m: any) => m.userId)).toEqual([x.user.id]);
    const events = (await get('/v1/events?after=0&limit=500')).items;
    expect(events.filter((e: any) => e.conversationId === ids.conversation || e.userId === ids.member || e.contactId === ids.contact)).toEqual([]);
    expect((await get('/v1/reports/response-times')).agents).toEqual([]);
    const after = (await api(y.app, 'GET', `/v1/conversations/${ids.conversation}`, undefined, y.token)).body;
    expect(after).toMatchObject({ status: 'human', teamId: ids.team, contact: { tags: ['vip'] } });
    expect((await api(y.app, 'GET', `/v1/teams/${ids.team}`, undefined, y.token)).body.name).toBe('Vendas');
    expect((await api(y.app, 'GET', `/v1/canned-responses/${ids.canned}`, undefined, y.token)).body.text).toBe('Olá!');
  });
});
