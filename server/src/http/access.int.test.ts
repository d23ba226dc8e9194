// Every route of the real app declares its access, and every role gets exactly what it declares:
// 403 `forbidden` outside it, never 401/403 inside it, 401 without credentials.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, signupWorkspace, startTestApp, type TestApp } from '../../test/harness';
import { addMember } from '../../test/agents';
import { admits, ROLES, type Role } from './access';
import { concretePath, listRoutes, type RouteEntry } from './route-table';

let app: TestApp;
let routes: RouteEntry[];
const tokens = {} as Record<Role, string>;
const keys = {} as Record<Role, string>;

beforeAll(async () => {
  app = await startTestApp();
  routes = listRoutes(app.app!);
  const owner = await signupWorkspace(app);
  tokens.owner = owner.token;
  for (const role of ROLES.filter((r) => r !== 'owner')) tokens[role] = (await addMember(app, owner.workspace.id, role, role)).token;
  for (const role of ROLES) keys[role] = (await api(app, 'POST', '/v1/api-keys', { name: role, role }, owner.token)).body.key;
});
afterAll(async () => {
  await app?.close();
});

/** Status and, when JSON, the body: some routes answer files (a CSV export), which only need their status here. */
async function call(r: RouteEntry, token?: string): Promise<{ status: number; body: { error?: { code?: string } } | string | null }> {
  const res = await fetch(app.url + concretePath(r.path), {
    method: r.method,
    headers: { ...(r.method === 'GET' ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: r.method === 'GET' ? undefined : '{}',
  });
  const text = await res.text();
  try {
    return { status: res.status, body: text ? JSON.parse(text) : null };
  } catch {
    return { status: res.status, body: text };
  }
}

describe('route access', () => {
  it('when the app is built, then every route declares exactly one access level', () => {
    expect(routes.length).toBeGreaterThan(50);
    expect(routes.filter((r) => !r.access).map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it('when called without credentials, then every signed-in route answers 401', async () => {
    const wrong: string[] = [];
    for (const r of routes.filter((x) => x.access !== 'public')) {
      const res = await call(r);
      if (res.status !== 401) wrong.push(`${r.method} ${r.path} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it.each([['a session', tokens], ['an API key', keys]])('when each role calls each route with %s, then it is refused with 403 exactly where its declaration says', async (_, credentials) => {
    const wrong: string[] = [];
    let refused = 0;
    for (const r of routes.filter((x) => x.access !== 'public')) {
      for (const role of ROLES) {
        const res = await call(r, credentials[role]);
        const allowed = admits(r.access!, role);
        if (!allowed) refused++;
        const ok = allowed ? res.status !== 401 && res.status !== 403 : res.status === 403 && typeof res.body === 'object' && res.body?.error?.code === 'forbidden';
        if (!ok) wrong.push(`${role} ${r.method} ${r.path} → ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(refused).toBeGreaterThan(20);
  }, 30_000);
});
