// API keys: shown once, hashed at rest, used like a session of their role, revoked at once.
import { describe, expect, it } from 'vitest';
import { addMember } from '../../test/agents';
import { query } from '../../test/db';
import { api, signupWorkspace, workspaceForFile, type TestApp, type WorkspaceOwner } from '../../test/harness';

let app: TestApp;
let owner: WorkspaceOwner;
workspaceForFile((started) => ({ app, owner } = started));

const storedRows = (): Promise<Array<Record<string, unknown>>> => query(app.config.DATABASE_URL, 'SELECT * FROM api_keys');

describe('api keys', () => {
  it('when a key is created, then it is shown once, stored only as a hash, and listed with its last use', async () => {
    const created = await api(app, 'POST', '/v1/api-keys', { name: 'CRM', role: 'marketer' }, owner.token);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.any(String), name: 'CRM', role: 'marketer', key: expect.stringMatching(/^zk_[\w-]{40,}$/) });
    const key: string = created.body.key;
    expect(JSON.stringify(await storedRows())).not.toContain(key.slice(3));
    let list = await api(app, 'GET', '/v1/api-keys', undefined, owner.token);
    expect(list.body.items).toEqual([expect.objectContaining({ id: created.body.id, name: 'CRM', role: 'marketer', lastUsedAt: null, createdAt: expect.any(String) })]);
    expect(JSON.stringify(list.body)).not.toContain(key);

    expect((await api(app, 'GET', '/v1/flows', undefined, key)).status).toBe(200);
    list = await api(app, 'GET', '/v1/api-keys', undefined, owner.token);
    expect(Date.parse(list.body.items[0].lastUsedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('when a key is used, then it acts exactly as its role: allowed where the role is, 403 elsewhere', async () => {
    const agentKey = (await api(app, 'POST', '/v1/api-keys', { name: 'Bot', role: 'agent' }, owner.token)).body.key;
    expect((await api(app, 'GET', '/v1/conversations', undefined, agentKey)).status).toBe(200);
    expect((await api(app, 'GET', '/v1/flows/00000000-0000-4000-8000-000000000000', undefined, agentKey)).status).toBe(403);
    expect((await api(app, 'POST', '/v1/api-keys', { name: 'x', role: 'owner' }, agentKey)).body.error.code).toBe('forbidden');
    const flow = await api(app, 'POST', '/v1/flows', { name: 'Via API' }, (await api(app, 'POST', '/v1/api-keys', { name: 'M', role: 'marketer' }, owner.token)).body.key);
    expect(flow.status).toBe(201);
    // A key is not a person's session: it cannot become one.
    expect((await api(app, 'POST', '/v1/auth/switch', { workspaceId: owner.workspace.id }, agentKey)).status).toBe(403);
  });

  it('when a key asks who it is, then /v1/me answers with the key’s role and only its workspace, not its creator’s', async () => {
    // The key's creator also belongs to a second workspace.
    const other = await signupWorkspace(app, 'Outra loja');
    await query(app.config.DATABASE_URL, "INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, 'admin')", [other.workspace.id, owner.user.id]);
    const agentKey = (await api(app, 'POST', '/v1/api-keys', { name: 'Painel', role: 'agent' }, owner.token)).body.key;
    const me = await api(app, 'GET', '/v1/me', undefined, agentKey);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ workspace: { id: owner.workspace.id }, role: 'agent' });
    expect(me.body.workspaces).toEqual([expect.objectContaining({ id: owner.workspace.id, role: 'agent' })]);
    // The person's own session still lists each of their workspaces, with their role in each.
    const mine = await api(app, 'GET', '/v1/me', undefined, owner.token);
    expect(mine.body.role).toBe('owner');
    expect(mine.body.workspaces.map((w: { id: string; role: string }) => [w.id, w.role])).toEqual(
      expect.arrayContaining([[owner.workspace.id, 'owner'], [other.workspace.id, 'admin']]),
    );
  });

  it('when a key is revoked, then the very next call is refused; unknown or malformed keys are 401', async () => {
    const created = (await api(app, 'POST', '/v1/api-keys', { name: 'Temp', role: 'admin' }, owner.token)).body;
    expect((await api(app, 'GET', '/v1/channels', undefined, created.key)).status).toBe(200);
    expect((await api(app, 'DELETE', `/v1/api-keys/${created.id}`, undefined, owner.token)).status).toBe(204);
    // The integration is told the key was revoked, not left to look for a typo in it.
    expect(await api(app, 'GET', '/v1/channels', undefined, created.key)).toMatchObject({
      status: 401, body: { error: { code: 'unauthorized', message: 'This API key was revoked: an owner or admin can make a new one under Settings → API keys' } },
    });
    expect((await api(app, 'DELETE', `/v1/api-keys/${created.id}`, undefined, owner.token)).status).toBe(404);
    expect((await api(app, 'GET', '/v1/api-keys', undefined, owner.token)).body.items.map((k: { id: string }) => k.id)).not.toContain(created.id);
    expect(await api(app, 'GET', '/v1/channels', undefined, 'zk_nonsense')).toMatchObject({ status: 401, body: { error: { message: 'Invalid API key' } } });
    expect((await api(app, 'GET', '/v1/channels', undefined, 'zk_' + 'a'.repeat(5000))).status).toBe(401);
    const audit = (await api(app, 'GET', '/v1/audit-log', undefined, owner.token)).body.items.map((i: { action: string }) => i.action);
    expect(audit).toEqual(expect.arrayContaining(['api_key.created', 'api_key.revoked']));
  });

  it('when another workspace or a lesser role manages keys, then 404 or 403 and nothing changes; a removed creator’s keys stop', async () => {
    const created = (await api(app, 'POST', '/v1/api-keys', { name: 'Keep', role: 'agent' }, owner.token)).body;
    const stranger = await signupWorkspace(app);
    expect((await api(app, 'DELETE', `/v1/api-keys/${created.id}`, undefined, stranger.token)).status).toBe(404);
    expect((await api(app, 'GET', '/v1/api-keys', undefined, stranger.token)).body.items).toEqual([]);
    const agent = await addMember(app, owner.workspace.id, 'Zé', 'agent');
    expect((await api(app, 'GET', '/v1/api-keys', undefined, agent.token)).status).toBe(403);
    expect((await api(app, 'GET', '/v1/conversations', undefined, created.key)).status).toBe(200);

    const admin = await addMember(app, owner.workspace.id, 'Lia', 'admin');
    const adminKey = (await api(app, 'POST', '/v1/api-keys', { name: 'Lia’s', role: 'admin' }, admin.token)).body.key;
    expect((await api(app, 'GET', '/v1/channels', undefined, adminKey)).status).toBe(200);
    expect((await api(app, 'DELETE', `/v1/members/${admin.id}`, undefined, owner.token)).status).toBe(204);
    expect((await api(app, 'GET', '/v1/channels', undefined, adminKey)).status).toBe(401);
  });

  it("when a key's creator is demoted, then keys they could no longer create stop at once, cannot promote them back, and the audit says why", async () => {
    const bob = await addMember(app, owner.workspace.id, 'Bob', 'admin');
    const bobKey = (await api(app, 'POST', '/v1/api-keys', { name: 'Bob admin', role: 'admin' }, bob.token)).body;
    const ownerKey = (await api(app, 'POST', '/v1/api-keys', { name: 'Dona', role: 'owner' }, owner.token)).body;
    expect((await api(app, 'GET', '/v1/api-keys', undefined, bobKey.key)).status).toBe(200);

    expect((await api(app, 'PATCH', `/v1/members/${bob.id}`, { role: 'agent' }, owner.token)).body).toEqual({ userId: bob.id, role: 'agent', revokedApiKeys: 1 });
    expect(await api(app, 'GET', '/v1/api-keys', undefined, bobKey.key)).toMatchObject({ status: 401, body: { error: { message: /^This API key was revoked/ } } });
    expect((await api(app, 'PATCH', `/v1/members/${bob.id}`, { role: 'admin' }, bobKey.key)).status).toBe(401);
    expect((await api(app, 'GET', `/v1/members`, undefined, owner.token)).body.items.find((m: { userId: string }) => m.userId === bob.id).role).toBe('agent');
    const listed = (await api(app, 'GET', '/v1/api-keys', undefined, owner.token)).body.items.map((k: { id: string }) => k.id);
    expect(listed).not.toContain(bobKey.id);
    const audit = (await api(app, 'GET', '/v1/audit-log?limit=100', undefined, owner.token)).body.items;
    expect(audit.find((e: { targetId: string; action: string }) => e.targetId === bobKey.id && e.action === 'api_key.revoked').data).toMatchObject({ reason: 'creator_role_changed' });
    // Promoted again, the revoked key stays revoked.
    expect((await api(app, 'PATCH', `/v1/members/${bob.id}`, { role: 'admin' }, owner.token)).body.revokedApiKeys).toBe(0);
    expect((await api(app, 'GET', '/v1/api-keys', undefined, bobKey.key)).status).toBe(401);

    // An owner who becomes an admin keeps their admin-level keys, not an owner key.
    const second = await addMember(app, owner.workspace.id, 'Cris', 'owner');
    const crisOwnerKey = (await api(app, 'POST', '/v1/api-keys', { name: 'Cris dona', role: 'owner' }, second.token)).body.key;
    const crisAdminKey = (await api(app, 'POST', '/v1/api-keys', { name: 'Cris admin', role: 'admin' }, second.token)).body.key;
    expect((await api(app, 'PATCH', `/v1/members/${second.id}`, { role: 'admin' }, owner.token)).status).toBe(200);
    expect((await api(app, 'GET', '/v1/channels', undefined, crisOwnerKey)).status).toBe(401);
    expect((await api(app, 'GET', '/v1/channels', undefined, crisAdminKey)).status).toBe(200);
    expect((await api(app, 'GET', '/v1/channels', undefined, ownerKey.key)).status).toBe(200);
  });

  it('when a key row was left live past its creator\'s demotion, then the key is refused on use anyway', async () => {
    const dee = await addMember(app, owner.workspace.id, 'Dee', 'admin');
    const key = (await api(app, 'POST', '/v1/api-keys', { name: 'Dee', role: 'admin' }, dee.token)).body.key;
    // As a role written by another path (a restore, a manual fix) would leave it.
    await query(app.config.DATABASE_URL, "UPDATE memberships SET role = 'marketer' WHERE tenant_id = $1 AND user_id = $2", [owner.workspace.id, dee.id]);
    const res = await api(app, 'GET', '/v1/channels', undefined, key);
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/no longer has the role/);
  });
});
