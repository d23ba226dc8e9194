// A workspace at its cap of a kind is refused one more (409 limit_reached naming the kind and the
// cap), through every route that creates one; another workspace is not affected; deleting one makes
// room; two creations racing for the last place do not both get it.
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { api, signupWorkspace, workspaceForFile, type TestApp, type WorkspaceOwner } from '../../test/harness';
import { createDb } from '../db/knex';
import { forTenant } from '../db/tenant-db';
import { WORKSPACE_CAPS, type CapKind } from './workspace-caps';
import { createChannel } from '../channels/channels.service';
import { createSealer } from '../security/seal';
import type { ConnectionResult } from '../channels/connection-check';

let app: TestApp;
let owner: WorkspaceOwner;
let db: Knex;
workspaceForFile((started) => ({ app, owner } = started));
beforeAll(() => { db = createDb(app.config); });
afterAll(() => db.destroy());

const call = (method: string, path: string, body?: unknown, token = owner.token) => api(app, method, path, body, token);

type Case = {
  kind: CapKind; table: string; create: (n: number) => [string, string, unknown];
  /** The column a unique index holds, varied in the copies. */ unique?: string;
};

const cases: Case[] = [
  { kind: 'webhookEndpoints', table: 'webhooks', create: () => ['POST', '/v1/webhook-endpoints', { url: 'https://hooks.example.com/z', events: ['message.received'] }] },
  { kind: 'apiKeys', table: 'api_keys', unique: 'key_hash', create: (n) => ['POST', '/v1/api-keys', { name: `ERP ${n}`, role: 'agent' }] },
  { kind: 'channels', table: 'channels', create: (n) => ['POST', '/v1/channels', { type: 'webchat', name: `Site ${n}`, config: {} }] },
  { kind: 'flows', table: 'flows', create: (n) => ['POST', '/v1/flows', { name: `Promoção ${n}` }] },
  { kind: 'teams', table: 'teams', unique: 'name', create: (n) => ['POST', '/v1/teams', { name: `Vendas ${n}` }] },
  { kind: 'cannedResponses', table: 'canned_responses', unique: 'shortcut', create: (n) => ['POST', '/v1/canned-responses', { shortcut: `oi${n}`, text: 'Olá!' }] },
  { kind: 'contactFilters', table: 'contact_filters', unique: 'name', create: (n) => ['POST', '/v1/contact-filters', { name: `Clientes ${n}`, tags: ['vip'] }] },
  { kind: 'pendingInvitations', table: 'invitations', unique: 'token_hash', create: (n) => ['POST', '/v1/invitations', { email: `pessoa${n}@example.com`, role: 'agent' }] },
];

const kept = async (kind: CapKind) =>
  Number(((await WORKSPACE_CAPS[kind].rows(forTenant(db, owner.workspace.id)).count({ n: '*' })) as Array<{ n: string }>)[0]!.n);

/** Copies the workspace's row `seedId` until the workspace keeps `count` rows of the kind. */
async function fillTo(c: Case, seedId: string, count: number) {
  const have = await kept(c.kind);
  const vary = c.unique ? `, '${c.unique}', t.${c.unique} || ' copy ' || g` : '';
  await db.raw(
    `INSERT INTO ${c.table} SELECT (jsonb_populate_record(null::${c.table}, to_jsonb(t) || jsonb_build_object('id', gen_random_uuid()${vary}))).*
       FROM ${c.table} t, generate_series(1, ?) g WHERE t.id = ?`,
    [count - have, seedId],
  );
}

describe('workspace caps', () => {
  it.each(cases)('when a workspace keeps the most $kind it may, then one more is refused until one is deleted', async (c) => {
    const max = WORKSPACE_CAPS[c.kind].max;
    const [method, path, body] = c.create(0);
    const first = await call(method, path, body);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const seedId = (first.body.id ?? first.body.invitation?.id) as string;
    await fillTo(c, seedId, max);

    const refused = await call(...c.create(1));
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'limit_reached', resource: c.kind, limit: max });
    expect(refused.body.error.message).toContain(String(max));

    // Another workspace still has all its room.
    const other = await signupWorkspace(app, `Outra ${c.kind}`);
    expect((await api(app, ...c.create(2), other.token)).status).toBe(201);

    // Deleting one of this workspace's makes room for exactly one.
    await db(c.table).where({ id: seedId }).delete();
    expect((await call(...c.create(3))).status).toBe(201);
    expect((await call(...c.create(4))).status).toBe(409);
  });

  it('when two requests race for the last place, then exactly one gets it', async () => {
    const c = cases.find((x) => x.kind === 'teams')!;
    await db('teams').where({ tenant_id: owner.workspace.id }).delete();
    const seed = await call(...c.create(10));
    await fillTo(c, seed.body.id, WORKSPACE_CAPS.teams.max - 1);
    const answers = await Promise.all([call(...c.create(11)), call(...c.create(12))]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(await kept('teams')).toBe(WORKSPACE_CAPS.teams.max);
  });

  it('when a workspace keeps the most channels it may, then a new one is refused before its provider is called', async () => {
    const c = cases.find((x) => x.kind === 'channels')!;
    await db('channels').where({ tenant_id: owner.workspace.id, type: 'webchat' }).delete();
    const seed = await call(...c.create(20));
    await fillTo(c, seed.body.id, WORKSPACE_CAPS.channels.max);
    const check = vi.fn(async (): Promise<ConnectionResult> => ({ ok: true, detail: 'ok', reason: 'connected' }));
    const deps = { db, sealer: createSealer(app.config.ENCRYPTION_KEY), publicUrl: () => app.url, check, cache: { forget: () => {} } };
    const input = {
      type: 'whatsapp_cloud' as const, name: 'Loja',
      config: { phoneNumberId: '1', businessAccountId: '2', accessToken: 'EAAG-token', appSecret: 'secret', verifyToken: 'v' },
    };
    await expect(createChannel(deps, { tenantId: owner.workspace.id, userId: owner.user.id }, input)).rejects.toMatchObject({ code: 'limit_reached' });
    expect(check).not.toHaveBeenCalled();
  });
});
