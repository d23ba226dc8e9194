// Typing both ways, through sockets and the fake WhatsApp server: an agent typing reaches the other
// agents, the web-chat visitor and WhatsApp (as "read" with the typing indicator); a visitor typing
// reaches the agents; agent replies in the widget carry the agent's name; nothing crosses workspaces.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { api, signupWorkspace } from '../../test/harness';
import { addAgent, addMember } from '../../test/agents';
import { textMessage } from '../../test/fakes/whatsapp-payloads';
import { eventually, startPipeline, type Pipeline } from '../../test/pipeline';

let p: Pipeline;
const sockets: Socket[] = [];

beforeAll(async () => {
  p = await startPipeline();
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await p?.close();
});

type Heard = Array<{ name: string; payload: any }>;

async function socket(path: string, auth: Record<string, string>): Promise<{ socket: Socket; heard: Heard }> {
  const s = connect(`${p.app.url}${path}`, { auth, transports: ['websocket'] });
  sockets.push(s);
  const heard: Heard = [];
  s.onAny((name, payload) => heard.push({ name, payload }));
  await new Promise<void>((resolve, reject) => {
    s.once('connect', () => resolve());
    s.once('connect_error', reject);
  });
  return { socket: s, heard };
}

const typingOf = (heard: Heard) => heard.filter((e) => e.name === 'conversation.typing').map((e) => e.payload);

describe('typing', () => {
  it('when an agent types in a WhatsApp chat, then the other agents see it and WhatsApp shows it, at most every 20 s', async () => {
    const bruno = await addAgent(p.app, p.tenantId, 'Bruno');
    const watcher = await socket('', { token: bruno.token });
    const inbound = await p.wa.inbound({ waId: '5511800000001' }, textMessage('alguém aí?'));
    const id = await eventually(async () => (await api(p.app, 'GET', '/v1/conversations', undefined, p.token)).body.items[0]?.id);
    const me = (await api(p.app, 'GET', '/v1/me', undefined, p.token)).body.user.id;
    expect((await api(p.app, 'POST', `/v1/conversations/${id}/typing`, { on: true }, p.token)).status).toBe(204);
    await eventually(() => typingOf(watcher.heard).length === 1);
    expect(typingOf(watcher.heard)[0]).toEqual({ conversationId: id, who: 'agent', userId: me, name: 'Ana', on: true });
    await eventually(() => p.wa.reads.length === 1);
    expect(p.wa.reads[0]).toMatchObject({ messageId: inbound.id, typing: 'text' });
    await api(p.app, 'POST', `/v1/conversations/${id}/typing`, { on: true }, p.token);
    await api(p.app, 'POST', `/v1/conversations/${id}/typing`, { on: false }, p.token);
    await eventually(() => typingOf(watcher.heard).length === 3);
    expect(typingOf(watcher.heard).map((t) => t.on)).toEqual([true, true, false]);
    expect(p.wa.reads).toHaveLength(1);
  });

  it('when a visitor types in web chat, then the agents see it, and an agent typing and replying shows in the widget with their name', async () => {
    const channel = (await api(p.app, 'POST', '/v1/channels', { type: 'webchat', name: 'Site' }, p.token)).body;
    const session = (await api(p.app, 'POST', `/v1/webchat/${channel.id}/sessions`, {})).body;
    await api(p.app, 'POST', `/v1/webchat/${channel.id}/messages`, { text: 'olá, preciso de ajuda' }, session.visitorToken);
    const id = await eventually(async () => (await api(p.app, 'GET', `/v1/conversations?channelId=${channel.id}`, undefined, p.token)).body.items[0]?.id);
    const agent = await socket('', { token: p.token });
    const visitor = await socket('/webchat', { visitorToken: session.visitorToken });
    visitor.socket.emit('typing', { on: true });
    await eventually(() => typingOf(agent.heard).some((t) => t.who === 'contact'));
    expect(typingOf(agent.heard).find((t) => t.who === 'contact')).toEqual({ conversationId: id, who: 'contact', on: true });
    expect((await api(p.app, 'POST', `/v1/webchat/${channel.id}/typing`, { on: false }, session.visitorToken)).status).toBe(204);
    await eventually(() => typingOf(agent.heard).some((t) => t.who === 'contact' && t.on === false));
    agent.socket.emit('typing', { conversationId: id, on: true });
    await eventually(() => visitor.heard.some((e) => e.name === 'typing'));
    expect(visitor.heard.find((e) => e.name === 'typing')!.payload).toEqual({ on: true, who: 'agent', name: 'Ana' });
    expect((await api(p.app, 'POST', `/v1/conversations/${id}/messages`, { text: 'Oi! Sou a Ana.' }, p.token)).status).toBe(201);
    const shown = await eventually(() => visitor.heard.find((e) => e.name === 'message' && e.payload.text === 'Oi! Sou a Ana.'));
    expect(shown.payload).toMatchObject({ author: 'agent', authorName: 'Ana' });
    const history = (await api(p.app, 'GET', `/v1/webchat/${channel.id}/messages`, undefined, session.visitorToken)).body.items;
    expect(history.at(-1)).toMatchObject({ text: 'Oi! Sou a Ana.', author: 'agent', authorName: 'Ana' });
    expect(history[0]).toMatchObject({ author: 'contact', authorName: null });
  });

  it('when a marketer types over the socket, then nothing happens: the inbox is not theirs, as over HTTP', async () => {
    const id = (await api(p.app, 'GET', '/v1/conversations', undefined, p.token)).body.items[0].id;
    const mara = await addMember(p.app, p.tenantId, 'Mara', 'marketer');
    const watcher = await socket('', { token: (await addAgent(p.app, p.tenantId, 'Vera')).token });
    const marketer = await socket('', { token: mara.token });
    const readsBefore = p.wa.reads.length;
    expect((await api(p.app, 'POST', `/v1/conversations/${id}/typing`, { on: true }, mara.token)).status).toBe(403);
    marketer.socket.emit('typing', { conversationId: id, on: true });
    await new Promise((r) => setTimeout(r, 700));
    expect(typingOf(watcher.heard)).toEqual([]);
    expect(p.wa.reads).toHaveLength(readsBefore);
  });

  it('when another workspace is connected, then it hears no typing, and cannot send any into this one', async () => {
    const id = (await api(p.app, 'GET', '/v1/conversations', undefined, p.token)).body.items[0].id;
    const other = await signupWorkspace(p.app);
    const stranger = await socket('', { token: other.token });
    await api(p.app, 'POST', `/v1/conversations/${id}/typing`, { on: true }, p.token);
    expect((await api(p.app, 'POST', `/v1/conversations/${id}/typing`, { on: true }, other.token)).status).toBe(404);
    stranger.socket.emit('typing', { conversationId: id, on: true });
    expect((await api(p.app, 'POST', `/v1/conversations/${id}/typing`, { on: 'yes' }, p.token)).status).toBe(400);
    await new Promise((r) => setTimeout(r, 500));
    expect(typingOf(stranger.heard)).toEqual([]);
  });
});
