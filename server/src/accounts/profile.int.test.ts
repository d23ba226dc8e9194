// A person's own account: the name their team sees, and a password changed with the current one,
// which ends every other login of theirs (in every workspace) while the one that changed it stays.
import { describe, expect, it } from 'vitest';
import { api, signupWorkspace, workspaceForFile, type TestApp, type WorkspaceOwner } from '../../test/harness';

let app: TestApp;
let owner: WorkspaceOwner;
workspaceForFile((s) => ({ app, owner } = s));

const login = async (email: string, password: string) => api(app, 'POST', '/v1/auth/login', { email, password });

describe('the caller’s own name', () => {
  it('when a person renames themselves, then /v1/me and the members list show the new name; a blank one or an API key is refused', async () => {
    const renamed = await api(app, 'PATCH', '/v1/me', { name: '  Ana Paula Souza ' }, owner.token);
    expect([renamed.status, renamed.body]).toEqual([200, { user: { id: owner.user.id, email: owner.email, name: 'Ana Paula Souza' } }]);
    expect((await api(app, 'GET', '/v1/me', undefined, owner.token)).body.user.name).toBe('Ana Paula Souza');
    const members = (await api(app, 'GET', '/v1/members', undefined, owner.token)).body.items;
    expect(members.find((m: { userId: string }) => m.userId === owner.user.id).name).toBe('Ana Paula Souza');

    const blank = await api(app, 'PATCH', '/v1/me', { name: '   ' }, owner.token);
    expect([blank.status, blank.body.error.issues[0].path]).toEqual([400, 'name']);
    const key = (await api(app, 'POST', '/v1/api-keys', { name: 'CRM', role: 'admin' }, owner.token)).body.key;
    expect((await api(app, 'PATCH', '/v1/me', { name: 'Robô' }, key)).status).toBe(403);
    expect((await api(app, 'POST', '/v1/me/password', { currentPassword: owner.password, newPassword: 'chave-de-api-1' }, key)).status).toBe(403);
    expect((await api(app, 'GET', '/v1/me', undefined, owner.token)).body.user.name).toBe('Ana Paula Souza');
  });
});

describe('the caller’s own password', () => {
  it('when the current password is right, then the new one works and every other login ends, in every workspace, but this one', async () => {
    const person = await signupWorkspace(app, 'Doceria');
    const phone = (await login(person.email, person.password)).body;
    // The same person joins a second workspace.
    const other = await signupWorkspace(app, 'Padaria');
    const inv = await api(app, 'POST', '/v1/invitations', { email: person.email, role: 'agent' }, other.token);
    const joined = await api(app, 'POST', '/v1/auth/accept-invitation', { token: new URL(inv.body.url).searchParams.get('token'), name: 'Ana', password: person.password });
    expect(joined.status).toBe(200);

    const wrong = await api(app, 'POST', '/v1/me/password', { currentPassword: 'nao-e-essa', newPassword: 'senha-nova-456' }, person.token);
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.issues).toEqual([expect.objectContaining({ path: 'currentPassword', code: 'custom', reason: 'wrong_password' })]);
    const short = await api(app, 'POST', '/v1/me/password', { currentPassword: person.password, newPassword: 'curta' }, person.token);
    expect([short.status, short.body.error.issues[0].path]).toEqual([400, 'newPassword']);
    expect((await api(app, 'GET', '/v1/me', undefined, phone.token)).status).toBe(200);

    expect((await api(app, 'POST', '/v1/me/password', { currentPassword: person.password, newPassword: 'senha-nova-456' }, person.token)).status).toBe(204);
    // This login goes on, its refresh token too.
    expect((await api(app, 'GET', '/v1/me', undefined, person.token)).status).toBe(200);
    expect((await api(app, 'POST', '/v1/auth/refresh', { refreshToken: person.refreshToken })).status).toBe(200);
    // The other logins end: the phone here, and the session in the other workspace.
    expect((await api(app, 'GET', '/v1/me', undefined, phone.token)).status).toBe(401);
    expect((await api(app, 'POST', '/v1/auth/refresh', { refreshToken: phone.refreshToken })).status).toBe(401);
    expect((await api(app, 'GET', '/v1/me', undefined, joined.body.token)).status).toBe(401);
    expect((await login(person.email, person.password)).status).toBe(401);
    expect((await login(person.email, 'senha-nova-456')).status).toBe(200);
    // Someone else's logins are untouched.
    expect((await api(app, 'GET', '/v1/me', undefined, other.token)).status).toBe(200);
  });
});
