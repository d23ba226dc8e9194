// Domain events reach the workspace's browsers through the gateway, and only that workspace's; within
// it, only the members whose role may see them (a marketer gets no conversation or message).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { inviteMember } from '../../test/agents';
import { edge, flow, keywordTrigger, node } from '../../test/flow-docs';
import { api, signupWorkspace } from '../../test/harness';
import { textMessage } from '../../test/fakes/whatsapp-payloads';
import { eventually, startPipeline, type Pipeline } from '../../test/pipeline';

let p: Pipeline;
const sockets: Socket[] = [];
beforeAll(async () => {
  p = await startPipeline();
  await p.publish(flow([keywordTrigger('oi'), node('hi', 'message', { text: 'olá!' })], [edge('start', 'next', 'hi')]), 'Oi');
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await p?.close();
});

async function agentSocket(token: string) {
  const socket = connect(p.app.url, { auth: { token }, transports: ['websocket'] });
  sockets.push(socket);
  const events: Array<{ name: string; payload: any }> = [];
  socket.onAny((name, payload) => events.push({ name, payload }));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return events;
}

const inboxEvents = (events: Array<{ name: string }>) => events.filter((e) => /^(conversation|message)\./.test(e.name));

describe('realtime gateway', () => {
  it('when a customer writes, then the workspace sees the conversation and messages live, and another workspace sees nothing', async () => {
    const mine = await agentSocket(p.token);
    const stranger = await signupWorkspace(p.app);
    const other = await agentSocket(stranger.token);
    await p.wa.inbound({ waId: '5511100000001' }, textMessage('oi'));
    await eventually(() => mine.some((e) => e.name === 'message.sent'), 15_000);
    const names = mine.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['conversation.created', 'message.received', 'message.sent']));
    const received = mine.find((e) => e.name === 'message.received')!.payload;
    expect(received).toMatchObject({ type: 'message.received', conversationId: expect.any(String), messageId: expect.any(String) });
    await new Promise((r) => setTimeout(r, 500));
    // The other workspace hears only about itself (its own agent coming online).
    expect(other.filter((e) => !(e.name === 'presence.changed' && e.payload.userId === stranger.user.id))).toEqual([]);
  });

  it('when the token is missing or forged, then the connection is refused', async () => {
    for (const auth of [{}, { token: 'forged' }]) {
      const socket = connect(p.app.url, { auth, transports: ['websocket'], reconnection: false });
      sockets.push(socket);
      const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
      expect(error.message).toBe('unauthorized');
    }
  });

  it('when a customer writes, then an agent receives the conversation live and a marketer of the same workspace does not, nor on catching up', async () => {
    const agent = await inviteMember(p.app, p.token, 'agent');
    const marketer = await inviteMember(p.app, p.token, 'marketer');
    const agentEvents = await agentSocket(agent.token);
    const marketerEvents = await agentSocket(marketer.token);
    const start = (await api(p.app, 'GET', '/v1/events', undefined, marketer.token)).body.nextAfter as number;
    await p.wa.inbound({ waId: '5511100000002' }, textMessage('oi'));
    await eventually(() => agentEvents.some((e) => e.name === 'message.sent'), 15_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(inboxEvents(agentEvents).length).toBeGreaterThan(0);
    expect(inboxEvents(marketerEvents)).toEqual([]);
    const caught = (await api(p.app, 'GET', `/v1/events?after=${start}`, undefined, marketer.token)).body.items as Array<{ type: string }>;
    expect(caught.filter((e) => /^(conversation|message)\./.test(e.type))).toEqual([]);
    const agentCaught = (await api(p.app, 'GET', `/v1/events?after=${start}`, undefined, agent.token)).body.items as Array<{ type: string }>;
    expect(agentCaught.map((e) => e.type)).toEqual(expect.arrayContaining(['conversation.created', 'message.received']));
  });

  it('when an agent is made a marketer, then their open socket stops receiving conversations at once, and gets them again when made an agent', async () => {
    const agent = await inviteMember(p.app, p.token, 'agent');
    const events = await agentSocket(agent.token);
    const setRole = async (role: string) => expect((await api(p.app, 'PATCH', `/v1/members/${agent.user.id}`, { role }, p.token)).status).toBe(200);
    await setRole('marketer');
    await new Promise((r) => setTimeout(r, 300));
    await p.wa.inbound({ waId: '5511100000003' }, textMessage('oi'));
    // The owner's socket is the witness that the events went out.
    const witness = await agentSocket(p.token);
    await p.wa.inbound({ waId: '5511100000004' }, textMessage('oi'));
    await eventually(() => witness.some((e) => e.name === 'message.sent'), 15_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(inboxEvents(events)).toEqual([]);
    await setRole('agent');
    await new Promise((r) => setTimeout(r, 300));
    await p.wa.inbound({ waId: '5511100000005' }, textMessage('oi'));
    await eventually(() => events.some((e) => e.name === 'message.sent'), 15_000);
  });
});
