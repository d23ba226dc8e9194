// A paced template's message that WhatsApp held and then dropped (132015 in a failed status) holds
// the campaign, as a send refused with 132015 does; the dropped recipient is sent again on resume.
import { expect, it } from 'vitest';
import { cleanupsAfterEach } from '../../test/cleanups';
import { query } from '../../test/db';
import { api } from '../../test/harness';
import { eventually, startPipeline } from '../../test/pipeline';

const cleanups = cleanupsAfterEach();

const TEMPLATE = { name: 'promo_dezembro', language: 'pt_BR', parameters: { body: ['{{contact.name}}'] }, text: 'Olá {{1}}!' };
const phoneOf = (i: number) => `5511930000${String(i).padStart(3, '0')}`;

it('when WhatsApp drops a held campaign message with 132015, then the campaign pauses and resuming sends that recipient again', async () => {
  const p = await startPipeline();
  cleanups.push(() => p.close());
  const sql = (text: string, params: unknown[] = []) => query(p.app.config.DATABASE_URL, text, params);
  p.wa.addTemplate({ name: 'promo_dezembro', language: 'pt_BR', status: 'APPROVED', bodyParams: 1 });
  await sql(
    `INSERT INTO contacts (tenant_id, channel_id, external_id, phone, name, tags)
     SELECT $1, $2, '5511930000' || lpad(i::text, 3, '0'), '5511930000' || lpad(i::text, 3, '0'), 'Cliente ' || i, '{vip}' FROM generate_series(0, 19) i`,
    [p.tenantId, p.channelId],
  );
  // The first message is accepted, then its status says WhatsApp dropped it (template pacing).
  p.wa.failNext({ httpStatus: 200, code: 132015, details: 'Template is paused due to low quality', async: true });
  const created = await api(p.app, 'POST', '/v1/campaigns', { name: 'Dezembro', channelId: p.channelId, template: TEMPLATE, audience: { tags: ['vip'] }, window: { start: '00:00', end: '24:00' }, messagesPerSecond: 2 }, p.token);
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  await api(p.app, 'POST', `/v1/campaigns/${id}/start`, {}, p.token);
  const paused = await eventually(async () => {
    const c = (await api(p.app, 'GET', `/v1/campaigns/${id}`, undefined, p.token)).body;
    return c.status === 'paused' ? c : null;
  }, 15_000);
  expect(paused.pauseReason).toBe('template_paused');
  expect(paused.counts.failed).toBe(0);
  const dropped = p.wa.sends[0]!.body.to as string;
  expect((await sql(`SELECT status FROM messages WHERE tenant_id = $1 AND type = 'template' ORDER BY created_at LIMIT 1`, [p.tenantId]))[0].status).toBe('failed');
  expect((await api(p.app, 'POST', `/v1/campaigns/${id}/resume`, {}, p.token)).body).toEqual({ id, status: 'running' });
  const done = await eventually(async () => {
    const c = (await api(p.app, 'GET', `/v1/campaigns/${id}`, undefined, p.token)).body;
    return c.status === 'completed' ? c : null;
  }, 40_000);
  expect(done.counts).toMatchObject({ total: 20, pending: 0, failed: 0 });
  // The dropped one twice (dropped, then sent); everyone else once.
  for (let i = 0; i < 20; i++) expect([phoneOf(i), p.wa.sendsTo(phoneOf(i)).length]).toEqual([phoneOf(i), phoneOf(i) === dropped ? 2 : 1]);
}, 90_000);
