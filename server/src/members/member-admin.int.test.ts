// Invitations, accepting, switching workspaces, logout, password reset, role changes and removal.
import { describe, expect, it } from 'vitest';
import { inviteMember } from '../../test/agents';
import { api, signupWorkspace, workspaceForFile, type TestApp, type WorkspaceOwner } from '../../test/harness';

let app: TestApp;
let owner: WorkspaceOwner;
workspaceForFile((started) => ({ app, owner } = started));

const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;
let seq = 0;
const newEmail = (name: string) => `${name}${Date.now()}${seq++}@example.com`;

/** The link of the last email logged to `to` (development mailer). */
function mailedLink(to: string): string {
  const line = app.logs.lines.map((l) => JSON.parse(l)).reverse().find((l) => l.mail?.to === to);
  if (!line) throw new Error(`no email to ${to}`);
  return line.mail.link;
}

describe('invitations', () => {
  it('when an owner invites by email, then the link is shown once and mailed, and accepting creates the account with that role', async () => {
    const email = newEmail('carol');
    const inv = await api(app, 'POST', '/v1/invitations', { email, role: 'agent' }, owner.token);
    expect(inv.status).toBe(201);
    expect(inv.body).toMatchObject({ id: expect.any(String), email, role: 'agent', url: expect.stringContaining('/accept-invitation?token=') });
    expect(mailedLink(email)).toBe(inv.body.url);
    const pending = await api(app, 'GET', '/v1/invitations', undefined, owner.token);
    expect(pending.body.items.map((i: { id: string }) => i.id)).toContain(inv.body.id);
    expect(JSON.stringify(pending.body)).not.toContain(tokenOf(inv.body.url));

    const accepted = await api(app, 'POST', '/v1/auth/accept-invitation', { token: tokenOf(inv.body.url), name: 'Carol', password: 'senha-nova-123' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ token: expect.any(String), refreshToken: expect.any(String), user: { email, name: 'Carol' }, workspace: { id: owner.workspace.id }, role: 'agent' });
    expect((await api(app, 'GET', '/v1/me', undefined, accepted.body.token)).body.role).toBe('agent');
    // Used once: the same link does nothing more.
    expect((await api(app, 'POST', '/v1/auth/accept-invitation', { token: tokenOf(inv.body.url), name: 'X', password: 'senha-nova-123' })).status).toBe(404);
    const login = await api(app, 'POST', '/v1/auth/login', { email, password: 'senha-nova-123' });
    expect(login.status).toBe(200);
  });

  it('when someone with an account accepts, then the workspace is added to it and they switch between workspaces', async () => {
    const other = await signupWorkspace(app, 'Outra');
    const inv = await api(app, 'POST', '/v1/invitations', { email: other.email, role: 'marketer' }, owner.token);
    const wrong = await api(app, 'POST', '/v1/auth/accept-invitation', { token: tokenOf(inv.body.url), name: 'Ana', password: 'not-their-password' });
    expect(wrong.status).toBe(401);
    const ok = await api(app, 'POST', '/v1/auth/accept-invitation', { token: tokenOf(inv.body.url), name: 'Ana', password: other.password });
    expect(ok.body).toMatchObject({ user: { id: other.user.id }, workspace: { id: owner.workspace.id }, role: 'marketer' });
    const me = await api(app, 'GET', '/v1/me', undefined, other.token);
    expect(me.body.workspaces.map((w: { id: string; role: string }) => [w.id, w.role]).sort()).toEqual(
      [[other.workspace.id, 'owner'], [owner.workspace.id, 'marketer']].sort(),
    );
    const switched = await api(app, 'POST', '/v1/auth/switch', { workspaceId: owner.workspace.id }, other.token);
    expect(switched.status).toBe(200);
    expect(switched.body).toMatchObject({ workspace: { id: owner.workspace.id }, role: 'marketer', token: expect.any(String), refreshToken: expect.any(String) });
    expect((await api(app, 'GET', '/v1/flows', undefined, switched.body.token)).status).toBe(200);
    expect((await api(app, 'GET', '/v1/conversations', undefined, switched.body.token)).status).toBe(403);
    // A workspace they do not belong to is unknown.
    const stranger = await signupWorkspace(app);
    expect((await api(app, 'POST', '/v1/auth/switch', { workspaceId: stranger.workspace.id }, other.token)).status).toBe(404);
  });

  it('when an invitation is revoked, then its link is refused; an admin cannot hand out the owner role', async () => {
    const inv = await api(app, 'POST', '/v1/invitations', { email: newEmail('dan'), role: 'agent' }, owner.token);
    expect((await api(app, 'DELETE', `/v1/invitations/${inv.body.id}`, undefined, owner.token)).status).toBe(204);
    expect((await api(app, 'POST', '/v1/auth/accept-invitation', { token: tokenOf(inv.body.url), name: 'Dan', password: 'senha-nova-123' })).status).toBe(404);
    const admin = await inviteMember(app, owner.token, 'admin');
    expect((await api(app, 'POST', '/v1/invitations', { email: newEmail('eve'), role: 'owner' }, admin.token)).status).toBe(403);
    expect((await api(app, 'POST', '/v1/invitations', { email: newEmail('eve'), role: 'agent' }, admin.token)).status).toBe(201);
    expect((await api(app, 'POST', '/v1/invitations', { email: 'not-an-email', role: 'agent' }, owner.token)).status).toBe(400);
    // Someone already in the workspace (the owner themself here, however the address is cased) is not invited again.
    const again = await api(app, 'POST', '/v1/invitations', { email: owner.email.toUpperCase(), role: 'agent' }, owner.token);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'conflict', reason: 'already_member' });
    expect((await api(app, 'GET', '/v1/invitations', undefined, owner.token)).body.items.map((i: { email: string }) => i.email.toLowerCase())).not.toContain(owner.email.toLowerCase());
    expect((await api(app, 'POST', '/v1/invitations', { email: newEmail('x'), role: 'root' }, owner.token)).status).toBe(400);
  });
});

describe('sessions', () => {
  it('when the same address is invited four times at once, then one invitation is pending and only its link works', async () => {
    for (const name of ['fay', 'gus', 'hal']) {
      const email = newEmail(name);
      const sent = await Promise.all(['agent', 'agent', 'marketer', 'agent'].map((role, i) =>
        api(app, 'POST', '/v1/invitations', { email: i % 2 ? email.toUpperCase() : email, role }, owner.token)));
      expect(sent.map((r) => r.status)).toEqual([201, 201, 201, 201]);
      // One after another under the lock: the first found none pending, each later one replaced one.
      expect(sent.map((r) => r.body.replaced).sort()).toEqual([false, true, true, true]);
      // This server has no SMTP: the answer says no email went out.
      expect(sent.map((r) => r.body.emailed)).toEqual([false, false, false, false]);
      const listed = (await api(app, 'GET', '/v1/invitations', undefined, owner.token)).body;
      // The list says so before anyone is invited, for the form to say the link is handed over.
      expect(listed.sendsEmail).toBe(false);
      const pending = listed.items.filter((i: { email: string }) => i.email === email);
      expect(pending).toHaveLength(1);
      const previews = await Promise.all(sent.map((r) => api(app, 'POST', '/v1/auth/invitation-preview', { token: tokenOf(r.body.url) })));
      expect(previews.map((r, i) => [sent[i]!.body.id === pending[0].id, r.status]).sort()).toEqual([[false, 404], [false, 404], [false, 404], [true, 200]]);
    }
  });

  it('when a member logs out, then the refresh token and its access token are refused', async () => {
    const m = await inviteMember(app, owner.token, 'agent');
    expect((await api(app, 'POST', '/v1/auth/logout', { refreshToken: m.refreshToken })).status).toBe(204);
    const refused = await api(app, 'POST', '/v1/auth/refresh', { refreshToken: m.refreshToken });
    expect(refused.status).toBe(401);
    expect(refused.body.error.reason).toBeUndefined();
    expect((await api(app, 'GET', '/v1/me', undefined, m.token)).status).toBe(401);
  });

  it('when a password is reset by the mailed token, then the new one works, the token is spent and old logins end', async () => {
    const m = await inviteMember(app, owner.token, 'agent');
    const known = await api(app, 'POST', '/v1/auth/password-reset', { email: m.email });
    const unknown = await api(app, 'POST', '/v1/auth/password-reset', { email: newEmail('nobody') });
    // The same answer whether the address has an account or not; this server has no SMTP_URL.
    expect([known.status, known.body]).toEqual([202, { sendsEmail: false }]);
    expect([unknown.status, unknown.body]).toEqual([202, { sendsEmail: false }]);
    const token = tokenOf(mailedLink(m.email));
    expect((await api(app, 'POST', '/v1/auth/password-reset/confirm', { token, password: 'outra-senha-456' })).status).toBe(204);
    expect((await api(app, 'POST', '/v1/auth/password-reset/confirm', { token, password: 'terceira-senha-7' })).status).toBe(404);
    expect((await api(app, 'POST', '/v1/auth/login', { email: m.email, password: 'senha-nova-123' })).status).toBe(401);
    expect((await api(app, 'POST', '/v1/auth/login', { email: m.email, password: 'outra-senha-456' })).status).toBe(200);
    expect((await api(app, 'POST', '/v1/auth/refresh', { refreshToken: m.refreshToken })).status).toBe(401);
    expect((await api(app, 'GET', '/v1/me', undefined, m.token)).status).toBe(401);
  });
});

describe('roles and removal', () => {
  it('when a role changes, then the member’s current token gets the new role at once, and the change is audited', async () => {
    const m = await inviteMember(app, owner.token, 'agent');
    expect((await api(app, 'GET', '/v1/conversations', undefined, m.token)).status).toBe(200);
    const res = await api(app, 'PATCH', `/v1/members/${m.user.id}`, { role: 'marketer' }, owner.token);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ userId: m.user.id, role: 'marketer', revokedApiKeys: 0 });
    expect((await api(app, 'GET', '/v1/conversations', undefined, m.token)).status).toBe(403);
    expect((await api(app, 'GET', '/v1/flows', undefined, m.token)).status).toBe(200);
    const members = await api(app, 'GET', '/v1/members', undefined, owner.token);
    expect(members.body.items.find((x: { userId: string }) => x.userId === m.user.id).role).toBe('marketer');
    const audit = await api(app, 'GET', '/v1/audit-log', undefined, owner.token);
    expect(audit.body.items[0]).toMatchObject({ action: 'member.role_changed', targetId: m.user.id, data: { from: 'agent', to: 'marketer' }, actor: { id: owner.user.id } });
    expect((await api(app, 'GET', '/v1/audit-log', undefined, m.token)).status).toBe(403);
  });

  it('when the last owner would be demoted or removed, then 409; an admin cannot touch an owner', async () => {
    expect((await api(app, 'PATCH', `/v1/members/${owner.user.id}`, { role: 'admin' }, owner.token)).status).toBe(409);
    expect((await api(app, 'DELETE', `/v1/members/${owner.user.id}`, undefined, owner.token)).status).toBe(409);
    const admin = await inviteMember(app, owner.token, 'admin');
    expect((await api(app, 'PATCH', `/v1/members/${owner.user.id}`, { role: 'agent' }, admin.token)).status).toBe(403);
    expect((await api(app, 'DELETE', `/v1/members/${owner.user.id}`, undefined, admin.token)).status).toBe(403);
    expect((await api(app, 'GET', '/v1/me', undefined, owner.token)).body.role).toBe('owner');
  });

  it('when a member is removed, then their tokens are refused, they leave the list, and another workspace cannot remove anyone here', async () => {
    const m = await inviteMember(app, owner.token, 'agent');
    const stranger = await signupWorkspace(app);
    expect((await api(app, 'DELETE', `/v1/members/${m.user.id}`, undefined, stranger.token)).status).toBe(404);
    expect((await api(app, 'PATCH', `/v1/members/${m.user.id}`, { role: 'admin' }, stranger.token)).status).toBe(404);
    expect((await api(app, 'GET', '/v1/me', undefined, m.token)).status).toBe(200);
    expect((await api(app, 'DELETE', `/v1/members/${m.user.id}`, undefined, owner.token)).status).toBe(204);
    expect((await api(app, 'GET', '/v1/me', undefined, m.token)).status).toBe(401);
    // Refused saying why, so the app tells them they no longer have access (not that a session expired).
    const refused = await api(app, 'POST', '/v1/auth/refresh', { refreshToken: m.refreshToken });
    expect(refused.status).toBe(401);
    expect(refused.body.error).toMatchObject({ code: 'unauthorized', reason: 'removed', workspace: expect.any(String) });
    expect((await api(app, 'DELETE', `/v1/members/${m.user.id}`, undefined, owner.token)).status).toBe(404);
    const members = await api(app, 'GET', '/v1/members', undefined, owner.token);
    expect(members.body.items.map((x: { userId: string }) => x.userId)).not.toContain(m.user.id);
    const audit = await api(app, 'GET', '/v1/audit-log', undefined, owner.token);
    expect(audit.body.items[0]).toMatchObject({ action: 'member.removed', targetId: m.user.id });
  });
});
