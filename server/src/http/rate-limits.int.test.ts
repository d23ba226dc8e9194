// Request rate limits against the real app and Redis. Every test speaks from its own address
// (X-Forwarded-For, trusted from loopback) so the counters of one test never feed another.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness';

let app: TestApp;
let ipCounter = 0;
const newIp = () => `203.0.113.${++ipCounter}`;

const LOW = {
  RATE_LIMIT_SIGNUP_PER_IP: '3',
  RATE_LIMIT_INVITATION_ACCEPTS_PER_IP: '4',
  RATE_LIMIT_LOGIN_PER_IP: '5',
  RATE_LIMIT_LOGIN_PER_ACCOUNT: '4',
  LOGIN_MAX_ATTEMPTS: '100',
  RATE_LIMIT_REFRESH_PER_IP: '4',
  RATE_LIMIT_REFRESH_PER_FAMILY: '3',
  RATE_LIMIT_WEBCHAT_SESSIONS_PER_IP: '3',
  RATE_LIMIT_WEBCHAT_SESSIONS_PER_CHANNEL: '5',
  RATE_LIMIT_WEBCHAT_MESSAGES_PER_IP: '3',
  RATE_LIMIT_WEBCHAT_MESSAGES_PER_CHANNEL: '5',
  RATE_LIMIT_API_PER_WORKSPACE: '20',
};

type Answer = { status: number; body: any; retryAfter: string | null };

async function call(target: { url: string }, method: string, path: string, o: { body?: unknown; token?: string; ip?: string } = {}): Promise<Answer> {
  const res = await fetch(target.url + path, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
      ...(o.ip ? { 'x-forwarded-for': o.ip } : {}),
    },
    body: o.body === undefined ? undefined : JSON.stringify(o.body),
  });
  const text = await res.text();
  const json = res.headers.get('content-type')?.includes('json');
  return { status: res.status, body: text ? (json ? JSON.parse(text) : text) : undefined, retryAfter: res.headers.get('retry-after') };
}

const signup = (target: { url: string }, ip = newIp()) =>
  call(target, 'POST', '/v1/auth/signup', {
    ip,
    body: { workspaceName: 'Loja', name: 'Ana', email: `rl-${randomUUID()}@example.com`, password: 'senha-forte-123' },
  });

async function workspace(target: { url: string } = app) {
  const res = await signup(target);
  if (res.status !== 201) throw new Error(`signup: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { token: string; refreshToken: string; user: { email: string } };
}

function expectLimited(res: Answer, maxSeconds: number) {
  expect(res.status).toBe(429);
  expect(res.body.error.code).toBe('rate_limited');
  expect(Number(res.retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Number(res.retryAfter)).toBeLessThanOrEqual(maxSeconds);
  expect(res.body.error.retryAfterSeconds).toBe(Number(res.retryAfter));
}

beforeAll(async () => {
  app = await startTestApp({ ...LOW, ROLE: 'api' });
});
afterAll(() => app?.close());

describe('sign-up', () => {
  it('when one address signs up more than its budget, then 429 with Retry-After; another address still signs up', async () => {
    const ip = newIp();
    for (let i = 0; i < 3; i++) expect((await signup(app, ip)).status).toBe(201);
    expectLimited(await signup(app, ip), 3600);
    expect((await signup(app)).status).toBe(201);
  });
});

describe('accepting invitations', () => {
  it('when a team in one office accepts after its sign-ups, then the sign-up budget does not stop them, their own budget does', async () => {
    const office = newIp();
    for (let i = 0; i < 3; i++) expect((await signup(app, office)).status).toBe(201);
    expectLimited(await signup(app, office), 3600);
    const owner = await workspace();
    const accept = async (n: number) => {
      const inv = await call(app, 'POST', '/v1/invitations', { token: owner.token, body: { email: `team-${n}-${randomUUID()}@example.com`, role: 'agent' } });
      expect(inv.status).toBe(201);
      const token = new URL(inv.body.url).searchParams.get('token');
      return call(app, 'POST', '/v1/auth/accept-invitation', { ip: office, body: { token, name: `Agente ${n}`, password: 'senha-forte-123' } });
    };
    for (let n = 0; n < 4; n++) expect((await accept(n)).status).toBe(200);
    const fifth = await accept(4);
    expectLimited(fifth, 3600);
    expect(fifth.body.error.message).toBe('Too many invitations accepted from this address');
  });
});

describe('login', () => {
  it('when one address tries many accounts, then it is limited per address whatever the email', async () => {
    const ip = newIp();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await call(app, 'POST', '/v1/auth/login', { ip, body: { email: `nobody${i}@example.com`, password: 'x-password' } })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('when one account fails from many addresses, then it is limited per account, and other accounts are not', async () => {
    const victim = await workspace();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await call(app, 'POST', '/v1/auth/login', { ip: newIp(), body: { email: victim.user.email, password: 'wrong-password' } })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const limited = await call(app, 'POST', '/v1/auth/login', { ip: newIp(), body: { email: victim.user.email, password: 'senha-forte-123' } });
    expectLimited(limited, 3600);
    const other = await workspace();
    expect((await call(app, 'POST', '/v1/auth/login', { ip: newIp(), body: { email: other.user.email, password: 'senha-forte-123' } })).status).toBe(200);
  });

  it('when a login succeeds, then the failures before it stop counting against the account', async () => {
    const user = await workspace();
    const login = (password: string) => call(app, 'POST', '/v1/auth/login', { ip: newIp(), body: { email: user.user.email, password } });
    for (let i = 0; i < 3; i++) expect((await login('wrong-password')).status).toBe(401);
    expect((await login('senha-forte-123')).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await login('wrong-password')).status).toBe(401);
    expect((await login('senha-forte-123')).status).toBe(200);
  });
});

describe('refresh', () => {
  it('when one address sends many refresh tokens, then it is limited per address', async () => {
    const ip = newIp();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await call(app, 'POST', '/v1/auth/refresh', { ip, body: { refreshToken: `made-up-refresh-token-${i}` } })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
  });

  it('when one login refreshes more than its budget, then it is limited per token family, from any address', async () => {
    let { refreshToken } = await workspace();
    for (let i = 0; i < 3; i++) {
      const res = await call(app, 'POST', '/v1/auth/refresh', { ip: newIp(), body: { refreshToken } });
      expect(res.status).toBe(200);
      refreshToken = res.body.refreshToken;
    }
    expectLimited(await call(app, 'POST', '/v1/auth/refresh', { ip: newIp(), body: { refreshToken } }), 3600);
  });
});

describe('web chat', () => {
  const newChannel = async () => {
    const owner = await workspace();
    const res = await call(app, 'POST', '/v1/channels', { token: owner.token, body: { type: 'webchat', name: 'Site' } });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const startChat = (channelId: string, ip: string) => call(app, 'POST', `/v1/webchat/${channelId}/sessions`, { ip, body: {} });
  const say = (channelId: string, token: string, ip: string, i: number) =>
    call(app, 'POST', `/v1/webchat/${channelId}/messages`, { ip, token, body: { text: `oi ${i}`, clientMessageId: `rl-${randomUUID()}` } });

  it('when one address starts many chats, then it is limited per address', async () => {
    const channelId = await newChannel();
    const ip = newIp();
    for (let i = 0; i < 3; i++) expect((await startChat(channelId, ip)).status).toBe(201);
    expectLimited(await startChat(channelId, ip), 60);
  });

  it("when one address loads a channel's try page many times, then it is limited per address, not spending the channel's chat budget", async () => {
    const channelId = await newChannel();
    const ip = newIp();
    for (let i = 0; i < 3; i++) expect((await call(app, 'GET', `/try/${channelId}`, { ip })).status).toBe(200);
    expectLimited(await call(app, 'GET', `/try/${channelId}`, { ip }), 60);
    // Seven page loads from other addresses leave the channel's five chat starts untouched.
    for (let i = 0; i < 7; i++) expect((await call(app, 'GET', `/try/${channelId}`, { ip: newIp() })).status).toBe(200);
    expect((await startChat(channelId, newIp())).status).toBe(201);
  });

  it('when many addresses start chats on one channel, then it is limited per channel; other channels are not', async () => {
    const channelId = await newChannel();
    for (let i = 0; i < 5; i++) expect((await startChat(channelId, newIp())).status).toBe(201);
    expectLimited(await startChat(channelId, newIp()), 60);
    expect((await startChat(await newChannel(), newIp())).status).toBe(201);
  });

  it('when one address sends many messages, then it is limited per address', async () => {
    const channelId = await newChannel();
    const ip = newIp();
    const { visitorToken } = (await startChat(channelId, ip)).body;
    for (let i = 0; i < 3; i++) expect((await say(channelId, visitorToken, ip, i)).status).toBe(202);
    expectLimited(await say(channelId, visitorToken, ip, 9), 60);
  });

  it('when visitors send many messages on one channel, then it is limited per channel', async () => {
    const channelId = await newChannel();
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const ip = newIp();
      const { visitorToken } = (await startChat(channelId, ip)).body;
      for (let j = 0; j < 2; j++) statuses.push((await say(channelId, visitorToken, ip, j)).status);
    }
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
  });

  it('when requests carry no valid token, or a token of another channel, then they do not spend the channel budget', async () => {
    const channelId = await newChannel();
    for (let i = 0; i < 4; i++) expect((await say(channelId, 'forged', newIp(), i)).status).toBe(401);
    const elsewhere = await newChannel();
    for (let i = 0; i < 5; i++) {
      const ip = newIp();
      const foreign = (await startChat(elsewhere, ip)).body.visitorToken;
      expect((await say(channelId, foreign, ip, i)).status).toBe(403);
    }
    const ip = newIp();
    const { visitorToken } = (await startChat(channelId, ip)).body;
    expect((await say(channelId, visitorToken, ip, 0)).status).toBe(202);
  });
});

describe('authenticated API', () => {
  it('when a workspace passes its per-minute budget, then 429 with Retry-After; another workspace is unaffected', async () => {
    const a = await workspace();
    const b = await workspace();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await call(app, 'GET', '/v1/flows', { token: a.token })).status);
    expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
    expectLimited(await call(app, 'GET', '/v1/me', { token: a.token }), 60);
    expect((await call(app, 'GET', '/v1/me', { token: b.token })).status).toBe(200);
  });

  it('when a request is not signed in, then it spends no workspace budget', async () => {
    const a = await workspace();
    for (let i = 0; i < 25; i++) expect((await call(app, 'GET', '/v1/me')).status).toBe(401);
    expect((await call(app, 'GET', '/v1/me', { token: a.token })).status).toBe(200);
  });
});

describe('while Redis is down', () => {
  let down: TestApp;
  beforeAll(async () => {
    down = await startTestApp({ ...LOW, REDIS_URL: 'redis://127.0.0.1:1', ROLE: 'api' });
  });
  afterAll(() => down?.close());

  it('when sign-up is asked, then 503 with Retry-After: a workspace is the costliest thing to create blind', async () => {
    const res = await signup(down);
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('unavailable');
    expect(Number(res.retryAfter)).toBeGreaterThan(0);
  });

  it('when logins are tried, then they still answer and the per-address limit still holds in this process', async () => {
    const ip = newIp();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await call(down, 'POST', '/v1/auth/login', { ip, body: { email: `x${i}@example.com`, password: 'x-password' } })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });
});
