// One opt-out through the signed WhatsApp webhook: the PARAR keyword, WhatsApp's own marketing stop
// (user_preferences) and a failed send with 131050 all set optedOut with when and how, emit
// contact.opted_out once, and opting back in is recorded. An unsigned payload changes nothing. The
// keyword counts in a chat a person holds or waits in as it does with the bot. Staff record an
// opt-out or opt-in by hand (PATCH optedOut): source "agent", who did it, audited, honoured the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember } from '../../test/agents';
import { api, signupWorkspace } from '../../test/harness';
import { edge, flow, keywordTrigger, node } from '../../test/flow-docs';
import { textMessage } from '../../test/fakes/whatsapp-payloads';
import { phoneNumberIdFor } from '../../test/fakes/fake-whatsapp';
import { eventually, sentTexts, startPipeline, type Pipeline } from '../../test/pipeline';

let p: Pipeline;

beforeAll(async () => {
  p = await startPipeline();
  await p.publish(flow([keywordTrigger('promo'), node('reply', 'message', { text: 'Temos ofertas!' })], [edge('start', 'next', 'reply')]), 'Promo');
  await p.publish(flow([keywordTrigger('atendente'), node('human', 'transfer', { message: 'Já vou chamar alguém' })], [edge('start', 'next', 'human')]), 'Atendente');
});
afterAll(async () => {
  await p?.close();
});

const call = (method: string, path: string, body?: unknown, token = p.token) => api(p.app, method, path, body, token);

async function contactOf(waId: string, name: string) {
  await p.wa.inbound({ waId, name }, textMessage('oi'));
  return eventually(async () => (await call('GET', `/v1/contacts?q=${name}`)).body.items[0]);
}

const optOutEvents = async (after: number, contactId: string) =>
  (await call('GET', `/v1/events?after=${after}`)).body.items.filter((e: any) => e.type === 'contact.opted_out' && e.contactId === contactId);

describe('one opt-out', () => {
  it('when WhatsApp reports a marketing stop, then the contact is opted out with when and how, and a resume opts back in', async () => {
    const c = await contactOf('5511970000001', 'Joana');
    const start = (await call('GET', '/v1/events')).body.nextAfter;
    expect(await p.wa.templateApi.userPreference('5511970000001', 'stop', phoneNumberIdFor)).toBe(200);
    const out = await eventually(async () => { const r = (await call('GET', `/v1/contacts/${c.id}`)).body; return r.optedOut ? r : null; });
    expect(out).toMatchObject({ optedOut: true, optedOutVia: 'whatsapp_preferences', optedOutAt: expect.any(String) });
    // Meta retries webhooks: the same stop again changes nothing and emits nothing more.
    await p.wa.templateApi.userPreference('5511970000001', 'stop', phoneNumberIdFor);
    expect(await optOutEvents(start, c.id)).toHaveLength(1);

    await p.wa.templateApi.userPreference('5511970000001', 'resume', phoneNumberIdFor);
    const back = (await call('GET', `/v1/contacts/${c.id}`)).body;
    expect(back).toMatchObject({ optedOut: false, optedOutAt: null, optedInVia: 'whatsapp_preferences', optedInAt: expect.any(String) });
    expect((await call('GET', `/v1/contacts?optedOut=true`)).body.items.map((x: any) => x.id)).not.toContain(c.id);
  });

  it('when a Brazilian wa_id without the ninth digit stops marketing, then the contact imported with it is opted out', async () => {
    const res = await fetch(`${p.app.url}/v1/contacts/import`, { method: 'POST', headers: { authorization: `Bearer ${p.token}`, 'content-type': 'text/csv' }, body: 'phone,name\n(21) 97654-3210,Helena' });
    const id = ((await res.json()) as { id: string }).id;
    await eventually(async () => (await call('GET', `/v1/contacts/imports/${id}`)).body.status === 'completed');
    await p.wa.templateApi.userPreference('552176543210', 'stop', phoneNumberIdFor);
    expect((await call('GET', '/v1/contacts?q=Helena')).body.items[0]).toMatchObject({ optedOut: true, optedOutVia: 'whatsapp_preferences' });
  });

  it('when a send fails with 131050, then the contact is opted out by that error', async () => {
    const c = await contactOf('5511970000002', 'Otavio');
    p.wa.failFor('5511970000002', 131050, 1);
    const start = (await call('GET', '/v1/events')).body.nextAfter;
    await p.wa.inbound({ waId: '5511970000002', name: 'Otavio' }, textMessage('promo'));
    const out = await eventually(async () => { const r = (await call('GET', `/v1/contacts/${c.id}`)).body; return r.optedOut ? r : null; });
    expect(out.optedOutVia).toBe('whatsapp_131050');
    expect(await optOutEvents(start, c.id)).toEqual([expect.objectContaining({ via: 'whatsapp_131050' })]);
  });

  it('when the customer writes PARAR and later VOLTAR, then both are recorded as keyword', async () => {
    const c = await contactOf('5511970000003', 'Pedro');
    const start = (await call('GET', '/v1/events')).body.nextAfter;
    await p.wa.inbound({ waId: '5511970000003', name: 'Pedro' }, textMessage('PARAR'));
    const out = await eventually(async () => { const r = (await call('GET', `/v1/contacts/${c.id}`)).body; return r.optedOut ? r : null; });
    expect(out.optedOutVia).toBe('keyword');
    // Said again while out: the same opt-out, announced once.
    await p.wa.inbound({ waId: '5511970000003', name: 'Pedro' }, textMessage('STOP'));
    await eventually(async () => (await call('GET', `/v1/conversations?q=Pedro`)).body.items[0]?.lastMessage?.text === 'STOP');
    expect((await call('GET', `/v1/contacts/${c.id}`)).body.optedOutAt).toBe(out.optedOutAt);
    expect(await optOutEvents(start, c.id)).toEqual([expect.objectContaining({ via: 'keyword', at: expect.any(String) })]);
    await p.wa.inbound({ waId: '5511970000003', name: 'Pedro' }, textMessage('VOLTAR'));
    const back = await eventually(async () => { const r = (await call('GET', `/v1/contacts/${c.id}`)).body; return r.optedOut ? null : r; });
    expect(back).toMatchObject({ optedInVia: 'keyword' });
    const conv = (await call('GET', '/v1/conversations?q=Pedro')).body.items[0];
    expect(conv.contact.optedOut).toBe(false);
  });

  it.each([
    { status: 'human', waId: '5511970000006', name: 'Rita' },
    { status: 'waiting', waId: '5511970000007', name: 'Tales' },
  ])('when a chat is $status and the customer writes PARAR, then they are opted out, the bot stays out of it and a campaign skips them', async ({ status, waId, name }) => {
    const c = await contactOf(waId, name);
    const conv = (await call('GET', `/v1/conversations?q=${name}`)).body.items[0];
    if (status === 'human') {
      const me = (await call('GET', '/v1/me')).body.user.id;
      expect((await call('POST', `/v1/conversations/${conv.id}/assign`, { assigneeId: me })).status).toBe(200);
    } else {
      await p.wa.inbound({ waId, name }, textMessage('atendente'));
      await eventually(async () => (await call('GET', `/v1/conversations/${conv.id}`)).body.status === 'waiting' && sentTexts(p.wa, waId).includes('Já vou chamar alguém'));
    }
    const botSaid = p.wa.sendsTo(waId).length;
    const start = (await call('GET', '/v1/events')).body.nextAfter;

    await p.wa.inbound({ waId, name }, textMessage('PARAR'));
    const out = await eventually(async () => { const r = (await call('GET', `/v1/contacts/${c.id}`)).body; return r.optedOut ? r : null; });
    expect(out.optedOutVia).toBe('keyword');
    expect(await optOutEvents(start, c.id)).toEqual([expect.objectContaining({ via: 'keyword', conversationId: conv.id })]);
    // The agent's inbox shows it on the chat, which stays where it was; the bot said nothing.
    expect((await call('GET', `/v1/conversations/${conv.id}`)).body).toMatchObject({ status, contact: { optedOut: true } });
    expect(p.wa.sendsTo(waId)).toHaveLength(botSaid);

    p.wa.addTemplate({ name: 'promo_optout', language: 'pt_BR', status: 'APPROVED', bodyParams: 0 });
    const campaign = await call('POST', '/v1/campaigns', { name: `Ofertas ${name}`, channelId: p.channelId, template: { name: 'promo_optout', language: 'pt_BR', text: 'Ofertas!' }, audience: { contactIds: [c.id] }, window: { start: '00:00', end: '24:00' } });
    expect(campaign.status).toBe(201);
    expect((await call('POST', `/v1/campaigns/${campaign.body.id}/start`, {})).status).toBe(200);
    await eventually(async () => (await call('GET', `/v1/campaigns/${campaign.body.id}`)).body.status === 'completed', 30_000);
    expect((await call('GET', `/v1/campaigns/${campaign.body.id}/recipients`)).body.items).toEqual([expect.objectContaining({ contactId: c.id, status: 'skipped', reason: 'opted_out' })]);
    expect(p.wa.sendsTo(waId)).toHaveLength(botSaid);
  });

  it('when an opted-out customer writes VOLTAR to an agent, then they are back in and the bot still stays out of the chat', async () => {
    const c = await contactOf('5511970000008', 'Ulisses');
    const conv = (await call('GET', '/v1/conversations?q=Ulisses')).body.items[0];
    await p.wa.inbound({ waId: '5511970000008', name: 'Ulisses' }, textMessage('SAIR'));
    await eventually(async () => (await call('GET', `/v1/contacts/${c.id}`)).body.optedOut);
    const me = (await call('GET', '/v1/me')).body.user.id;
    expect((await call('POST', `/v1/conversations/${conv.id}/assign`, { assigneeId: me })).status).toBe(200);
    await p.wa.inbound({ waId: '5511970000008', name: 'Ulisses' }, textMessage('VOLTAR'));
    const back = await eventually(async () => { const r = (await call('GET', `/v1/contacts/${c.id}`)).body; return r.optedOut ? null : r; });
    expect(back.optedInVia).toBe('keyword');
    await p.wa.inbound({ waId: '5511970000008', name: 'Ulisses' }, textMessage('promo'));
    await eventually(async () => (await call('GET', '/v1/conversations?q=Ulisses')).body.items[0]?.lastMessage?.text === 'promo');
    expect(p.wa.sendsTo('5511970000008')).toEqual([]);
  });

  it('when the preference payload is not signed by the app secret, then it is refused and nothing changes', async () => {
    const c = await contactOf('5511970000004', 'Sonia');
    const raw = JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: 'WABA-1', changes: [{ field: 'user_preferences', value: { user_preferences: [{ wa_id: '5511970000004', category: 'marketing_messages', value: 'stop', timestamp: 1 }] } }] }] });
    expect(await p.wa.postRaw(raw, 'sha256=00')).toBe(401);
    expect((await call('GET', `/v1/contacts/${c.id}`)).body.optedOut).toBe(false);
  });
});

describe('an opt-out recorded by hand', () => {
  const consentAudit = async (contactId: string) =>
    (await call('GET', '/v1/audit-log')).body.items.filter((e: any) => e.targetId === contactId).map((e: any) => ({ action: e.action, actor: e.actor?.id }));

  it('when a member opts a contact out, then it is recorded as theirs, announced and audited once, and the bot and campaigns leave the contact alone until opted back in', async () => {
    const waId = '5511970000010';
    const c = await contactOf(waId, 'Vera');
    const conv = (await call('GET', '/v1/conversations?q=Vera')).body.items[0];
    const me = (await call('GET', '/v1/me')).body.user.id;
    const start = (await call('GET', '/v1/events')).body.nextAfter;

    const out = await call('PATCH', `/v1/contacts/${c.id}`, { optedOut: true });
    expect(out.status).toBe(200);
    expect(out.body).toMatchObject({ optedOut: true, optedOutVia: 'agent', optedOutAt: expect.any(String), name: 'Vera' });
    // Sent twice (a double click, a retry): one opt-out, one event, one audit entry.
    expect((await call('PATCH', `/v1/contacts/${c.id}`, { optedOut: true })).body.optedOutAt).toBe(out.body.optedOutAt);
    expect(await optOutEvents(start, c.id)).toEqual([expect.objectContaining({ via: 'agent', by: me, conversationId: conv.id })]);
    const updates = (await call('GET', `/v1/events?after=${start}`)).body.items.filter((e: any) => e.type === 'contact.updated' && e.contactId === c.id);
    expect(updates).toEqual([expect.objectContaining({ optedOut: true, by: me })]);
    expect(await consentAudit(c.id)).toEqual([{ action: 'contact.opted_out', actor: me }]);
    expect((await call('GET', `/v1/conversations/${conv.id}`)).body.contact.optedOut).toBe(true);

    // The bot keeps quiet for an opted-out customer, as after PARAR; a campaign skips them.
    await p.wa.inbound({ waId, name: 'Vera' }, textMessage('promo'));
    await eventually(async () => (await call('GET', '/v1/conversations?q=Vera')).body.items[0]?.lastMessage?.text === 'promo');
    p.wa.addTemplate({ name: 'promo_manual', language: 'pt_BR', status: 'APPROVED', bodyParams: 0 });
    const campaign = await call('POST', '/v1/campaigns', { name: 'Ofertas Vera', channelId: p.channelId, template: { name: 'promo_manual', language: 'pt_BR', text: 'Ofertas!' }, audience: { contactIds: [c.id] }, window: { start: '00:00', end: '24:00' } });
    expect((await call('POST', `/v1/campaigns/${campaign.body.id}/start`, {})).status).toBe(200);
    await eventually(async () => (await call('GET', `/v1/campaigns/${campaign.body.id}`)).body.status === 'completed', 30_000);
    expect((await call('GET', `/v1/campaigns/${campaign.body.id}/recipients`)).body.items).toEqual([expect.objectContaining({ status: 'skipped', reason: 'opted_out' })]);
    expect(sentTexts(p.wa, waId)).toEqual([]);

    const back = await call('PATCH', `/v1/contacts/${c.id}`, { optedOut: false });
    expect(back.body).toMatchObject({ optedOut: false, optedOutAt: null, optedInVia: 'agent', optedInAt: expect.any(String) });
    expect(await consentAudit(c.id)).toEqual([{ action: 'contact.opted_in', actor: me }, { action: 'contact.opted_out', actor: me }]);
    await p.wa.inbound({ waId, name: 'Vera' }, textMessage('promo'));
    await eventually(() => sentTexts(p.wa, waId).includes('Temos ofertas!'));
  });

  it('when a contact who never opted out is set to opted in, then nothing is recorded, announced or audited', async () => {
    const c = await contactOf('5511970000011', 'Wagner');
    const start = (await call('GET', '/v1/events')).body.nextAfter;
    const res = await call('PATCH', `/v1/contacts/${c.id}`, { optedOut: false, name: 'Wagner Lima' });
    expect(res.body).toMatchObject({ name: 'Wagner Lima', optedOut: false, optedInAt: null, optedInVia: null });
    const events = (await call('GET', `/v1/events?after=${start}`)).body.items.filter((e: any) => e.contactId === c.id);
    expect(events.map((e: any) => e.type)).toEqual(['contact.updated']);
    expect(events[0].optedOut).toBeUndefined();
    expect(await consentAudit(c.id)).toEqual([]);
  });

  it('when an agent, a bad value or an unknown contact is sent, then it is refused and nothing changes', async () => {
    const c = await contactOf('5511970000012', 'Xavier');
    const agent = await addMember(p.app, p.tenantId, 'Yara', 'agent');
    expect((await call('PATCH', `/v1/contacts/${c.id}`, { optedOut: true }, agent.token)).status).toBe(403);
    const bad = await call('PATCH', `/v1/contacts/${c.id}`, { optedOut: 'sim' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('optedOut');
    expect((await call('PATCH', '/v1/contacts/00000000-0000-4000-8000-000000000000', { optedOut: true })).status).toBe(404);
    expect((await call('GET', `/v1/contacts/${c.id}`)).body.optedOut).toBe(false);
    const marketer = await addMember(p.app, p.tenantId, 'Zeca', 'marketer');
    expect((await call('PATCH', `/v1/contacts/${c.id}`, { optedOut: true }, marketer.token)).body).toMatchObject({ optedOut: true, optedOutVia: 'agent' });
  });

  it('when an agent records from the chat that the customer wants no more marketing, then the contact is opted out as theirs, once; other roles, workspaces and ids are refused', async () => {
    const c = await contactOf('5511970000013', 'Yolanda');
    const conv = (await call('GET', '/v1/conversations?q=Yolanda')).body.items[0];
    const agent = await addMember(p.app, p.tenantId, 'Zilda', 'agent');
    const start = (await call('GET', '/v1/events')).body.nextAfter;
    const out = await call('POST', `/v1/conversations/${conv.id}/opt-out`, {}, agent.token);
    expect(out).toMatchObject({ status: 200, body: { contactId: c.id, optedOut: true } });
    expect((await call('POST', `/v1/conversations/${conv.id}/opt-out`, {}, agent.token)).status).toBe(200);
    expect((await call('GET', `/v1/contacts/${c.id}`)).body).toMatchObject({ optedOut: true, optedOutVia: 'agent' });
    expect(await optOutEvents(start, c.id)).toEqual([expect.objectContaining({ via: 'agent', by: agent.id, conversationId: conv.id })]);
    expect(await consentAudit(c.id)).toEqual([{ action: 'contact.opted_out', actor: agent.id }]);
    // Opting back in records consent: not from the chat, and not by an agent.
    expect((await call('PATCH', `/v1/contacts/${c.id}`, { optedOut: false }, agent.token)).status).toBe(403);

    const other = await contactOf('5511970000014', 'Yasmin');
    const otherConv = (await call('GET', '/v1/conversations?q=Yasmin')).body.items[0];
    const marketer = await addMember(p.app, p.tenantId, 'Yuri', 'marketer');
    expect((await call('POST', `/v1/conversations/${otherConv.id}/opt-out`, {}, marketer.token)).status).toBe(403);
    const stranger = await signupWorkspace(p.app);
    expect((await call('POST', `/v1/conversations/${otherConv.id}/opt-out`, {}, stranger.token)).status).toBe(404);
    expect((await call('POST', '/v1/conversations/00000000-0000-4000-8000-000000000000/opt-out', {}, agent.token)).status).toBe(404);
    expect((await call('POST', '/v1/conversations/not-an-id/opt-out', {}, agent.token)).status).toBe(404);
    expect((await call('GET', `/v1/contacts/${other.id}`)).body.optedOut).toBe(false);
  });
});
