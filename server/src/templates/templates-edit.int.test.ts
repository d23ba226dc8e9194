// Editing a template against the fake Graph API: a rejected (or paused) one takes new components at
// Meta first (`POST /{TEMPLATE_ID}`), then here, back in review as PENDING, audited and announced.
// One in review (or approved) is 409 and Meta is not asked; Meta's own refusal is worded as on
// create; another workspace gets 404, an agent 403, a hostile body 400 with its issues.
import type pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { addAgent, addMember } from '../../test/agents';
import { api, signupWorkspace } from '../../test/harness';
import { pipelineForFile, type Pipeline } from '../../test/pipeline';

let p: Pipeline;
let db: pg.Client;

pipelineForFile((started) => ({ pipeline: p, db } = started));

const call = (method: string, path: string, body?: unknown, token = p.token) => api(p.app, method, path, body, token);
const path = () => `/v1/channels/${p.channelId}/templates`;
const find = async (name: string) => (await call('GET', path())).body.items.find((t: any) => t.name === name);

const fixed = [
  { type: 'BODY', text: 'Olá {{1}}, seu pão de queijo sai às 7h.', example: { body_text: [['Ana']] } },
  { type: 'FOOTER', text: 'Padaria da Marina' },
  { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Quero encomendar' }] },
];

beforeAll(async () => {
  for (const [name, status] of [['fornada', 'REJECTED'], ['pausado', 'PAUSED'], ['em_analise', 'PENDING'], ['aprovado', 'APPROVED'], ['revisado_no_meta', 'REJECTED']]) {
    p.wa.addTemplate({ name: name!, language: 'pt_BR', status: status!, bodyParams: 1, category: 'MARKETING', ...(status === 'REJECTED' ? { reason: 'INVALID_FORMAT' } : {}) });
  }
  expect((await call('POST', `${path()}/sync`)).status).toBe(200);
});

describe('editing a WhatsApp template', () => {
  it('when a marketer fixes a rejected template, then Meta receives the new components and our copy is PENDING with them, audited and announced', async () => {
    const before = await find('fornada');
    expect(before).toMatchObject({ status: 'REJECTED', reason: 'INVALID_FORMAT' });
    const marketer = await addMember(p.app, p.tenantId, 'Marina', 'marketer');
    const res = await call('PATCH', `${path()}/${before.id}`, { components: fixed, category: 'UTILITY' }, marketer.token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: before.id, name: 'fornada', language: 'pt_BR', status: 'PENDING', reason: null, category: 'UTILITY', components: fixed });
    // Meta's wire format: the template's own id in the path, the components (replacing all) and the category.
    expect(p.wa.templateApi.edits.at(-1)).toEqual({ id: before.providerId, body: { components: fixed, category: 'UTILITY' } });
    expect(p.wa.templates.get('fornada:pt_BR')).toMatchObject({ status: 'PENDING', components: fixed, category: 'UTILITY' });
    expect(await find('fornada')).toMatchObject({ status: 'PENDING', reason: null, components: fixed });

    const audit = (await call('GET', '/v1/audit-log')).body.items.find((i: any) => i.targetId === before.id);
    expect(audit).toMatchObject({ action: 'template.edited', targetType: 'template', data: { channelId: p.channelId, name: 'fornada', language: 'pt_BR', status: 'REJECTED', category: 'UTILITY' } });
    const events = await db.query("SELECT payload FROM domain_events WHERE type = 'template.updated' AND tenant_id = $1 AND payload->>'templateId' = $2 AND payload->>'change' = 'edited'", [p.tenantId, before.id]);
    expect(events.rows.map((r) => r.payload)).toEqual([expect.objectContaining({ status: 'PENDING', name: 'fornada', language: 'pt_BR', category: 'UTILITY' })]);

    // Meta's verdict on the new version arrives as for a new template.
    expect(await p.wa.templateApi.review('fornada', 'pt_BR', 'APPROVED')).toBe(200);
    expect(await find('fornada')).toMatchObject({ status: 'APPROVED', components: fixed });
  });

  it('when a paused template is edited without a category, then only its components change', async () => {
    const before = await find('pausado');
    const res = await call('PATCH', `${path()}/${before.id}`, { components: fixed });
    expect(res.body).toMatchObject({ status: 'PENDING', category: 'MARKETING', components: fixed });
    expect(p.wa.templateApi.edits.at(-1)).toEqual({ id: before.providerId, body: { components: fixed } });
  });

  it('when the template is in review or approved, then it is 409 template_not_editable and Meta is not asked', async () => {
    const asked = p.wa.templateApi.edits.length;
    for (const name of ['em_analise', 'aprovado']) {
      const t = await find(name);
      const res = await call('PATCH', `${path()}/${t.id}`, { components: fixed });
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({ code: 'template_not_editable', status: t.status });
      expect(await find(name)).toMatchObject({ status: t.status, components: t.components });
    }
    expect(p.wa.templateApi.edits.length).toBe(asked);
  });

  it('when Meta has it in review already (a verdict we missed), then Meta refuses and the answer is worded as on create, our copy unchanged', async () => {
    const t = await find('revisado_no_meta');
    p.wa.templates.get('revisado_no_meta:pt_BR')!.status = 'PENDING';
    const res = await call('PATCH', `${path()}/${t.id}`, { components: fixed });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'validation_failed', providerCode: 100, message: expect.stringContaining('WhatsApp refused the template') });
    expect(p.wa.templateApi.edits.at(-1)).toMatchObject({ id: t.providerId });
    expect(await find('revisado_no_meta')).toMatchObject({ status: 'REJECTED', reason: 'INVALID_FORMAT', components: t.components });
    expect((await call('GET', '/v1/audit-log')).body.items.some((i: any) => i.targetId === t.id)).toBe(false);
  });

  it('when the body is hostile or breaks a rule, then it is 400 with the issues and Meta is not asked', async () => {
    const t = await find('revisado_no_meta');
    const asked = p.wa.templateApi.edits.length;
    const bad = async (body: unknown) => {
      const res = await call('PATCH', `${path()}/${t.id}`, body);
      expect(res.status).toBe(400);
      return res.body.error.issues;
    };
    expect(await bad({ components: [{ type: 'BODY', text: '{{1}} chegou', example: { body_text: [['x']] } }] }))
      .toEqual([expect.objectContaining({ path: 'components.0.text', message: 'A variable cannot start or end the text' })]);
    // Meta cannot rename a template or change its language: said, not silently dropped.
    expect((await bad({ components: fixed, name: 'outro_nome' }))[0].message).toContain('name');
    for (const body of [{}, { components: 'x' }, { components: [] }, { components: fixed, category: 'PROMO' }, { components: [{ type: 'BODY', text: 'x'.repeat(5000) }] }, [], { components: [{ type: 'SCRIPT' }] }]) {
      expect((await bad(body)).length).toBeGreaterThan(0);
    }
    expect(p.wa.templateApi.edits.length).toBe(asked);
  });

  it('when another workspace, an agent or a wrong id asks, then it is 404 or 403 and Meta is not asked', async () => {
    const t = await find('revisado_no_meta');
    const asked = p.wa.templateApi.edits.length;
    const other = await signupWorkspace(p.app, 'Outra padaria');
    expect((await call('PATCH', `${path()}/${t.id}`, { components: fixed }, other.token)).status).toBe(404);
    const agent = await addAgent(p.app, p.tenantId, 'Carla');
    expect(await call('PATCH', `${path()}/${t.id}`, { components: fixed }, agent.token)).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect((await call('PATCH', `${path()}/00000000-0000-4000-8000-000000000000`, { components: fixed })).status).toBe(404);
    expect(p.wa.templateApi.edits.length).toBe(asked);
    expect(await find('revisado_no_meta')).toMatchObject({ status: 'REJECTED', components: t.components });
  });
});
