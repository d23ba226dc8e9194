// A scheduled campaign paused before its time has no audience yet (it is frozen when the time
// comes). Resumed, it waits for its time again; resumed after its time passed, it starts then, with
// the audience of that moment. It used to go straight to "running" with nobody to send to and end
// "completed" with nothing sent.
import { describe, expect, it } from 'vitest';
import { query } from '../../test/db';
import { api } from '../../test/harness';
import { eventually, pipelineForFile, type Pipeline } from '../../test/pipeline';

let p: Pipeline;
pipelineForFile(async (started) => {
  p = started.pipeline;
  p.wa.addTemplate({ name: 'promo_dezembro', language: 'pt_BR', status: 'APPROVED', bodyParams: 1 });
  await query(p.app.config.DATABASE_URL,
    `INSERT INTO contacts (tenant_id, channel_id, external_id, phone, name, tags)
     SELECT $1, $2, '55119' || lpad(i::text, 8, '0'), '55119' || lpad(i::text, 8, '0'), 'Cliente ' || i, '{vip}' FROM generate_series(0, 2) i`,
    [p.tenantId, p.channelId]);
});

const TEMPLATE = { name: 'promo_dezembro', language: 'pt_BR', parameters: { body: ['{{contact.name}}'] }, text: 'Olá {{1}}!' };
const call = (method: string, path: string, body?: unknown) => api(p.app, method, path, body, p.token);
const get = async (id: string) => (await call('GET', `/v1/campaigns/${id}`)).body;

async function scheduled(inMs: number): Promise<string> {
  const res = await call('POST', '/v1/campaigns', {
    name: `Natal ${inMs}`, channelId: p.channelId, template: TEMPLATE, audience: { tags: ['vip'] },
    window: { start: '00:00', end: '24:00' }, scheduledAt: new Date(Date.now() + inMs).toISOString(),
  });
  expect(res.body.status).toBe('scheduled');
  expect((await call('POST', `/v1/campaigns/${res.body.id}/pause`)).body.status).toBe('paused');
  return res.body.id;
}

describe('resuming a campaign paused before its time', () => {
  it('when its time is still ahead, then it is scheduled again and sends nothing yet', async () => {
    const id = await scheduled(24 * 3_600_000);
    expect((await call('POST', `/v1/campaigns/${id}/resume`)).body).toEqual({ id, status: 'scheduled' });
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await get(id)).toMatchObject({ status: 'scheduled', pauseReason: null, counts: { total: 0 } });
    expect(p.wa.sends).toHaveLength(0);
    // It can be paused and cancelled as any scheduled campaign.
    expect((await call('POST', `/v1/campaigns/${id}/cancel`)).body.status).toBe('cancelled');
  });

  it('when its time passed while it was paused, then resuming starts it with its audience and everyone gets it once', async () => {
    const id = await scheduled(1_500);
    await new Promise((r) => setTimeout(r, 3_000));
    expect((await get(id)).status).toBe('paused');
    expect(p.wa.sends).toHaveLength(0);
    expect((await call('POST', `/v1/campaigns/${id}/resume`)).body).toEqual({ id, status: 'running' });
    const done = await eventually(async () => { const c = await get(id); return c.status === 'completed' ? c : null; }, 30_000);
    expect(done).toMatchObject({ pauseReason: null, counts: { total: 3 } });
    expect(new Set(p.wa.sends.map((s) => s.body.to)).size).toBe(3);
    expect(p.wa.sends).toHaveLength(3);
  });
});
