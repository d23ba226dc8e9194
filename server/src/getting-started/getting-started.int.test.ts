// A new workspace's first steps are read from what it has: each one turns done as the owner does it,
// a test-chat run is not a customer's conversation, and nothing of another workspace counts.
import { describe, expect, it } from 'vitest';
import { addAgent } from '../../test/agents';
import { edge, flow, keywordTrigger, node } from '../../test/flow-docs';
import { api, signupWorkspace, workspaceForFile, type TestApp, type WorkspaceOwner } from '../../test/harness';
import { eventually } from '../../test/pipeline';

let app: TestApp;
let owner: WorkspaceOwner;
workspaceForFile((started) => ({ app, owner } = started));

const steps = async (token = owner.token) => {
  const res = await api(app, 'GET', '/v1/getting-started', undefined, token);
  expect(res.status).toBe(200);
  return res.body.steps;
};

describe('getting started', () => {
  it('when the owner connects a channel, publishes a flow, a visitor writes and a colleague is invited, then each step turns done', async () => {
    const other = await signupWorkspace(app, 'Vizinha');
    expect(await steps()).toEqual({ channel: false, flow: false, conversation: false, team: false });

    const created = await api(app, 'POST', '/v1/flows', {
      name: 'Boas-vindas',
      document: flow([keywordTrigger('oi'), node('hello', 'message', { text: 'Olá!' })], [edge('start', 'next', 'hello')]),
    }, owner.token);
    expect((await steps()).flow).toBe(false);
    expect((await api(app, 'POST', `/v1/flows/${created.body.id}/publish`, {}, owner.token)).status).toBe(201);
    expect(await steps()).toMatchObject({ flow: true, channel: false });

    // The builder's test chat runs on a channel and a conversation of its own: neither counts.
    const run = await api(app, 'POST', `/v1/flows/${created.body.id}/test`, {}, owner.token);
    expect(run.status).toBe(201);
    await api(app, 'POST', `/v1/webchat/${run.body.channelId}/messages`, { text: 'oi' }, run.body.visitorToken);
    expect(await steps()).toMatchObject({ channel: false, conversation: false });

    expect((await api(app, 'GET', '/v1/getting-started', undefined, owner.token)).body.tryChannelId).toBeNull();
    const channel = await api(app, 'POST', '/v1/channels', { type: 'webchat', name: 'Site' }, owner.token);
    expect(channel.status).toBe(201);
    expect(await steps()).toMatchObject({ channel: true, conversation: false });
    // Its /try page is where the owner can talk to the bot.
    expect((await api(app, 'GET', '/v1/getting-started', undefined, owner.token)).body.tryChannelId).toBe(channel.body.id);

    const session = await api(app, 'POST', `/v1/webchat/${channel.body.id}/sessions`, {});
    await api(app, 'POST', `/v1/webchat/${channel.body.id}/messages`, { text: 'oi', clientMessageId: 'm-00000001' }, session.body.visitorToken);
    await eventually(async () => (await steps()).conversation);

    expect((await api(app, 'POST', '/v1/invitations', { email: 'bia@loja.com.br', role: 'agent' }, owner.token)).status).toBe(201);
    expect(await steps()).toEqual({ channel: true, flow: true, conversation: true, team: true });
    // Another workspace's progress is its own.
    expect(await steps(other.token)).toEqual({ channel: false, flow: false, conversation: false, team: false });
  });

  it('when an agent asks, then 403; a member who joined counts as the team', async () => {
    const fresh = await signupWorkspace(app, 'Equipe');
    const agent = await addAgent(app, fresh.workspace.id, 'Caio');
    expect((await api(app, 'GET', '/v1/getting-started', undefined, agent.token)).status).toBe(403);
    expect((await steps(fresh.token)).team).toBe(true);
  });
});
