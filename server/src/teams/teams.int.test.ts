// Teams through the API: members must belong to the workspace and use the inbox, names are unique (also under a
// race), another workspace's team is 404, and deleting a team leaves its conversations teamless.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { api, signupWorkspace, startTestApp, type TestApp } from '../../test/harness';
import { addAgent, addMember } from '../../test/agents';

let app: TestApp;
let owner: Awaited<ReturnType<typeof signupWorkspace>>;
let bruno: { id: string; token: string };

beforeAll(async () => {
  app = await startTestApp();
  owner = await signupWorkspace(app);
  bruno = await addAgent(app, owner.workspace.id, 'Bruno');
});
afterAll(async () => {
  await app?.close();
});

const call = (method: string, path: string, body?: unknown, token = owner.token) => api(app, method, path, body, token);

describe('teams', () => {
  it('when a team is created, listed, renamed, re-staffed and deleted, then each answer shows it', async () => {
    const created = await call('POST', '/v1/teams', { name: 'Vendas', memberIds: [owner.user.id, bruno.id, bruno.id] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.any(String), name: 'Vendas', memberIds: [owner.user.id, bruno.id].sort() });
    expect((await call('GET', '/v1/teams')).body.items).toEqual([created.body]);
    const renamed = await call('PATCH', `/v1/teams/${created.body.id}`, { name: 'Vendas SP', memberIds: [bruno.id] });
    expect(renamed.body).toMatchObject({ name: 'Vendas SP', memberIds: [bruno.id] });
    expect((await call('GET', `/v1/teams/${created.body.id}`, undefined, bruno.token)).body.name).toBe('Vendas SP');
    expect((await call('DELETE', `/v1/teams/${created.body.id}`)).status).toBe(204);
    expect((await call('GET', `/v1/teams/${created.body.id}`)).status).toBe(404);
    expect((await call('DELETE', `/v1/teams/${created.body.id}`)).status).toBe(404);
  });

  it('when two requests create the same name at once, or a name differs only in case, then one wins and the other is a 409', async () => {
    const results = await Promise.all([call('POST', '/v1/teams', { name: 'Suporte', memberIds: [] }), call('POST', '/v1/teams', { name: 'suporte', memberIds: [] })]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const other = await call('POST', '/v1/teams', { name: 'Financeiro' });
    expect((await call('PATCH', `/v1/teams/${other.body.id}`, { name: 'SUPORTE' })).status).toBe(409);
  });

  it('when a member is not in the workspace or the input is malformed, then the answer is 400', async () => {
    const stranger = await signupWorkspace(app);
    const res = await call('POST', '/v1/teams', { name: 'X', memberIds: [stranger.user.id] });
    expect(res.status).toBe(400);
    expect(res.body.error.memberIds).toEqual([stranger.user.id]);
    for (const body of [{}, { name: '' }, { name: 'a'.repeat(81) }, { name: 'Y', memberIds: ['nope'] }]) {
      expect((await call('POST', '/v1/teams', body)).status, JSON.stringify(body)).toBe(400);
    }
    expect((await call('PATCH', '/v1/teams/not-a-uuid', { name: 'Z' })).status).toBe(404);
  });

  it('when a marketer (a role without the inbox) is put in a team, then it is a 400 naming memberIds; made a marketer later, a member leaves their teams', async () => {
    const marta = await addMember(app, owner.workspace.id, 'Marta', 'marketer');
    const refused = await call('POST', '/v1/teams', { name: 'Marketing', memberIds: [bruno.id, marta.id] });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'validation_failed', field: 'memberIds', memberIds: [marta.id] });
    expect((await call('GET', '/v1/teams')).body.items.map((t: { name: string }) => t.name)).not.toContain('Marketing');
    const team = await call('POST', '/v1/teams', { name: 'Atendimento', memberIds: [bruno.id] });
    const patched = await call('PATCH', `/v1/teams/${team.body.id}`, { memberIds: [bruno.id, marta.id] });
    expect(patched.status).toBe(400);
    expect(patched.body.error).toMatchObject({ code: 'validation_failed', field: 'memberIds', memberIds: [marta.id] });
    expect((await call('GET', `/v1/teams/${team.body.id}`)).body.memberIds).toEqual([bruno.id]);
    // An agent in a team who becomes a marketer gives up the seat: the team would otherwise keep someone it may not hold.
    const caio = await addMember(app, owner.workspace.id, 'Caio', 'agent');
    expect((await call('PATCH', `/v1/teams/${team.body.id}`, { memberIds: [bruno.id, caio.id] })).status).toBe(200);
    expect((await call('PATCH', `/v1/members/${caio.id}`, { role: 'marketer' })).status).toBe(200);
    expect((await call('GET', `/v1/teams/${team.body.id}`)).body.memberIds).toEqual([bruno.id]);
    expect((await call('PATCH', `/v1/teams/${team.body.id}`, { name: 'Atendimento SP' })).status).toBe(200);
  });

  it('when another workspace uses a team id, then it is 404 everywhere and the team is untouched', async () => {
    const team = await call('POST', '/v1/teams', { name: 'Privado', memberIds: [bruno.id] });
    const other = await signupWorkspace(app);
    for (const [method, body] of [['GET'], ['PATCH', { name: 'roubado' }], ['DELETE']] as const) {
      expect((await call(method, `/v1/teams/${team.body.id}`, body, other.token)).status, method).toBe(404);
    }
    expect((await call('GET', '/v1/teams', undefined, other.token)).body.items).toEqual([]);
    expect((await call('GET', `/v1/teams/${team.body.id}`)).body).toMatchObject({ name: 'Privado', memberIds: [bruno.id] });
  });

  it('when a team with conversations is deleted, then they stay, without a team', async () => {
    const team = await call('POST', '/v1/teams', { name: 'Temporário', memberIds: [] });
    const db = new pg.Client({ connectionString: app.config.DATABASE_URL });
    await db.connect();
    try {
      const channel = await db.query("INSERT INTO channels (tenant_id, type, name) VALUES ($1, 'webchat', 'Site') RETURNING id", [owner.workspace.id]);
      const contact = await db.query("INSERT INTO contacts (tenant_id, channel_id, external_id) VALUES ($1, $2, 'v1') RETURNING id", [owner.workspace.id, channel.rows[0].id]);
      // Sent there by a transfer step, which also keeps the team's name as it named it.
      const conv = await db.query("INSERT INTO conversations (tenant_id, channel_id, contact_id, status, team_id, team) VALUES ($1, $2, $3, 'waiting', $4, 'Temporário') RETURNING id", [owner.workspace.id, channel.rows[0].id, contact.rows[0].id, team.body.id]);
      expect((await call('DELETE', `/v1/teams/${team.body.id}`)).status).toBe(204);
      const after = await call('GET', `/v1/conversations/${conv.rows[0].id}`);
      expect(after.body).toMatchObject({ status: 'waiting', teamId: null, team: null });
      // The list too: no deleted team's name on the row.
      const listed = (await call('GET', '/v1/conversations?status=waiting')).body.items.find((c: { id: string }) => c.id === conv.rows[0].id);
      expect(listed).toMatchObject({ teamId: null, team: null });
    } finally {
      await db.end();
    }
  });
});
