// Endpoint URLs go through the outbound HTTP rules: without an allow-list entry, loopback, private
// and metadata addresses are refused in every spelling, when saved and again when delivering.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import knexFactory, { type Knex } from 'knex';
import { api, signupWorkspace, startTestApp, type TestApp } from '../../test/harness';
import { eventually, startReceiver } from '../../test/webhook-receiver';
import { createSealer } from '../security/seal';

let app: TestApp;
let db: Knex;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let owner: Awaited<ReturnType<typeof signupWorkspace>>;

beforeAll(async () => {
  receiver = await startReceiver();
  app = await startTestApp({ OUTBOUND_ALLOW_HOSTS: '' });
  db = knexFactory({ client: 'pg', connection: app.config.DATABASE_URL, pool: { min: 0, max: 2 } });
  owner = await signupWorkspace(app);
});
afterAll(async () => {
  await app?.close();
  await db?.destroy();
  await receiver?.close();
});

const SPELLINGS = [
  'http://127.0.0.1/hook', 'http://2130706433/hook', 'http://0x7f.0.0.1/hook', 'http://0177.0.0.1/hook', 'http://127.1/hook',
  'http://[::1]/hook', 'http://[::ffff:127.0.0.1]/hook', 'http://[::ffff:7f00:1]/hook', 'http://localhost/hook', 'http://LOCALHOST./hook',
  'http://169.254.169.254/latest/meta-data', 'http://0xa9fea9fe/', 'http://2852039166/', 'http://[::ffff:169.254.169.254]/',
  'http://[fd00:ec2::254]/', 'http://10.0.0.1/', 'http://192.168.1.10/', 'http://0.0.0.0/', 'http://user:pw@hooks.example.com/',
];

describe('webhook endpoint addresses', () => {
  it.each(SPELLINGS)('when an endpoint points at %s, then saving it is refused with 400', async (url) => {
    const res = await api(app, 'POST', '/v1/webhook-endpoints', { url, events: ['message.sent'] }, owner.token);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/not allowed/);
    // A code beside the words, for a client to say it in its user's language.
    expect(res.body.error).toMatchObject({ field: 'url', reason: url.includes('user:pw@') ? 'bad_url' : 'blocked_address' });
  });

  it('when a saved endpoint points at loopback without an allow-list entry, then the delivery is refused, logged and nothing arrives', async () => {
    const sealer = createSealer(app.config.ENCRYPTION_KEY);
    const [row] = await db('webhooks')
      .insert({ tenant_id: owner.workspace.id, url: receiver.url(), events: ['message.sent'], secret_enc: sealer.seal('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw') })
      .returning('id');
    expect((await api(app, 'POST', `/v1/webhook-endpoints/${row.id}/test`, undefined, owner.token)).status).toBe(202);
    let items: any[] = [];
    await eventually(async () => (items = (await api(app, 'GET', `/v1/webhook-endpoints/${row.id}/deliveries`, undefined, owner.token)).body.items).length === 1);
    expect(items[0]).toMatchObject({ status: 'failed', responseCode: null, error: expect.stringMatching(/not allowed/) });
    expect(receiver.received).toEqual([]);
  });

  it('when a public host name is saved, then it is accepted (its address is checked at delivery)', async () => {
    const res = await api(app, 'POST', '/v1/webhook-endpoints', { url: 'https://hooks.example.com/zyntra', events: ['message.sent'] }, owner.token);
    expect(res.status).toBe(201);
    expect(res.body.url).toBe('https://hooks.example.com/zyntra');
  });
});
