// Agents' sockets end with their session: a revoked login (refresh-token replay) or a member removed
// from the workspace drops them on every API process, and a socket outlives its access token only
// by re-authenticating. Two API processes share one Redis, as in production.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import knexFactory, { type Knex } from 'knex';
import { io as connect, type Socket } from 'socket.io-client';
import { createTokenService } from '../accounts/tokens';
import { endMemberSessions } from '../accounts/sessions';
import { createRedis } from '../queues/redis';
import { api, signupWorkspace, startTestApp, type TestApp } from '../../test/harness';
import { createRealtimeEmitter } from './emitter';

let a: TestApp;
let b: TestApp;
let db: Knex;
const sockets: Socket[] = [];

beforeAll(async () => {
  a = await startTestApp();
  b = await startTestApp({ ROLE: 'api', DATABASE_URL: a.config.DATABASE_URL, QUEUE_PREFIX: a.config.QUEUE_PREFIX });
  db = knexFactory({ client: 'pg', connection: a.config.DATABASE_URL, pool: { min: 0, max: 2 } });
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await db?.destroy();
  await b?.close();
  await a?.close();
});

type Watched = { socket: Socket; closed: Promise<string>; isOpen(): boolean };

async function agentSocket(app: TestApp, token: string): Promise<Watched> {
  const socket = connect(app.url, { auth: { token }, transports: ['websocket'], reconnection: false });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const closed = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
  return { socket, closed, isOpen: () => socket.connected };
}

async function refused(app: TestApp, token: string): Promise<string> {
  const socket = connect(app.url, { auth: { token }, transports: ['websocket'], reconnection: false });
  sockets.push(socket);
  return new Promise<string>((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', (err) => resolve(err.message));
  });
}

const within = <T>(p: Promise<T>, ms = 5_000) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`not within ${ms} ms`)), ms))]);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A second member of the workspace, with an access token signed like a login's. */
async function addMember(tenantId: string) {
  const [user] = await db('users').insert({ email: `agent-${randomUUID()}@example.com`, name: 'Bia', password_hash: 'x' }).returning('id');
  await db('memberships').insert({ tenant_id: tenantId, user_id: user.id, role: 'agent' });
  const familyId = randomUUID();
  const token = await createTokenService(a.config.JWT_SECRET, 900).signAccess({ userId: user.id, tenantId, role: 'agent', familyId });
  return { userId: user.id as string, token };
}

describe('session sockets', () => {
  it('when a refresh token is replayed, then that login’s sockets drop on every API process and cannot come back; another login stays', async () => {
    const owner = await signupWorkspace(a);
    const otherLogin = await api(a, 'POST', '/v1/auth/login', { email: owner.email, password: owner.password });
    const onA = await agentSocket(a, owner.token);
    const onB = await agentSocket(b, owner.token);
    const other = await agentSocket(b, otherLogin.body.token);

    expect((await api(a, 'POST', '/v1/auth/refresh', { refreshToken: owner.refreshToken })).status).toBe(200);
    expect((await api(b, 'POST', '/v1/auth/refresh', { refreshToken: owner.refreshToken })).status).toBe(401);

    expect(await within(onA.closed)).toBe('io server disconnect');
    expect(await within(onB.closed)).toBe('io server disconnect');
    await pause(300);
    expect(other.isOpen()).toBe(true);
    // The access token itself has not expired, but its login has ended.
    expect(await refused(a, owner.token)).toBe('unauthorized');
    expect(await refused(b, otherLogin.body.token)).toBe('connected');
  });

  it('when a member is removed, then a call from any process drops their sockets everywhere and keeps their colleagues’', async () => {
    const owner = await signupWorkspace(a);
    const member = await addMember(owner.workspace.id);
    const memberA = await agentSocket(a, member.token);
    const memberB = await agentSocket(b, member.token);
    const colleague = await agentSocket(a, owner.token);

    // Like the member-removal code in a worker process: its own Redis connection and emitter.
    const redis = createRedis(a.config, 'request');
    await new Promise((r) => redis.once('ready', r));
    try {
      await db('memberships').where({ tenant_id: owner.workspace.id, user_id: member.userId }).delete();
      await endMemberSessions({ db, sockets: createRealtimeEmitter(redis, a.config.QUEUE_PREFIX) }, owner.workspace.id, member.userId);
      expect(await within(memberA.closed)).toBe('io server disconnect');
      expect(await within(memberB.closed)).toBe('io server disconnect');
    } finally {
      redis.disconnect();
    }
    await pause(300);
    expect(colleague.isOpen()).toBe(true);
    expect(await refused(b, member.token)).toBe('unauthorized');
  });

  it('when a socket’s access token expires, then it is dropped unless it re-authenticated with a fresh token of the same user', async () => {
    const owner = await signupWorkspace(a);
    const shortLived = createTokenService(a.config.JWT_SECRET, 2);
    const claims = { userId: owner.user.id, tenantId: owner.workspace.id, role: 'owner' as const };
    const stale = await agentSocket(a, await shortLived.signAccess(claims));
    const renewed = await agentSocket(b, await shortLived.signAccess(claims));

    const someoneElse = await addMember(owner.workspace.id);
    expect(await renewed.socket.emitWithAck('reauthenticate', someoneElse.token)).toEqual({ ok: false, error: 'forbidden' });
    expect(await renewed.socket.emitWithAck('reauthenticate', 'not-a-token')).toEqual({ ok: false, error: 'unauthorized' });
    expect(await renewed.socket.emitWithAck('reauthenticate', owner.token)).toEqual({ ok: true });

    expect(await within(stale.closed, 6_000)).toBe('io server disconnect');
    await pause(1_000);
    expect(renewed.isOpen()).toBe(true);
  });
});
