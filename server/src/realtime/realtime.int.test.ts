// Domain events reach the workspace's browsers through the gateway, and only that workspace's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { edge, flow, keywordTrigger, node } from '../../test/flow-docs';
import { signupWorkspace } from '../../test/harness';
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
});
