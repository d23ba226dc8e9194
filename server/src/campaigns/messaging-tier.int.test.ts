// WhatsApp's messaging limit is per business, all its numbers together (reference/whatsapp-templates.md
// §5): two numbers of one business account share their tier's daily people, not one tier each.
import { expect, it } from 'vitest';
import { cleanupsAfterEach } from '../../test/cleanups';
import { query } from '../../test/db';
import { api } from '../../test/harness';
import { APP_SECRET, eventually, startPipeline } from '../../test/pipeline';

const cleanups = cleanupsAfterEach();

const ALWAYS = { start: '00:00', end: '24:00' };
const TEMPLATE = { name: 'promo_dezembro', language: 'pt_BR', parameters: { body: ['{{contact.name}}'] } };
const SECOND_NUMBER = '106540352242999';

it('when two numbers of one business send campaigns at the 250 tier, then together they reach 250 people a day, not 250 each', async () => {
  const p = await startPipeline();
  cleanups.push(() => p.close());
  const sql = (text: string, params: unknown[] = []) => query(p.app.config.DATABASE_URL, text, params);
  p.wa.addTemplate({ name: 'promo_dezembro', language: 'pt_BR', status: 'APPROVED', bodyParams: 1 });
  const second = await api(p.app, 'POST', '/v1/channels', {
    type: 'whatsapp_cloud', name: 'Loja 2', config: { phoneNumberId: SECOND_NUMBER, businessAccountId: 'WABA-1', accessToken: 'EAAG-test-access-token-secret', appSecret: APP_SECRET, verifyToken: 'verify-2' },
  }, p.token);
  expect(second.status).toBe(201);
  await sql(`UPDATE channels SET config = config || '{"messagingLimitTier": "TIER_250"}'::jsonb WHERE tenant_id = $1`, [p.tenantId]);
  const seed = (channelId: string, prefix: string, n: number) => sql(
    `INSERT INTO contacts (tenant_id, channel_id, external_id, phone, name, tags)
     SELECT $1, $2, $3 || lpad(i::text, 4, '0'), $3 || lpad(i::text, 4, '0'), 'Cliente ' || i, '{vip}' FROM generate_series(0, $4 - 1) i`,
    [p.tenantId, channelId, prefix, n],
  );
  await seed(p.channelId, '55119500', 200);
  await seed(second.body.id, '55119600', 100);
  const run = async (channelId: string) => {
    const created = await api(p.app, 'POST', '/v1/campaigns', { name: 'Dezembro', channelId, template: TEMPLATE, audience: { tags: ['vip'] }, window: ALWAYS }, p.token);
    expect(created.status).toBe(201);
    await api(p.app, 'POST', `/v1/campaigns/${created.body.id}/start`, {}, p.token);
    return created.body.id as string;
  };
  const first = await run(p.channelId);
  await eventually(async () => (await api(p.app, 'GET', `/v1/campaigns/${first}`, undefined, p.token)).body.status === 'completed', 30_000);
  const other = await run(second.body.id);
  const fromSecond = () => p.wa.sends.filter((s) => s.phoneNumberId === SECOND_NUMBER).length;
  await eventually(() => fromSecond() >= 50, 20_000);
  await new Promise((r) => setTimeout(r, 3_000));
  expect(fromSecond()).toBe(50);
  const c = (await api(p.app, 'GET', `/v1/campaigns/${other}`, undefined, p.token)).body;
  expect([c.status, c.counts.pending]).toEqual(['running', 50]);
}, 90_000);
