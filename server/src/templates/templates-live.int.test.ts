// A template's review reaches the workspace's open Templates pages as it happens: Meta's status
// webhook and a sync are pushed as `template.updated` to the marketing roles' sockets (and replayed
// to them on catch-up), never to an agent's nor to another workspace's.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { addMember } from '../../test/agents';
import { api, signupWorkspace } from '../../test/harness';
import { eventually, pipelineForFile, type Pipeline } from '../../test/pipeline';

let p: Pipeline;
let db: pg.Client;
const sockets: Socket[] = [];

pipelineForFile((started) => ({ pipeline: p, db } = started));
afterAll(() => sockets.forEach((s) => s.disconnect()));

type Seen = Array<{ name: string; payload: any }>;

async function socketOf(token: string): Promise<Seen> {
  const socket = connect(p.app.url, { auth: { token }, transports: ['websocket'] });
  sockets.push(socket);
  const seen: Seen = [];
  socket.onAny((name, payload) => seen.push({ name, payload }));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return seen;
}

const templateEvents = (seen: Seen) => seen.filter((e) => e.name.startsWith('template.')).map((e) => e.payload);
const path = () => `/v1/channels/${p.channelId}/templates`;

beforeAll(async () => {
  p.wa.addTemplate({ name: 'boas_vindas', language: 'pt_BR', status: 'APPROVED', bodyParams: 1, category: 'MARKETING' });
  expect((await api(p.app, 'POST', `${path()}/sync`, undefined, p.token)).status).toBe(200);
  // That first sync's announcement has gone out before any test's page connects (a gap in the event
  // ids may hold it back for a moment), so each test hears only what it caused.
  await eventually(async () => (await db.query('SELECT count(*)::int AS n FROM domain_events WHERE dispatched_at IS NULL')).rows[0].n === 0);
});

describe('template reviews pushed live', () => {
  it('when Meta pauses a template, then the marketers and owners of the workspace hear it at once, its agents and another workspace do not', async () => {
    const marketer = await addMember(p.app, p.tenantId, 'Mara', 'marketer');
    const agent = await addMember(p.app, p.tenantId, 'Bruno', 'agent');
    const stranger = await signupWorkspace(p.app);
    const [owner, marketing, agents, other] = await Promise.all([socketOf(p.token), socketOf(marketer.token), socketOf(agent.token), socketOf(stranger.token)]);
    const start = (await api(p.app, 'GET', '/v1/events', undefined, marketer.token)).body.nextAfter as number;
    const id = (await api(p.app, 'GET', path(), undefined, marketer.token)).body.items[0].id as string;

    expect(await p.wa.templateApi.review('boas_vindas', 'pt_BR', 'PAUSED')).toBe(200);
    const pushed = await eventually(() => templateEvents(marketing)[0], 5_000);
    expect(pushed).toMatchObject({ type: 'template.updated', id: expect.any(Number), channelId: p.channelId, templateId: id, name: 'boas_vindas', language: 'pt_BR', status: 'PAUSED', change: 'template_status' });
    await eventually(() => templateEvents(owner).length === 1, 5_000);
    // The same as the page would read after a reconnect.
    const caught = (await api(p.app, 'GET', `/v1/events?after=${start}`, undefined, marketer.token)).body.items;
    expect(caught.filter((e: any) => e.type === 'template.updated')).toEqual([pushed]);

    await new Promise((r) => setTimeout(r, 500));
    expect(templateEvents(agents)).toEqual([]);
    const agentCaught = (await api(p.app, 'GET', `/v1/events?after=${start}`, undefined, agent.token)).body.items;
    expect(agentCaught.filter((e: any) => e.type.startsWith('template.'))).toEqual([]);
    // The other workspace hears only about itself (its own owner coming online).
    expect(other.filter((e) => !(e.name === 'presence.changed' && e.payload.userId === stranger.user.id))).toEqual([]);
  });

  it('when a sync finds templates added, changed and gone at Meta, then each is announced once, and a sync that changes nothing says nothing', async () => {
    const seen = await socketOf(p.token);
    for (const name of ['cupom', 'lembrete']) p.wa.addTemplate({ name, language: 'pt_BR', status: 'APPROVED', bodyParams: 1, category: 'MARKETING' });
    p.wa.templates.get('boas_vindas:pt_BR')!.status = 'APPROVED';
    expect((await api(p.app, 'POST', `${path()}/sync`, undefined, p.token)).status).toBe(200);
    p.wa.templates.delete('cupom:pt_BR');
    expect((await api(p.app, 'POST', `${path()}/sync`, undefined, p.token)).status).toBe(200);
    const announced = () => templateEvents(seen).map((e) => `${e.name}:${e.status}`);
    await eventually(() => announced().length >= 4, 5_000);
    expect(announced()).toEqual(['boas_vindas:APPROVED', 'cupom:APPROVED', 'lembrete:APPROVED', 'cupom:DELETED']);

    expect((await api(p.app, 'POST', `${path()}/sync`, undefined, p.token)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 700));
    expect(announced()).toHaveLength(4);
    const stored = await db.query("SELECT count(*)::int AS n FROM domain_events WHERE tenant_id = $1 AND type = 'template.updated' AND payload->>'change' = 'sync'", [p.tenantId]);
    // The first sync (before these tests) announced boas_vindas as it came.
    expect(stored.rows[0].n).toBe(5);
  });
});
