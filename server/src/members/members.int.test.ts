// GET /v1/members for the inbox: teams, open chats held, presence — per workspace.
import { describe, expect, it } from 'vitest';
import { api, signupWorkspace, workspaceForFile, type TestApp, type WorkspaceOwner } from '../../test/harness';
import { addAgent } from '../../test/agents';

let app: TestApp;
let owner: WorkspaceOwner;
workspaceForFile((started) => ({ app, owner } = started));

describe('members', () => {
  it('when listed, then each member shows role, teams, presence and open chats, and no one from elsewhere', async () => {
    const bruno = await addAgent(app, owner.workspace.id, 'Bruno');
    const team = (await api(app, 'POST', '/v1/teams', { name: 'Vendas', memberIds: [bruno.id] }, owner.token)).body;
    await signupWorkspace(app);
    const res = await api(app, 'GET', '/v1/members', undefined, bruno.token);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { userId: owner.user.id, email: owner.email, name: 'Ana', role: 'owner', teamIds: [], presence: 'offline', openCount: 0 },
      { userId: bruno.id, email: expect.stringMatching(/^bruno/), name: 'Bruno', role: 'agent', teamIds: [team.id], presence: 'offline', openCount: 0 },
    ]);
    expect((await api(app, 'GET', '/v1/members')).status).toBe(401);
  });
});
