// Saved contact filters and campaigns aimed at one: the filter's contacts (text in the name or phone,
// every tag) are frozen into recipients when the campaign starts, and each is sent the template once.
// Workspaces never see or use each other's filters; agents may read them but not change them.
import { describe, expect, it } from 'vitest';
import type pg from 'pg';
import { addAgent } from '../../test/agents';
import { api, signupWorkspace } from '../../test/harness';
import { eventually, pipelineForFile, type Pipeline } from '../../test/pipeline';

let p: Pipeline;
let db: pg.Client;
const call = (method: string, path: string, body?: unknown, token = p.token) => api(p.app, method, path, body, token);

pipelineForFile(async (started) => {
  ({ pipeline: p, db } = started);
  p.wa.addTemplate({ name: 'volta_as_aulas', language: 'pt_BR', status: 'APPROVED', bodyParams: 1 });
  const people: Array<[string, string, string[]]> = [
    ['5511430000001', 'Ana Recife', ['vip', 'escola']], ['5511430000002', 'Bia Recife', ['vip']],
    ['5511430000003', 'Caio Olinda', ['vip', 'escola']], ['5511430000004', 'Davi Recife', ['escola', 'vip']],
  ];
  for (const [phone, name, tags] of people) {
    await db.query('INSERT INTO contacts (tenant_id, channel_id, external_id, phone, name, tags) VALUES ($1, $2, $3, $3, $4, $5)', [p.tenantId, p.channelId, phone, name, tags]);
  }
});

describe('saved contact filters', () => {
  it('when a filter is saved, listed, named twice or left empty, then it is kept once and the bad ones are refused', async () => {
    const saved = await call('POST', '/v1/contact-filters', { name: 'Escola no Recife', q: 'recife', tags: ['vip', 'escola'] });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ name: 'Escola no Recife', q: 'recife', tags: ['vip', 'escola'] });
    expect((await call('POST', '/v1/contact-filters', { name: 'Escola no Recife', tags: ['x'] })).status).toBe(409);
    expect((await call('POST', '/v1/contact-filters', { name: 'Vazio' })).status).toBe(400);
    expect((await call('GET', '/v1/contact-filters')).body.items.map((f: any) => f.name)).toEqual(['Escola no Recife']);
    const agent = await addAgent(p.app, p.tenantId, 'Bruno');
    expect((await call('GET', '/v1/contact-filters', undefined, agent.token)).status).toBe(200);
    expect((await call('POST', '/v1/contact-filters', { name: 'Meu', tags: ['vip'] }, agent.token)).status).toBe(403);
    expect((await call('DELETE', `/v1/contact-filters/${saved.body.id}`, undefined, agent.token)).status).toBe(403);
  });

  it('when a campaign names a filter, then exactly its contacts at the start become recipients and each gets one send', async () => {
    const filter = (await call('GET', '/v1/contact-filters')).body.items[0];
    const created = await call('POST', '/v1/campaigns', {
      name: 'Volta às aulas', channelId: p.channelId, audience: { filterId: filter.id }, window: { start: '00:00', end: '24:00' },
      template: { name: 'volta_as_aulas', language: 'pt_BR', parameters: { body: ['{{contact.name}}'] } },
    });
    expect(created.status).toBe(201);
    expect(created.body.audience).toEqual({ filterId: filter.id });
    expect((await call('POST', `/v1/campaigns/${created.body.id}/start`)).status).toBe(200);
    // Matching the filter after the start does not join a running campaign.
    await db.query("INSERT INTO contacts (tenant_id, channel_id, external_id, phone, name, tags) VALUES ($1, $2, '5511430000005', '5511430000005', 'Eva Recife', '{vip,escola}')", [p.tenantId, p.channelId]);
    await eventually(async () => (await call('GET', `/v1/campaigns/${created.body.id}`)).body.status === 'completed', 30_000);
    const recipients = await db.query('SELECT ct.phone FROM campaign_recipients r JOIN contacts ct ON ct.id = r.contact_id WHERE r.campaign_id = $1 ORDER BY ct.phone', [created.body.id]);
    expect(recipients.rows.map((r) => r.phone)).toEqual(['5511430000001', '5511430000004']);
    const sends = p.wa.sends.filter((s) => s.body.type === 'template' && s.body.template.name === 'volta_as_aulas').map((s) => s.body.to).sort();
    expect(sends).toEqual(['5511430000001', '5511430000004']);
    // Deleting the filter leaves the campaign's frozen recipients alone.
    expect((await call('DELETE', `/v1/contact-filters/${filter.id}`)).status).toBe(204);
    expect((await call('DELETE', `/v1/contact-filters/${filter.id}`)).status).toBe(404);
    expect((await call('GET', `/v1/campaigns/${created.body.id}`)).body.counts.total).toBe(2);
  });

  it('when another workspace lists, deletes or aims a campaign at this workspace’s filter, then it sees nothing and gets 404', async () => {
    const mine = await call('POST', '/v1/contact-filters', { name: 'Só VIP', tags: ['vip'] });
    const other = await signupWorkspace(p.app);
    expect((await call('GET', '/v1/contact-filters', undefined, other.token)).body.items).toEqual([]);
    expect((await call('DELETE', `/v1/contact-filters/${mine.body.id}`, undefined, other.token)).status).toBe(404);
    const theirChannel = await call('POST', '/v1/channels', { type: 'webchat', name: 'Site', config: {} }, other.token);
    const theirs = await call('POST', '/v1/campaigns', {
      name: 'Roubo', channelId: theirChannel.body.id, audience: { filterId: mine.body.id },
      template: { name: 'volta_as_aulas', language: 'pt_BR', parameters: {} },
    }, other.token);
    expect(theirs.status).toBe(404);
    expect((await call('GET', '/v1/contact-filters')).body.items.map((f: any) => f.name)).toEqual(['Só VIP']);
  });
});
