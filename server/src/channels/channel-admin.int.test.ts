// Channels as an owner manages them: tested with the provider before they are active, edited
// (secrets kept unless given), disabled, enabled, deleted — each change audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, signupWorkspace, startTestApp, type TestApp } from '../../test/harness';
import { phoneNumberIdFor, startFakeWhatsApp, type FakeWhatsApp } from '../../test/fakes/fake-whatsapp';
import { startFakeEvolution, type FakeEvolution } from '../../test/fakes/fake-evolution';

const TOKEN = 'EAAG-real-token';
let app: TestApp;
let wa: FakeWhatsApp;
let evo: FakeEvolution;
let owner: Awaited<ReturnType<typeof signupWorkspace>>;

beforeAll(async () => {
  wa = await startFakeWhatsApp({ accessToken: TOKEN, appSecret: 'app-secret' });
  evo = await startFakeEvolution({ apiKey: 'evo-key', instance: 'loja1', webhookUrl: () => 'http://127.0.0.1:9', webhookToken: () => 'webhook-token-1' });
  app = await startTestApp({ WHATSAPP_GRAPH_BASE_URL: wa.baseUrl, OUTBOUND_ALLOW_HOSTS: '127.0.0.1' });
  owner = await signupWorkspace(app);
});
afterAll(async () => {
  await app?.close();
  await Promise.all([wa?.close(), evo?.close()]);
});

const whatsapp = (over: Record<string, string> = {}) =>
  ({ type: 'whatsapp_cloud', name: 'Loja', config: { phoneNumberId: phoneNumberIdFor, businessAccountId: 'WABA-1', accessToken: TOKEN, appSecret: 'app-secret', verifyToken: 'verify-me', ...over } });
const call = (method: string, path: string, body?: unknown) => api(app, method, path, body, owner.token);

describe('channel connection', () => {
  it('when the settings are wrong, then the channel is pending, not active, and says why; a loopback webhook URL is flagged', async () => {
    const res = await call('POST', '/v1/channels', whatsapp({ phoneNumberId: '5511999990000', accessToken: 'x' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'pending', connection: { ok: false, detail: expect.stringContaining('401') }, warnings: ['webhook_url_loopback'] });
    const test = await call('POST', `/v1/channels/${res.body.id}/test`);
    expect(test.body).toMatchObject({ status: 'pending', connection: { ok: false } });
  });

  it('when the provider confirms the number, then the channel is active; fixing the token later activates a pending one', async () => {
    const good = await call('POST', '/v1/channels', whatsapp());
    expect(good.body).toMatchObject({ status: 'active', connection: { ok: true, detail: expect.stringContaining('555-078-3881') } });
    const bad = await call('POST', '/v1/channels', whatsapp({ accessToken: 'wrong' }));
    expect(bad.body.status).toBe('pending');
    const fixed = await call('PATCH', `/v1/channels/${bad.body.id}`, { config: { accessToken: TOKEN } });
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({ status: 'active', connection: { ok: true }, config: { phoneNumberId: phoneNumberIdFor } });
    expect(JSON.stringify(fixed.body)).not.toContain(TOKEN);
    const audit = (await call('GET', '/v1/audit-log')).body.items;
    expect(audit[0]).toMatchObject({ action: 'channel.credentials_changed', targetId: bad.body.id, data: { keys: ['accessToken'] } });
    expect(JSON.stringify(audit)).not.toContain(TOKEN);
  });

  it('when WhatsApp tells the number\'s messaging limit, then the channel keeps it through edits and tests, and forgets it for another number', async () => {
    wa.messagingLimit = 'TIER_1K';
    try {
      const created = await call('POST', '/v1/channels', whatsapp());
      expect(created.body.config).toMatchObject({ messagingLimitTier: 'TIER_1K' });
      wa.messagingLimit = undefined;
      const edited = await call('PATCH', `/v1/channels/${created.body.id}`, { config: { verifyToken: 'other-verify' } });
      expect(edited.body).toMatchObject({ status: 'active', config: { messagingLimitTier: 'TIER_1K' } });
      wa.messagingLimit = 'TIER_10K';
      expect((await call('POST', `/v1/channels/${created.body.id}/test`)).body.config).toMatchObject({ messagingLimitTier: 'TIER_10K' });
      expect((await call('GET', `/v1/channels/${created.body.id}`)).body.config.messagingLimitTier).toBe('TIER_10K');
      wa.messagingLimit = undefined;
      const moved = await call('PATCH', `/v1/channels/${created.body.id}`, { config: { phoneNumberId: '5511999990000' } });
      expect(moved.body.status).toBe('pending');
      expect(moved.body.config.messagingLimitTier).toBeUndefined();
    } finally {
      wa.messagingLimit = undefined;
    }
  });

  it('when an Evolution instance is open, then its channel is active; an unknown instance leaves it pending', async () => {
    const config = { baseUrl: evo.baseUrl, instance: 'loja1', apiKey: 'evo-key', webhookToken: 'webhook-token-1' };
    expect((await call('POST', '/v1/channels', { type: 'evolution', name: 'Evo', config })).body).toMatchObject({ status: 'active', connection: { ok: true } });
    const other = await call('POST', '/v1/channels', { type: 'evolution', name: 'Evo 2', config: { ...config, instance: 'nope' } });
    expect(other.body).toMatchObject({ status: 'pending', connection: { ok: false, detail: expect.stringContaining('404') } });
  });
});

describe('channel management', () => {
  it('when renamed, disabled, enabled and deleted, then each answer shows it, webhooks stop while disabled, and it is audited', async () => {
    const id = (await call('POST', '/v1/channels', whatsapp())).body.id;
    expect((await call('PATCH', `/v1/channels/${id}`, { name: 'Loja Centro' })).body).toMatchObject({ name: 'Loja Centro', status: 'active' });
    const verify = `/v1/webhooks/whatsapp/${id}?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=42`;
    expect((await fetch(app.url + verify)).status).toBe(200);
    expect((await call('POST', `/v1/channels/${id}/disable`)).body.status).toBe('disabled');
    expect((await fetch(app.url + verify)).status).toBe(404);
    expect((await call('PATCH', `/v1/channels/${id}`, { config: { verifyToken: 'new-verify' } })).body.status).toBe('disabled');
    expect((await call('POST', `/v1/channels/${id}/enable`)).body).toMatchObject({ status: 'active', connection: { ok: true } });
    expect((await fetch(app.url + verify.replace('verify-me', 'new-verify'))).status).toBe(200);
    expect((await call('PATCH', `/v1/channels/${id}`, {})).status).toBe(400);
    expect((await call('PATCH', `/v1/channels/${id}`, { config: { phoneNumberId: '' } })).status).toBe(400);
    expect((await call('DELETE', `/v1/channels/${id}`)).status).toBe(204);
    expect((await call('GET', `/v1/channels/${id}`)).status).toBe(404);
    expect((await call('DELETE', `/v1/channels/${id}`)).status).toBe(404);
    const actions = (await call('GET', '/v1/audit-log')).body.items.filter((i: { targetId: string }) => i.targetId === id).map((i: { action: string }) => i.action);
    expect(actions).toEqual(['channel.deleted', 'channel.enabled', 'channel.credentials_changed', 'channel.disabled', 'channel.updated', 'channel.created']);
  });

  it("when a web chat's header title is emptied, then it is cleared (the widget falls back to its own), and the rest is kept", async () => {
    const created = await call('POST', '/v1/channels', { type: 'webchat', name: 'Site', config: { title: 'Doces da Márcia', color: '#228be6' } });
    expect(created.status).toBe(201);
    const cleared = await call('PATCH', `/v1/channels/${created.body.id}`, { config: { title: '' } });
    expect(cleared.status).toBe(200);
    expect(cleared.body.config.title).toBeUndefined();
    expect(cleared.body.config.color).toBe('#228be6');
  });

  it("when the customers' language of an Evolution or WhatsApp channel is set, then it is kept with the settings and only it changes, unasked of the provider", async () => {
    const config = { baseUrl: evo.baseUrl, instance: 'loja1', apiKey: 'evo-key', webhookToken: 'webhook-token-1', language: 'en' };
    const evolution = await call('POST', '/v1/channels', { type: 'evolution', name: 'Evo EN', config });
    expect(evolution.body).toMatchObject({ status: 'active', config: { instance: 'loja1', language: 'en' } });
    const back = await call('PATCH', `/v1/channels/${evolution.body.id}`, { config: { language: 'pt-BR' } });
    expect(back.body).toMatchObject({ status: 'active', config: { instance: 'loja1', language: 'pt-BR' } });
    expect(back.body.connection).toBeUndefined();
    // A pending number stays pending: a change of wording is no connection test.
    const cloud = await call('POST', '/v1/channels', whatsapp({ accessToken: 'wrong' }));
    expect(cloud.body.status).toBe('pending');
    const english = await call('PATCH', `/v1/channels/${cloud.body.id}`, { config: { language: 'en' } });
    expect(english.body).toMatchObject({ status: 'pending', config: { language: 'en', businessAccountId: 'WABA-1' } });
    const spanish = await call('PATCH', `/v1/channels/${cloud.body.id}`, { config: { language: 'es' } });
    expect(spanish.status).toBe(400);
    expect(JSON.stringify(spanish.body)).toContain('"path":"language"');
  });

  it('when another workspace manages the channel, then 404 and nothing changes', async () => {
    const id = (await call('POST', '/v1/channels', whatsapp())).body.id;
    const b = await signupWorkspace(app);
    for (const [method, path, body] of [['PATCH', '', { name: 'x' }], ['DELETE', ''], ['POST', '/test'], ['POST', '/disable'], ['POST', '/enable']] as const) {
      expect((await api(app, method, `/v1/channels/${id}${path}`, body, b.token)).status).toBe(404);
    }
    expect((await call('GET', `/v1/channels/${id}`)).body).toMatchObject({ name: 'Loja', status: 'active' });
  });
});
