// "Send a test" before starting a campaign: its message to one number, filled as that number's contact
// would receive it, sent once by the outbox; the reply is answered by the campaign's flow; the campaign
// and the inbox lists do not change. Refused for the reasons a recipient would be skipped, and across
// roles and workspaces.
import { describe, expect, it } from 'vitest';
import type pg from 'pg';
import { addAgent } from '../../test/agents';
import { edge, flow, node } from '../../test/flow-docs';
import { api, signupWorkspace } from '../../test/harness';
import { textMessage } from '../../test/fakes/whatsapp-payloads';
import { eventually, pipelineForFile, sentTexts, syncTemplates, type Pipeline } from '../../test/pipeline';

let p: Pipeline;
let db: pg.Client;
let campaignId: string;

const TEMPLATE = { name: 'promo_natal', language: 'pt_BR', parameters: { body: ['{{contact.name}}', '{{cidade | "sua cidade"}}'] } };

pipelineForFile(async (started) => {
  ({ pipeline: p, db } = started);
  await syncTemplates(p, { name: 'promo_natal', language: 'pt_BR', status: 'APPROVED', bodyParams: 2, category: 'MARKETING', components: [{ type: 'BODY', text: 'Olá {{1}}, ofertas de Natal em {{2}}!' }] });
  const { flowId } = await p.publish(
    flow([node('start', 'trigger', { keywords: [{ value: 'zzz-nunca', match: 'exact' }] } as never), node('say', 'message', { text: 'Cupom: NATAL10' })], [edge('start', 'next', 'say')]),
    'Natal',
  );
  const res = await api(p.app, 'POST', '/v1/campaigns', { name: 'Natal', channelId: p.channelId, template: TEMPLATE, audience: { tags: ['vip'] }, flowId }, p.token);
  expect(res.status).toBe(201);
  campaignId = res.body.id;
});

const test = (phone: string, token = p.token, id = campaignId) => api(p.app, 'POST', `/v1/campaigns/${id}/test`, { phone }, token);

describe('sending a test of a campaign', () => {
  it('when the marketer sends a test to a known contact, then it is filled from them, sent once, answered by the flow, and the campaign does not change', async () => {
    await db.query(`INSERT INTO contacts (tenant_id, channel_id, external_id, phone, phone_e164, name, attributes)
      VALUES ($1, $2, '5511999110001', '5511999110001', '+5511999110001', 'Ana', '{"cidade": "Recife"}')`, [p.tenantId, p.channelId]);
    const res = await test('(11) 99911-0001');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ to: '+5511999110001', text: 'Olá Ana, ofertas de Natal em Recife!' });
    const sent = await eventually(() => p.wa.sendsTo('5511999110001').find((s) => s.body.type === 'template'));
    expect(sent.body.template).toMatchObject({ name: 'promo_natal', components: [{ type: 'body', parameters: [{ type: 'text', text: 'Ana' }, { type: 'text', text: 'Recife' }] }] });
    // Not a recipient, not started; the chat stays out of the inbox until answered.
    expect((await api(p.app, 'GET', `/v1/campaigns/${campaignId}`, undefined, p.token)).body).toMatchObject({ status: 'draft', counts: { total: 0 } });
    expect((await api(p.app, 'GET', '/v1/conversations', undefined, p.token)).body.items).toEqual([]);
    await p.wa.inbound({ waId: '5511999110001', name: 'Ana' }, textMessage('quero'));
    await eventually(() => sentTexts(p.wa, '5511999110001').includes('Cupom: NATAL10'));
    await new Promise((r) => setTimeout(r, 300));
    expect(p.wa.sendsTo('5511999110001').filter((s) => s.body.type === 'template')).toHaveLength(1);
  });

  it('when a new number is refused, then no contact is left behind; when its test goes out, then it becomes a contact', async () => {
    const contacts = async () => (await db.query("SELECT count(*)::int AS n FROM contacts WHERE phone_e164 = '+5511999110002' OR external_id = '5511999110002'")).rows[0].n;
    const res = await test('+55 11 99911-0002');
    expect(res.status).toBe(400);
    // {{contact.name}} has no default and a new number has no name: the campaign would skip it, so the
    // test says so, and no nameless contact is added for a message that never went.
    expect(res.body.error).toMatchObject({ code: 'validation_failed', missingValue: true });
    expect(p.wa.sendsTo('5511999110002')).toHaveLength(0);
    expect(await contacts()).toBe(0);
    // With a default for every value, the test goes out and the number becomes a contact then.
    const other = await api(p.app, 'POST', '/v1/campaigns', {
      name: 'Natal 2', channelId: p.channelId, audience: { tags: ['vip'] },
      template: { ...TEMPLATE, parameters: { body: ['{{contact.name | "cliente"}}', '{{cidade | "sua cidade"}}'] } },
    }, p.token);
    expect(await test('+55 11 99911-0002', p.token, other.body.id)).toMatchObject({ status: 201, body: { text: 'Olá cliente, ofertas de Natal em sua cidade!' } });
    expect(await contacts()).toBe(1);
  });

  it('when the number opted out, the template is no longer approved or the number is not one, then it is refused and nothing is sent', async () => {
    await db.query(`INSERT INTO contacts (tenant_id, channel_id, external_id, phone, phone_e164, name, opted_out_at)
      VALUES ($1, $2, '5511999110003', '5511999110003', '+5511999110003', 'Caio', now())`, [p.tenantId, p.channelId]);
    expect(await test('11999110003')).toMatchObject({ status: 400, body: { error: { optedOut: true } } });
    expect(await test('12')).toMatchObject({ status: 400, body: { error: { field: 'phone' } } });
    expect((await test('')).status).toBe(400);
    await db.query("UPDATE whatsapp_templates SET status = 'PAUSED' WHERE name = 'promo_natal'");
    try {
      expect(await test('+5511999110001')).toMatchObject({ status: 422, body: { error: { code: 'template_not_approved', templateStatus: 'PAUSED' } } });
    } finally {
      await db.query("UPDATE whatsapp_templates SET status = 'APPROVED' WHERE name = 'promo_natal'");
    }
    expect(p.wa.sendsTo('5511999110003')).toHaveLength(0);
  });

  it('when the test is queued, then its status follows what WhatsApp did: sent, or failed with the reason a recipient would show', async () => {
    await db.query(`INSERT INTO contacts (tenant_id, channel_id, external_id, phone, phone_e164, name)
      VALUES ($1, $2, '5511999110004', '5511999110004', '+5511999110004', 'Duda'), ($1, $2, '5511999110005', '5511999110005', '+5511999110005', 'Edu')`, [p.tenantId, p.channelId]);
    p.wa.failFor('5511999110005', 131026);
    const status = (messageId: string, token = p.token) => api(p.app, 'GET', `/v1/campaigns/${campaignId}/test/${messageId}`, undefined, token);
    const ok = await test('+5511999110004');
    expect(ok.status).toBe(201);
    await eventually(async () => ['sent', 'delivered'].includes((await status(ok.body.messageId)).body.status));
    expect((await status(ok.body.messageId)).body).toMatchObject({ messageId: ok.body.messageId, reason: null, reasonText: null });
    const bad = await test('+5511999110005');
    expect(bad.status).toBe(201);
    await eventually(async () => (await status(bad.body.messageId)).body.status === 'failed');
    expect((await status(bad.body.messageId)).body).toMatchObject({ reason: 'undeliverable', reasonText: expect.stringMatching(/not on WhatsApp/) });
    // Not another workspace's message, nor one of this workspace that is not this campaign's channel's template.
    const other = await signupWorkspace(p.app);
    expect((await status(ok.body.messageId, other.token)).status).toBe(404);
    expect((await status('00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('when an agent or another workspace asks, then it is 403 or 404', async () => {
    const agent = await addAgent(p.app, p.tenantId, 'Davi');
    expect((await test('+5511999110001', agent.token)).status).toBe(403);
    const other = await signupWorkspace(p.app);
    expect((await test('+5511999110001', other.token)).status).toBe(404);
    expect((await test('+5511999110001', p.token, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});
