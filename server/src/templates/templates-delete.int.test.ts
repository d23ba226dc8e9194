// Deleting a template against the fake Graph API: one language at Meta first, then our copy (gone
// from the inbox's picker too), audited and announced; Meta's refusal is a 502 with its words, never
// a 500, and leaves the template; another workspace gets 404, an agent 403; a campaign that will
// still send it keeps it (409 naming the campaign); a template deleted in Meta's own tools goes too.
import type pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { addAgent } from '../../test/agents';
import { api, signupWorkspace } from '../../test/harness';
import { pipelineForFile, type Pipeline } from '../../test/pipeline';

let p: Pipeline;
let db: pg.Client;

pipelineForFile((started) => ({ pipeline: p, db } = started));

const call = (method: string, path: string, body?: unknown, token = p.token) => api(p.app, method, path, body, token);
const path = () => `/v1/channels/${p.channelId}/templates`;
const listed = async () => (await call('GET', path())).body.items.map((t: any) => `${t.name}:${t.language}`);
const idOf = async (name: string, language: string) => (await call('GET', path())).body.items.find((t: any) => t.name === name && t.language === language)?.id as string;

beforeAll(async () => {
  for (const [name, language, status] of [['cupom', 'pt_BR', 'APPROVED'], ['cupom', 'en_US', 'APPROVED'], ['antigo', 'pt_BR', 'REJECTED'], ['natal', 'pt_BR', 'APPROVED'], ['feito_no_meta', 'pt_BR', 'APPROVED']]) {
    p.wa.addTemplate({ name: name!, language: language!, status: status!, bodyParams: 1, category: 'MARKETING' });
  }
  expect((await call('POST', `${path()}/sync`)).status).toBe(200);
});

describe('deleting a WhatsApp template', () => {
  it('when a marketer deletes one language, then Meta deletes that one, and our copy, the picker, the audit log and the events follow', async () => {
    const contact = await db.query("INSERT INTO contacts (tenant_id, channel_id, external_id, phone) VALUES ($1, $2, '5511930000001', '5511930000001') RETURNING id", [p.tenantId, p.channelId]);
    const conv = await db.query("INSERT INTO conversations (tenant_id, channel_id, contact_id, status) VALUES ($1, $2, $3, 'bot') RETURNING id", [p.tenantId, p.channelId, contact.rows[0].id]);
    const agent = await addAgent(p.app, p.tenantId, 'Bruno');
    const picker = async () => (await call('GET', `/v1/conversations/${conv.rows[0].id}/templates`, undefined, agent.token)).body.items.map((t: any) => `${t.name}:${t.language}`);
    expect(await picker()).toContain('cupom:pt_BR');

    const id = await idOf('cupom', 'pt_BR');
    // The sync that brought it announced it too: only what the deletion published counts here.
    const lastEvent = (await db.query('SELECT coalesce(max(id), 0) AS id FROM domain_events WHERE tenant_id = $1', [p.tenantId])).rows[0].id;
    const providerId = (await call('GET', path())).body.items.find((t: any) => t.id === id).providerId;
    const res = await call('DELETE', `${path()}/${id}`);
    expect(res.status).toBe(204);
    // hsm_id with the name: that language only (the name alone would take en_US too).
    expect(p.wa.templateApi.deletions.at(-1)).toEqual({ hsm_id: providerId, name: 'cupom' });
    expect([...p.wa.templates.keys()]).toEqual(expect.arrayContaining(['cupom:en_US']));
    expect(p.wa.templates.has('cupom:pt_BR')).toBe(false);
    expect(await listed()).toEqual(['antigo:pt_BR', 'cupom:en_US', 'feito_no_meta:pt_BR', 'natal:pt_BR']);
    expect(await picker()).not.toContain('cupom:pt_BR');

    const audit = (await call('GET', '/v1/audit-log')).body.items.find((i: any) => i.targetId === id);
    expect(audit).toMatchObject({ action: 'template.deleted', targetType: 'template', data: { channelId: p.channelId, name: 'cupom', language: 'pt_BR', status: 'APPROVED' } });
    const events = await db.query("SELECT payload FROM domain_events WHERE type = 'template.updated' AND tenant_id = $1 AND payload->>'templateId' = $2 AND id > $3", [p.tenantId, id, lastEvent]);
    expect(events.rows.map((r) => r.payload)).toEqual([expect.objectContaining({ status: 'DELETED', name: 'cupom', language: 'pt_BR', change: 'deleted' })]);
    // Gone: a second delete is 404 and Meta is not asked again.
    const asked = p.wa.templateApi.deletions.length;
    expect((await call('DELETE', `${path()}/${id}`)).status).toBe(404);
    expect(p.wa.templateApi.deletions.length).toBe(asked);
  });

  it('when Meta refuses, then the answer is a 502 with Meta’s words in the details and the template stays', async () => {
    const id = await idOf('antigo', 'pt_BR');
    p.wa.templateApi.withoutManagement = true;
    try {
      const res = await call('DELETE', `${path()}/${id}`);
      expect(res.status).toBe(502);
      expect(res.body.error).toMatchObject({ code: 'provider_refused', providerCode: 200, providerMessage: expect.stringContaining('whatsapp_business_management') });
    } finally {
      p.wa.templateApi.withoutManagement = false;
    }
    expect(await listed()).toContain('antigo:pt_BR');
    expect((await call('GET', '/v1/audit-log')).body.items.some((i: any) => i.targetId === id)).toBe(false);
    // Asked again with the permission back, it goes.
    expect((await call('DELETE', `${path()}/${id}`)).status).toBe(204);
    expect(await listed()).not.toContain('antigo:pt_BR');
  });

  it('when another workspace, an agent or a wrong id asks, then it is 404, 403 or 400 and Meta is not called', async () => {
    const id = await idOf('natal', 'pt_BR');
    const asked = p.wa.templateApi.deletions.length;
    const other = await signupWorkspace(p.app, 'Outra loja');
    expect((await call('DELETE', `${path()}/${id}`, undefined, other.token)).status).toBe(404);
    const agent = await addAgent(p.app, p.tenantId, 'Carla');
    expect(await call('DELETE', `${path()}/${id}`, undefined, agent.token)).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect((await call('DELETE', `${path()}/not-an-id`)).status).toBe(404);
    expect((await call('DELETE', `${path()}/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    // The template of this channel asked for under another of the workspace's channels.
    const web = await call('POST', '/v1/channels', { type: 'webchat', name: 'Site', config: {} });
    expect((await call('DELETE', `/v1/channels/${web.body.id}/templates/${id}`)).status).toBe(400);
    expect(p.wa.templateApi.deletions.length).toBe(asked);
    expect(await listed()).toContain('natal:pt_BR');
  });

  it('when a scheduled, running or paused campaign sends it, then it is 409 naming the campaign, until the campaign is cancelled', async () => {
    const id = await idOf('natal', 'pt_BR');
    const asked = p.wa.templateApi.deletions.length;
    // A window that is not now: the campaign runs and waits for it, sending nothing.
    const window = new Date().getUTCHours() < 12 ? { start: '20:00', end: '21:00' } : { start: '04:00', end: '05:00' };
    const campaign = (name: string, extra: Record<string, unknown>) => call('POST', '/v1/campaigns', {
      name, channelId: p.channelId, template: { name: 'natal', language: 'pt_BR', parameters: { body: ['Ana'] } }, audience: { tags: ['ninguem'] }, timeZone: 'UTC', window, ...extra,
    });
    const running = await campaign('Natal 2026', {});
    expect(running.status).toBe(201);
    expect((await call('POST', `/v1/campaigns/${running.body.id}/start`, {})).body.status).toBe('running');
    const refused = await call('DELETE', `${path()}/${id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'conflict', campaignId: running.body.id, campaignName: 'Natal 2026', campaignStatus: 'running' });
    expect(refused.body.error.message).toContain('Natal 2026');
    // Paused, it may be resumed: it still keeps its template.
    expect((await call('POST', `/v1/campaigns/${running.body.id}/pause`, {})).body.status).toBe('paused');
    expect((await call('DELETE', `${path()}/${id}`)).body.error).toMatchObject({ code: 'conflict', campaignStatus: 'paused' });
    expect((await call('POST', `/v1/campaigns/${running.body.id}/cancel`, {})).status).toBe(200);

    const scheduled = await campaign('Ano novo', { scheduledAt: new Date(Date.now() + 86_400_000).toISOString() });
    expect(scheduled.body.status).toBe('scheduled');
    expect((await call('DELETE', `${path()}/${id}`)).body.error).toMatchObject({ code: 'conflict', campaignName: 'Ano novo', campaignStatus: 'scheduled' });
    expect(p.wa.templateApi.deletions.length).toBe(asked);
    expect((await call('GET', `/v1/campaigns/${running.body.id}`)).body.status).toBe('cancelled');

    expect((await call('POST', `/v1/campaigns/${scheduled.body.id}/cancel`, {})).status).toBe(200);
    expect((await call('DELETE', `${path()}/${id}`)).status).toBe(204);
  });

  it('when Meta says a template was deleted (in its own tools, or after ours), then our copy goes and a late event does not bring it back', async () => {
    expect(await listed()).toContain('feito_no_meta:pt_BR');
    expect(await p.wa.templateApi.review('feito_no_meta', 'pt_BR', 'DELETED')).toBe(200);
    expect(await listed()).not.toContain('feito_no_meta:pt_BR');
    // Meta's events may come twice or late: one about a template we no longer hold makes none.
    expect(await p.wa.templateApi.review('feito_no_meta', 'pt_BR', 'PENDING_DELETION')).toBe(200);
    expect(await p.wa.templateApi.review('feito_no_meta', 'pt_BR', 'DELETED')).toBe(200);
    expect(await listed()).not.toContain('feito_no_meta:pt_BR');
  });
});
