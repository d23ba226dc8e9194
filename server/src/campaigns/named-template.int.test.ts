// A template made with named parameters ({{first_name}}, as WhatsApp Manager offers) is sent with
// each value's parameter_name (reference/whatsapp-templates.md §3); without them WhatsApp refuses it.
import { expect, it } from 'vitest';
import { cleanupsAfterEach } from '../../test/cleanups';
import { query } from '../../test/db';
import { api } from '../../test/harness';
import { eventually, startPipeline } from '../../test/pipeline';

const cleanups = cleanupsAfterEach();

it('when a campaign sends a template with named parameters, then every value goes with its name and everyone gets it', async () => {
  const p = await startPipeline();
  cleanups.push(() => p.close());
  const sql = (text: string, params: unknown[] = []) => query(p.app.config.DATABASE_URL, text, params);
  const components = [{ type: 'BODY', text: 'Olá {{first_name}}, ofertas em {{city}} para {{first_name}}!' }];
  p.wa.addTemplate({ name: 'oferta_nomeada', language: 'pt_BR', status: 'APPROVED', bodyParams: 2, components });
  await sql(
    `INSERT INTO whatsapp_templates (tenant_id, channel_id, provider_id, name, language, category, status, components)
     VALUES ($1, $2, '991', 'oferta_nomeada', 'pt_BR', 'MARKETING', 'APPROVED', $3)`,
    [p.tenantId, p.channelId, JSON.stringify(components)],
  );
  await sql(
    `INSERT INTO contacts (tenant_id, channel_id, external_id, phone, name, tags, attributes)
     SELECT $1, $2, '551194000000' || i, '551194000000' || i, 'Cliente ' || i, '{vip}', '{"cidade": "Recife"}' FROM generate_series(0, 2) i`,
    [p.tenantId, p.channelId],
  );
  const template = { name: 'oferta_nomeada', language: 'pt_BR', parameters: { body: ['{{contact.name}}', '{{cidade}}'] } };
  const created = await api(p.app, 'POST', '/v1/campaigns', { name: 'Nomeada', channelId: p.channelId, template, audience: { tags: ['vip'] }, window: { start: '00:00', end: '24:00' } }, p.token);
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  await api(p.app, 'POST', `/v1/campaigns/${id}/start`, {}, p.token);
  const done = await eventually(async () => {
    const c = (await api(p.app, 'GET', `/v1/campaigns/${id}`, undefined, p.token)).body;
    return c.status === 'completed' || c.status === 'paused' ? c : null;
  }, 20_000);
  expect([done.status, done.pauseReason]).toEqual(['completed', null]);
  expect(done.counts).toMatchObject({ total: 3, sent: 3, failed: 0 });
  const body = p.wa.sendsTo('5511940000001')[0]!.body;
  expect(body.template.components).toEqual([
    { type: 'body', parameters: [{ type: 'text', text: 'Cliente 1', parameter_name: 'first_name' }, { type: 'text', text: 'Recife', parameter_name: 'city' }] },
  ]);
}, 60_000);
