import { useAuthStore } from '../auth/auth-store';
import i18n from '../i18n';
import { ApiError, toApiError } from './errors';
import type { TokenPair } from './types';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: HttpMethod;
  /** Serialised as JSON. */
  body?: unknown;
  signal?: AbortSignal;
  /** Send the bearer token and handle 401 by refreshing. Off for login/signup. Default true. */
  auth?: boolean;
  /** Extra request headers (e.g. Idempotency-Key). */
  headers?: Record<string, string>;
  /** Sent as is instead of JSON (file uploads); the browser sets the multipart content type. */
  rawBody?: FormData | Blob;
}

// Same origin: Vite proxies /v1 in dev and the server serves the built SPA in production.
const BASE_URL = '';
const REFRESH_PATH = '/v1/auth/refresh';

async function send(path: string, opts: RequestOptions, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  // Lets the server localise its messages (validation issues are shown verbatim).
  if (i18n.resolvedLanguage) headers['Accept-Language'] = i18n.resolvedLanguage;
  try {
    return await fetch(BASE_URL + path, {
      method: opts.method ?? (opts.body === undefined && !opts.rawBody ? 'GET' : 'POST'),
      headers,
      body: opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
      signal: opts.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network_error', err instanceof Error ? err.message : 'Network error');
  }
}

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

// One refresh at a time: when several requests hit 401 together they must share a single
// refresh call, since the server rotates refresh tokens and a second call would be rejected.
let refreshing: Promise<string | Refusal> | null = null;

/**
 * Tabs of one browser share the session (localStorage), and a refresh token works once: a second tab
 * presenting the same one reads as a replay and ends the login everywhere. So tabs take turns (a Web
 * Lock where the browser has them), and a tab whose turn comes after another's refresh uses the
 * tokens that tab stored instead of refreshing again.
 */
function oneTabAtATime<T>(fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : (navigator as Navigator & { locks?: LockManager }).locks;
  return locks ? (locks.request('zyntra.auth.refresh', fn) as unknown as Promise<T>) : fn();
}

/** Why a refresh was refused: the session ran out, or the member was removed from the workspace (named). */
type Refusal = { refused: 'expired' } | { refused: 'removed'; workspace: string | null };

/** New access token, or why the server rejected the refresh token. Throws on network errors. */
function refreshAccessToken(): Promise<string | Refusal> {
  const stale = useAuthStore.getState().refreshToken;
  refreshing ??= oneTabAtATime(async (): Promise<string | Refusal> => {
    await useAuthStore.persist.rehydrate();
    const { token, refreshToken } = useAuthStore.getState();
    if (!refreshToken) return { refused: 'expired' };
    if (refreshToken !== stale && token) return token;
    const res = await send(REFRESH_PATH, { method: 'POST', body: { refreshToken } }, null);
    if (!res.ok) {
      const error = ((await readBody(res).catch(() => null)) as { error?: { reason?: unknown; workspace?: unknown } } | null)?.error;
      return error?.reason === 'removed' ? { refused: 'removed', workspace: typeof error.workspace === 'string' ? error.workspace : null } : { refused: 'expired' };
    }
    const tokens = (await readBody(res)) as TokenPair;
    useAuthStore.getState().setTokens(tokens);
    return tokens.token;
  }).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** True when the access token (a JWT) has expired or will within `seconds`; false when it says nothing. */
export function expiresWithin(token: string, seconds: number, now = Date.now()): boolean {
  try {
    const payload = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown };
    return typeof payload.exp === 'number' && payload.exp * 1000 - now < seconds * 1000;
  } catch {
    return false;
  }
}

/** The token to send: one about to expire is refreshed first, so a session never meets a 401 on its normal path. */
async function currentToken(): Promise<string | null> {
  const token = useAuthStore.getState().token;
  if (!token || !expiresWithin(token, 30)) return token;
  // Rejected or unreachable: send the old one and let the 401 path decide.
  const fresh = await refreshAccessToken().catch(() => null);
  return typeof fresh === 'string' ? fresh : token;
}

export async function apiRequest<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const useAuth = opts.auth ?? true;
  const token = useAuth ? await currentToken() : null;
  let res = await send(path, opts, token);

  if (res.status === 401 && token) {
    // Another request may already have refreshed while this one was in flight.
    const current = useAuthStore.getState().token;
    const fresh = current && current !== token ? current : await refreshAccessToken();
    if (typeof fresh === 'string') res = await send(path, opts, fresh);
    if (typeof fresh !== 'string') useAuthStore.getState().signOut(fresh.refused, fresh.refused === 'removed' ? fresh.workspace : null);
    else if (res.status === 401) useAuthStore.getState().signOut('expired');
  }

  const body = await readBody(res);
  if (!res.ok) throw toApiError(res.status, body);
  return body as T;
}

type BodylessOptions = Omit<RequestOptions, 'method' | 'body'>;

export const api = {
  get: <T>(path: string, opts?: BodylessOptions) => apiRequest<T>(path, { ...opts, method: 'GET' }),
  delete: <T>(path: string, opts?: BodylessOptions) => apiRequest<T>(path, { ...opts, method: 'DELETE' }),
  post: <T>(path: string, body?: unknown, opts?: BodylessOptions) =>
    apiRequest<T>(path, { ...opts, method: 'POST', body }),
  put: <T>(path: string, body?: unknown, opts?: BodylessOptions) =>
    apiRequest<T>(path, { ...opts, method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown, opts?: BodylessOptions) =>
    apiRequest<T>(path, { ...opts, method: 'PATCH', body }),
};
