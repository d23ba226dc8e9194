import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The auth store persists to localStorage at import time; unit tests run in Node, so give it one.
vi.hoisted(() => {
  const data = new Map<string, string>();
  globalThis.localStorage = {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
    clear: () => data.clear(),
    key: (i: number) => [...data.keys()][i] ?? null,
    get length() {
      return data.size;
    },
  };
});

const { api, expiresWithin } = await import('./client');
const { ApiError } = await import('./errors');
const { useAuthStore } = await import('../auth/auth-store');

type Handler = (url: string, init: RequestInit) => Response | Promise<Response>;
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const authHeader = (init: RequestInit) => (init.headers as Record<string, string>).Authorization;

let fetchMock: ReturnType<typeof vi.fn<Handler>>;
const refreshCalls = () => fetchMock.mock.calls.filter(([url]) => url === '/v1/auth/refresh');

beforeEach(() => {
  fetchMock = vi.fn<Handler>();
  vi.stubGlobal('fetch', fetchMock);
  useAuthStore.getState().signIn({
    token: 'old',
    refreshToken: 'r1',
    user: { id: 'u1', email: 'ana@example.com', name: 'Ana' },
    workspace: { id: 'w1', name: 'Padaria' },
    role: 'owner',
  });
});

afterEach(() => vi.unstubAllGlobals());

// Accepts only the freshly refreshed token, like a server whose access token just expired.
const expiringServer: Handler = async (url, init) => {
  if (url === '/v1/auth/refresh') return json(200, { token: 'new', refreshToken: 'r2' });
  return authHeader(init) === 'Bearer new'
    ? json(200, { ok: true })
    : json(401, { error: { code: 'unauthorized', message: 'expired' } });
};

describe('api client', () => {
  it('sends the bearer token and a JSON body', async () => {
    fetchMock.mockResolvedValue(json(201, { id: 'f1' }));
    await expect(api.post('/v1/flows', { name: 'x' })).resolves.toEqual({ id: 'f1' });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/v1/flows');
    expect(authHeader(init)).toBe('Bearer old');
    expect(init.body).toBe('{"name":"x"}');
  });

  it('throws ApiError parsed from the error envelope', async () => {
    const error = {
      code: 'validation_failed',
      message: 'Invalid',
      issues: [{ path: ['email'], message: 'bad' }],
    };
    fetchMock.mockResolvedValue(json(400, { error }));
    const err = await api.post('/v1/auth/signup', {}, { auth: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 400, code: 'validation_failed', message: 'Invalid' });
    expect((err as InstanceType<typeof ApiError>).issues).toEqual(error.issues);
  });

  it('refreshes once on 401 and retries with the new token', async () => {
    fetchMock.mockImplementation(expiringServer);
    await expect(api.get('/v1/me')).resolves.toEqual({ ok: true });
    expect(refreshCalls()).toHaveLength(1);
    expect(JSON.parse(String(refreshCalls()[0]![1].body))).toEqual({ refreshToken: 'r1' });
    expect(useAuthStore.getState()).toMatchObject({ token: 'new', refreshToken: 'r2' });
  });

  it('shares one refresh between concurrent 401s', async () => {
    fetchMock.mockImplementation(expiringServer);
    await Promise.all([api.get('/v1/a'), api.get('/v1/b'), api.get('/v1/c')]);
    expect(refreshCalls()).toHaveLength(1);
  });

  it('signs out when the refresh token is rejected', async () => {
    fetchMock.mockImplementation(async (url) =>
      json(401, {
        error: { code: url === '/v1/auth/refresh' ? 'invalid_refresh_token' : 'unauthorized', message: 'no' },
      }),
    );
    await expect(api.get('/v1/me')).rejects.toMatchObject({ status: 401 });
    expect(useAuthStore.getState()).toMatchObject({ token: null, user: null, sessionExpired: true, removedFrom: null });
  });

  it('when the member was removed from the workspace, then signing out says so, naming it, instead of an expired session', async () => {
    fetchMock.mockImplementation(async (url) =>
      json(401, { error: url === '/v1/auth/refresh' ? { code: 'unauthorized', message: 'no', reason: 'removed' } : { code: 'unauthorized', message: 'no' } }),
    );
    await expect(api.get('/v1/me')).rejects.toMatchObject({ status: 401 });
    expect(useAuthStore.getState()).toMatchObject({ token: null, user: null, sessionExpired: false, removedFrom: 'Padaria' });
  });

  it('never refreshes for unauthenticated calls such as login', async () => {
    fetchMock.mockResolvedValue(json(401, { error: { code: 'invalid_credentials', message: 'Wrong' } }));
    await expect(api.post('/v1/auth/login', {}, { auth: false })).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
    expect(refreshCalls()).toHaveLength(0);
    expect(authHeader(fetchMock.mock.calls[0]![1])).toBeUndefined();
    expect(useAuthStore.getState().token).toBe('old');
  });

  it('reports network failures as ApiError network_error', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    await expect(api.get('/v1/me')).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });

  it('refreshes an access token about to expire before sending, so the request never meets a 401', async () => {
    const jwt = (exp: number) => `h.${btoa(JSON.stringify({ sub: 'u1', exp })).replace(/=+$/, '')}.s`;
    useAuthStore.getState().setTokens({ token: jwt(Math.floor(Date.now() / 1000) + 10), refreshToken: 'r1' });
    fetchMock.mockImplementation(expiringServer);
    await expect(api.get('/v1/me')).resolves.toEqual({ ok: true });
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual(['/v1/auth/refresh', '/v1/me']);
    // One with time left is sent as is.
    const later = jwt(Math.floor(Date.now() / 1000) + 600);
    expect(expiresWithin(later, 30)).toBe(false);
    expect(expiresWithin('not-a-jwt', 30)).toBe(false);
    useAuthStore.getState().setTokens({ token: later, refreshToken: 'r2' });
    fetchMock.mockClear();
    fetchMock.mockResolvedValue(json(200, { ok: true }));
    await api.get('/v1/flows');
    expect(refreshCalls()).toHaveLength(0);
    expect(authHeader(fetchMock.mock.calls[0]![1])).toBe(`Bearer ${later}`);
  });

  it('when another tab of this browser already refreshed, then this tab uses the tokens it stored instead of presenting the spent refresh token', async () => {
    // The other tab rotated the pair and stored it; this tab still holds the old one in memory.
    const stored = JSON.parse(localStorage.getItem('zyntra.auth')!);
    localStorage.setItem('zyntra.auth', JSON.stringify({ ...stored, state: { ...stored.state, token: 'new', refreshToken: 'r2' } }));
    fetchMock.mockImplementation(expiringServer);
    await expect(api.get('/v1/me')).resolves.toEqual({ ok: true });
    expect(refreshCalls()).toHaveLength(0);
    expect(useAuthStore.getState()).toMatchObject({ token: 'new', refreshToken: 'r2' });
  });
});
