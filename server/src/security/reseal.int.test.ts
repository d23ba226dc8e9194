// Rotating ENCRYPTION_KEY: secrets sealed under the old key keep working while it is listed in
// ENCRYPTION_KEYS_PREVIOUS, writes and `npm run secrets:reseal` move them to the new key, and then
// the old key can go.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { createCipheriv, randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import knexFactory, { type Knex } from 'knex';
import { api, createTestDatabase, services, signupWorkspace, startTestApp, type TestApp } from '../../test/harness';
import { FLOW_DOCUMENTS } from '../flows/flow-secrets-reseal';
import { openSecret } from '../flows/flow-secrets';
import { resealAll } from './reseal';
import { createSealer } from './seal';

const OLD = randomBytes(32).toString('base64');
const NEW = randomBytes(32).toString('base64');
const ROOT = resolve(import.meta.dirname, '..', '..', '..');

let databaseUrl: string;
let db: Knex;
const running = new Set<TestApp>();
const start = async (env: Record<string, string>) => {
  const app = await startTestApp({ DATABASE_URL: databaseUrl, ...env });
  running.add(app);
  return app;
};
const stop = async (app: TestApp) => {
  running.delete(app);
  await app.close();
};
beforeAll(async () => {
  databaseUrl = await createTestDatabase();
  db = knexFactory({ client: 'pg', connection: databaseUrl, pool: { min: 0, max: 2 } });
});
afterAll(async () => {
  for (const app of running) await stop(app);
  await db?.destroy();
});

/** How secrets were stored before key ids: base64(iv | tag | ciphertext), no prefix. */
function legacySeal(base64Key: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(base64Key, 'base64'), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

const handshake = (app: TestApp, channelId: string, verifyToken: string) =>
  fetch(`${app.url}/v1/webhooks/whatsapp/${channelId}?hub.mode=subscribe&hub.verify_token=${verifyToken}&hub.challenge=ok-123`).then(
    async (r) => `${r.status} ${await r.text()}`,
  );

const storedValues = async () => [
  ...(await db('channels').whereNotNull('secrets_enc').pluck('secrets_enc')),
  ...(await db('webhooks').pluck('secret_enc')),
  ...(await db('tenants').whereRaw("settings->'llm'->>'apiKeyEnc' IS NOT NULL").select(db.raw("settings->'llm'->>'apiKeyEnc' AS v")).then((r) => r.map((x) => x.v))),
];

describe('encryption key rotation', () => {
  it('when the key is rotated, then old secrets still open, writes and the reseal command move them to the new key', async () => {
    const before = await start({ ENCRYPTION_KEY: OLD });
    const owner = await signupWorkspace(before);
    const channel = await api(before, 'POST', '/v1/channels', {
      type: 'whatsapp_cloud', name: 'Vendas',
      config: { phoneNumberId: '1065403522', businessAccountId: '1023456789', accessToken: 'EAAG-token', appSecret: 'app-secret-1', verifyToken: 'verify-token-123' },
    }, owner.token);
    expect(channel.status).toBe(201);
    await api(before, 'PUT', '/v1/settings/ai', { baseUrl: 'https://llm.example.com/v1', apiKey: 'sk-workspace-key' }, owner.token);
    // An HTTP request step's Authorization header, stored sealed inside the flow's draft.
    const step = { id: 'api', type: 'http_request', position: { x: 0, y: 0 }, config: { method: 'GET', url: 'https://api.example.com', headers: [{ name: 'Authorization', value: 'Bearer tok-flow-1', secret: false }], body: '', mappings: [], timeoutSeconds: 10 } };
    const flowDoc = { schemaVersion: 1, nodes: [step], edges: [], settings: {} };
    const created = await api(before, 'POST', '/v1/flows', { name: 'Pedido', document: flowDoc }, owner.token);
    expect(created.status).toBe(201);
    const storedHeader = async () => (await db('flows').where({ id: created.body.id }).first()).draft.nodes[0].config.headers[0].value as string;
    expect(await storedHeader()).toMatch(/^sealed:/);
    // Rows stored before key ids existed: a channel and an outbound webhook secret.
    const other = await signupWorkspace(before);
    const legacyChannel = (await db('channels').insert({
      tenant_id: other.workspace.id, type: 'evolution', name: 'Legado', config: { baseUrl: 'https://evo.example.com', instance: 'x' },
      secrets_enc: legacySeal(OLD, JSON.stringify({ apiKey: 'evo-key', webhookToken: 'evo-webhook-token' })),
    }).returning('id'))[0].id;
    await db('webhooks').insert({ tenant_id: other.workspace.id, url: 'https://hooks.example.com', events: ['message.received'], secret_enc: legacySeal(OLD, 'whsec_legacy') });
    await stop(before);

    // New key in place, old one kept for reading: everything still opens.
    const rotated = await start({ ENCRYPTION_KEY: NEW, ENCRYPTION_KEYS_PREVIOUS: OLD });
    expect(await handshake(rotated, channel.body.id, 'verify-token-123')).toBe('200 ok-123');
    const ai = await api(rotated, 'PUT', '/v1/settings/ai', { baseUrl: 'https://llm.example.com/v2' }, owner.token);
    expect(ai.body).toMatchObject({ source: 'workspace', hasApiKey: true });
    const newOnly = createSealer(NEW);
    const aiKey = (await db('tenants').where({ id: owner.workspace.id }).first()).settings.llm.apiKeyEnc;
    expect(newOnly.open(aiKey)).toBe('sk-workspace-key'); // re-sealed on write

    const sealer = createSealer(NEW, [OLD]);
    const report = await resealAll(db, sealer, FLOW_DOCUMENTS);
    expect(report).toEqual({
      'flows.draft': { resealed: 1, current: 0, unreadable: 0 },
      'flow_versions.document': { resealed: 0, current: 0, unreadable: 0 },
      'channels.secrets_enc': { resealed: 2, current: 0, unreadable: 0 },
      'webhooks.secret_enc': { resealed: 1, current: 0, unreadable: 0 },
      'webhooks.previous_secret_enc': { resealed: 0, current: 0, unreadable: 0 },
      'tenants.settings.llm.apiKeyEnc': { resealed: 0, current: 1, unreadable: 0 },
    });
    for (const value of await storedValues()) expect(newOnly.isCurrent(value)).toBe(true);
    expect(openSecret(await storedHeader(), newOnly)).toBe('Bearer tok-flow-1');
    expect((await resealAll(db, sealer, FLOW_DOCUMENTS))['flows.draft']).toEqual({ resealed: 0, current: 1, unreadable: 0 });
    const legacy = await db('channels').where({ id: legacyChannel }).first();
    expect(JSON.parse(newOnly.open(legacy.secrets_enc))).toEqual({ apiKey: 'evo-key', webhookToken: 'evo-webhook-token' });
    expect(newOnly.open((await db('webhooks').first()).secret_enc)).toBe('whsec_legacy');
    await stop(rotated);

    // The old key is gone: the server still opens every secret.
    const after = await start({ ENCRYPTION_KEY: NEW });
    expect(await handshake(after, channel.body.id, 'verify-token-123')).toBe('200 ok-123');
    expect(await handshake(after, channel.body.id, 'wrong-token-000')).toMatch(/^403/);
  });

  it('when the reseal command runs, then it reports per place, is safe to repeat, and fails on a secret no key opens', async () => {
    const url = await createTestDatabase();
    const cdb = knexFactory({ client: 'pg', connection: url, pool: { min: 0, max: 1 } });
    try {
      const [tenant] = await cdb('tenants').insert({ name: 'Loja' }).returning('id');
      await cdb('channels').insert({ tenant_id: tenant.id, type: 'evolution', name: 'A', config: {}, secrets_enc: legacySeal(OLD, '{"apiKey":"a"}') });
      const env = {
        ...process.env, DATABASE_URL: url, REDIS_URL: services().redisUrl, JWT_SECRET: 'x'.repeat(40),
        ENCRYPTION_KEY: NEW, ENCRYPTION_KEYS_PREVIOUS: OLD,
      };
      const run = (extra: Record<string, string> = {}) =>
        promisify(execFile)('npm', ['run', '--silent', 'secrets:reseal'], { cwd: ROOT, env: { ...env, ...extra } }).then(
          (r) => ({ code: 0, out: r.stdout }),
          (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
        );
      const first = await run();
      expect(first).toMatchObject({ code: 0 });
      expect(first.out).toContain('channels.secrets_enc: 1 re-sealed, 0 already current, 0 unreadable');
      expect((await run()).out).toContain('channels.secrets_enc: 0 re-sealed, 1 already current, 0 unreadable');
      await cdb('channels').insert({ tenant_id: tenant.id, type: 'evolution', name: 'B', config: {}, secrets_enc: legacySeal(randomBytes(32).toString('base64'), '{}') });
      const failed = await run();
      expect(failed.code).toBe(1);
      expect(failed.out).toContain('1 secret(s) open with no configured key');
    } finally {
      await cdb.destroy();
    }
  });
});
