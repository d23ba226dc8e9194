import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAgent } from '../../test/agents';
import { api, signupWorkspace, startTestApp, type TestApp } from '../../test/harness';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ LOGIN_MAX_ATTEMPTS: '3' });
});
afterAll(() => app?.close());

describe('accounts', () => {
  it('when a workspace signs up, then the owner gets tokens and /v1/me describes the workspace', async () => {
    const s = await signupWorkspace(app, 'Padaria Pão Quente');
    expect(s.token).toBeTruthy();
    expect(s.refreshToken).toBeTruthy();
    const me = await api(app, 'GET', '/v1/me', undefined, s.token);
    expect(me.status).toBe(200);
    expect(me.body.workspace.name).toBe('Padaria Pão Quente');
    expect(me.body.role).toBe('owner');
    expect(me.body.workspaces).toHaveLength(1);
    expect(JSON.stringify(me.body)).not.toContain('password');
  });

  it('when an owner renames the workspace, then /v1/me and the audit log say so; an agent, another workspace or a blank name cannot', async () => {
    const s = await signupWorkspace(app, 'Padaria Pao Quente');
    const renamed = await api(app, 'PATCH', '/v1/settings/workspace', { name: '  Padaria Pão Quente  ' }, s.token);
    expect(renamed).toMatchObject({ status: 200, body: { id: s.workspace.id, name: 'Padaria Pão Quente' } });
    expect((await api(app, 'GET', '/v1/me', undefined, s.token)).body.workspace.name).toBe('Padaria Pão Quente');
    const log = await api(app, 'GET', '/v1/audit-log', undefined, s.token);
    expect(log.body.items[0]).toMatchObject({ action: 'workspace.renamed', data: { name: 'Padaria Pão Quente', previousName: 'Padaria Pao Quente' } });
    for (const name of ['', '   ', 'x'.repeat(81)]) expect((await api(app, 'PATCH', '/v1/settings/workspace', { name }, s.token)).status).toBe(400);
    const agent = await addAgent(app, s.workspace.id, 'Bruno');
    expect(await api(app, 'PATCH', '/v1/settings/workspace', { name: 'Minha' }, agent.token)).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    const other = await signupWorkspace(app, 'Outra');
    await api(app, 'PATCH', '/v1/settings/workspace', { name: 'Outra Loja' }, other.token);
    expect((await api(app, 'GET', '/v1/me', undefined, s.token)).body.workspace.name).toBe('Padaria Pão Quente');
  });

  it('when the same email signs up twice, then the second gets 409 email_taken', async () => {
    const s = await signupWorkspace(app);
    const again = await api(app, 'POST', '/v1/auth/signup', { workspaceName: 'X', name: 'Y', email: s.email.toUpperCase(), password: 'outra-senha-1' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('email_taken');
  });

  it('when signup input is invalid, then 400 lists each bad field', async () => {
    const res = await api(app, 'POST', '/v1/auth/signup', { workspaceName: '', name: 'A', email: 'nope', password: '1' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    const paths = res.body.error.issues.map((i: { path: string }) => i.path).sort();
    expect(paths).toEqual(['email', 'password', 'workspaceName']);
  });

  it('when the password is right, then login answers the session; when wrong, 401', async () => {
    const s = await signupWorkspace(app);
    const ok = await api(app, 'POST', '/v1/auth/login', { email: s.email, password: s.password });
    expect(ok.status).toBe(200);
    expect(ok.body.workspace.id).toBe(s.workspace.id);
    const bad = await api(app, 'POST', '/v1/auth/login', { email: s.email, password: 'wrong-password' });
    expect(bad.status).toBe(401);
    expect(bad.body.error.code).toBe('invalid_credentials');
  });

  it('when login fails too often, then it is rate limited with 429', async () => {
    const s = await signupWorkspace(app);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await api(app, 'POST', '/v1/auth/login', { email: s.email, password: 'bad' })).status);
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429]);
  });

  it('when a refresh token is used, then it rotates; replaying the old one revokes the family', async () => {
    const s = await signupWorkspace(app);
    const first = await api(app, 'POST', '/v1/auth/refresh', { refreshToken: s.refreshToken });
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toBe(s.refreshToken);
    const me = await api(app, 'GET', '/v1/me', undefined, first.body.token);
    expect(me.status).toBe(200);
    const replay = await api(app, 'POST', '/v1/auth/refresh', { refreshToken: s.refreshToken });
    expect(replay.status).toBe(401);
    const rotatedAfterReplay = await api(app, 'POST', '/v1/auth/refresh', { refreshToken: first.body.refreshToken });
    expect(rotatedAfterReplay.status).toBe(401);
  });

  it('when the bearer token is missing or forged, then /v1/me is 401', async () => {
    expect((await api(app, 'GET', '/v1/me')).status).toBe(401);
    const forged = await api(app, 'GET', '/v1/me', undefined, 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bad');
    expect(forged.status).toBe(401);
    expect(forged.body.error.code).toBe('unauthorized');
  });

  it('when passwords are logged nowhere, then the logs do not contain them', async () => {
    const s = await signupWorkspace(app);
    await api(app, 'POST', '/v1/auth/login', { email: s.email, password: s.password });
    expect(app.logs.text()).not.toContain(s.password);
    expect(app.logs.text()).not.toContain(s.refreshToken);
  });
});
