// Presence: chosen in the header, kept alive by the inbox's socket, expiring without it, and
// announced to the workspace only when it changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { api, signupWorkspace, startTestApp, type TestApp } from '../../test/harness';
import { addAgent } from '../../test/agents';
import { eventually } from '../../test/pipeline';

let app: TestApp;
let owner: Awaited<ReturnType<typeof signupWorkspace>>;
const sockets: Socket[] = [];

beforeAll(async () => {
  // Short expiry, so "the browser closed and nobody said goodbye" is seen within the test.
  app = await startTestApp({ PRESENCE_TTL_SECONDS: '5' });
  owner = await signupWorkspace(app);
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await app?.close();
});

const presenceOf = async (userId: string, token = owner.token) =>
  (await api(app, 'GET', '/v1/members', undefined, token)).body.items.find((m: any) => m.userId === userId)?.presence;

async function socketFor(token: string) {
  const socket = connect(app.url, { auth: { token }, transports: ['websocket'], reconnection: false });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

describe('presence', () => {
  it('when an agent chooses a status, then members and the workspace see it, once per change', async () => {
    const bruno = await addAgent(app, owner.workspace.id, 'Bruno');
    const start = (await api(app, 'GET', '/v1/events', undefined, owner.token)).body.nextAfter;
    expect((await api(app, 'PUT', '/v1/me/presence', { status: 'online' }, bruno.token)).body).toEqual({ status: 'online' });
    expect((await api(app, 'PUT', '/v1/me/presence', { status: 'online' }, bruno.token)).body).toEqual({ status: 'online' });
    expect((await api(app, 'PUT', '/v1/me/presence', { status: 'away' }, bruno.token)).body).toEqual({ status: 'away' });
    expect((await api(app, 'GET', '/v1/me/presence', undefined, bruno.token)).body).toEqual({ status: 'away' });
    expect(await presenceOf(bruno.id)).toBe('away');
    const changes = await eventually(async () => {
      const items = (await api(app, 'GET', `/v1/events?after=${start}`, undefined, owner.token)).body.items.filter((e: any) => e.type === 'presence.changed');
      return items.length >= 2 ? items : null;
    });
    expect(changes.map((e: any) => [e.userId, e.status])).toEqual([[bruno.id, 'online'], [bruno.id, 'away']]);
    expect((await api(app, 'PUT', '/v1/me/presence', { status: 'busy' }, bruno.token)).status).toBe(400);
  });

  it('when nothing keeps an agent alive, then they drop to offline after the expiry', async () => {
    const carla = await addAgent(app, owner.workspace.id, 'Carla');
    await api(app, 'PUT', '/v1/me/presence', { status: 'online' }, carla.token);
    expect(await presenceOf(carla.id)).toBe('online');
    await eventually(async () => (await presenceOf(carla.id)) === 'offline', 12_000);
  }, 20_000);

  it('when the inbox is open, then its socket keeps the agent online past the expiry, and closing the last one takes them offline', async () => {
    const davi = await addAgent(app, owner.workspace.id, 'Davi');
    const first = await socketFor(davi.token);
    const second = await socketFor(davi.token);
    await eventually(async () => (await presenceOf(davi.id)) === 'online');
    await new Promise((r) => setTimeout(r, 7_000));
    expect(await presenceOf(davi.id)).toBe('online');
    first.disconnect();
    await new Promise((r) => setTimeout(r, 500));
    expect(await presenceOf(davi.id)).toBe('online');
    second.disconnect();
    await eventually(async () => (await presenceOf(davi.id)) === 'offline', 3_000);
  }, 25_000);

  it('when an agent chose away, then an open socket keeps them away, not online', async () => {
    const eva = await addAgent(app, owner.workspace.id, 'Eva');
    await api(app, 'PUT', '/v1/me/presence', { status: 'away' }, eva.token);
    await socketFor(eva.token);
    await new Promise((r) => setTimeout(r, 300));
    expect(await presenceOf(eva.id)).toBe('away');
  });

  it('when another workspace lists its members, then it sees none of these', async () => {
    const other = await signupWorkspace(app);
    const members = (await api(app, 'GET', '/v1/members', undefined, other.token)).body.items;
    expect(members.map((m: any) => m.userId)).toEqual([other.user.id]);
  });
});
