// Template management against the fake Graph API: create (checked first, then submitted), review
// outcome, quality and category through the signed template webhooks, sync with paging and
// deletions, and another workspace's channel out of reach.
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { api, signupWorkspace } from '../../test/harness';
import { eventually, pipelineForFile, type Pipeline } from '../../test/pipeline';

let p: Pipeline;
let db: pg.Client;

pipelineForFile((started) => ({ pipeline: p, db } = started));

const call = (method: string, path: string, body?: unknown, token = p.token) => api(p.app, method, path, body, token);
const path = () => `/v1/channels/${p.channelId}/templates`;

const pedido = {
  name: 'pedido_saiu', language: 'pt_BR', category: 'UTILITY',
  components: [
    { type: 'BODY', text: 'Olá {{1}}, seu pedido {{2}} saiu para entrega.', example: { body_text: [['Ana', '#1023']] } },
    { type: 'FOOTER', text: 'Loja Exemplo' },
    { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Falar com atendente' }] },
  ],
};

const byName = async (name: string) => (await call('GET', path())).body.items.find((t: any) => t.name === name);

describe('WhatsApp templates', () => {
  it('when a valid template is created, then Meta receives it and it is listed as PENDING', async () => {
    const res = await call('POST', path(), pedido);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'pedido_saiu', language: 'pt_BR', category: 'UTILITY', status: 'PENDING', providerId: expect.any(String), components: pedido.components });
    expect(p.wa.templateApi.created.at(-1)).toMatchObject({ name: 'pedido_saiu', category: 'UTILITY', parameter_format: 'positional' });
    expect((await call('GET', path())).body.items).toEqual([expect.objectContaining({ id: res.body.id, status: 'PENDING' })]);
  });

  it('when the template breaks a rule or exists, then the answer is 400 or 409 and Meta is not asked', async () => {
    const sent = p.wa.templateApi.created.length;
    const bad = await call('POST', path(), { ...pedido, name: 'outro', components: [{ type: 'BODY', text: '{{1}} chegou', example: { body_text: [['x']] } }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues).toEqual([expect.objectContaining({ path: 'components.0.text', message: 'A variable cannot start or end the text' })]);
    expect((await call('POST', path(), { name: 'x' })).status).toBe(400);
    expect((await call('POST', path(), pedido)).status).toBe(409);
    expect(p.wa.templateApi.created.length).toBe(sent);
  });

  it('when Meta approves, rates and recategorizes it, then the webhooks update our copy and announce it', async () => {
    expect(await p.wa.templateApi.review('pedido_saiu', 'pt_BR', 'APPROVED')).toBe(200);
    expect(await byName('pedido_saiu')).toMatchObject({ status: 'APPROVED', reason: null });
    // A namesake in another business account of the same Meta app is not this channel's template.
    expect(await p.wa.templateApi.review('pedido_saiu', 'pt_BR', 'DISABLED', 'NONE', 'WABA-2')).toBe(200);
    expect(await byName('pedido_saiu')).toMatchObject({ status: 'APPROVED' });
    await p.wa.templateApi.quality('pedido_saiu', 'pt_BR', 'RED');
    await p.wa.templateApi.review('pedido_saiu', 'pt_BR', 'PAUSED');
    await p.wa.templateApi.recategorize('pedido_saiu', 'pt_BR', 'MARKETING');
    expect(await byName('pedido_saiu')).toMatchObject({ status: 'PAUSED', qualityScore: 'RED', category: 'MARKETING', previousCategory: 'UTILITY' });
    // Events that are no status: reinstated is approved again; flagged stays sendable, with the flag said.
    await p.wa.templateApi.review('pedido_saiu', 'pt_BR', 'REINSTATED');
    expect(await byName('pedido_saiu')).toMatchObject({ status: 'APPROVED', reason: null });
    await p.wa.templateApi.review('pedido_saiu', 'pt_BR', 'FLAGGED');
    expect(await byName('pedido_saiu')).toMatchObject({ status: 'APPROVED', reason: 'FLAGGED' });
    await p.wa.templateApi.review('pedido_saiu', 'pt_BR', 'PAUSED');
    const events = await db.query("SELECT payload FROM domain_events WHERE type = 'template.updated' AND tenant_id = $1 ORDER BY id", [p.tenantId]);
    expect(events.rows.map((r) => r.payload.status)).toEqual(['PENDING', 'APPROVED', 'APPROVED', 'PAUSED', 'PAUSED', 'APPROVED', 'APPROVED', 'PAUSED']);
  });

  it('when synced, then every page of Meta’s list is mirrored and templates deleted there disappear', async () => {
    for (const name of ['boas_vindas', 'cupom', 'lembrete']) p.wa.addTemplate({ name, language: 'pt_BR', status: 'APPROVED', bodyParams: 1, category: 'MARKETING' });
    const synced = await call('POST', `${path()}/sync`);
    expect(synced.status).toBe(200);
    expect(synced.body.items.map((t: any) => t.name)).toEqual(['boas_vindas', 'cupom', 'lembrete', 'pedido_saiu']);
    expect(synced.body.items.find((t: any) => t.name === 'pedido_saiu')).toMatchObject({ status: 'PAUSED', qualityScore: 'RED', components: pedido.components });
    p.wa.templates.delete('cupom:pt_BR');
    expect((await call('POST', `${path()}/sync`)).body.items.map((t: any) => t.name)).toEqual(['boas_vindas', 'lembrete', 'pedido_saiu']);
  });

  it('when a template is made in Meta’s own tools, then its review webhook makes it known and a sync fills in its text', async () => {
    p.wa.addTemplate({ name: 'feito_no_meta', language: 'en_US', status: 'PENDING', bodyParams: 1 });
    await p.wa.templateApi.review('feito_no_meta', 'en_US', 'REJECTED', 'INVALID_FORMAT');
    expect(await eventually(() => byName('feito_no_meta'))).toMatchObject({ status: 'REJECTED', reason: 'INVALID_FORMAT', language: 'en_US' });
    // The webhook carries no text; the sync it sets off brings it, without a marketer pressing Sync.
    const filled = await eventually(async () => ((await byName('feito_no_meta'))?.components?.length ? byName('feito_no_meta') : null));
    expect(filled.components).toEqual([{ type: 'BODY', text: '{{1}}' }]);
  });

  it('when another workspace asks for the channel, then it is 404 and Meta is not called', async () => {
    const other = await signupWorkspace(p.app);
    const sent = p.wa.templateApi.created.length;
    expect((await call('GET', path(), undefined, other.token)).status).toBe(404);
    expect((await call('POST', `${path()}/sync`, undefined, other.token)).status).toBe(404);
    expect((await call('POST', path(), { ...pedido, name: 'roubado' }, other.token)).status).toBe(404);
    expect(p.wa.templateApi.created.length).toBe(sent);
    const web = await call('POST', '/v1/channels', { type: 'webchat', name: 'Site', config: {} });
    expect((await call('GET', `/v1/channels/${web.body.id}/templates`)).status).toBe(400);
  });
});
