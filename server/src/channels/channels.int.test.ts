import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, signupWorkspace, startTestApp, type TestApp } from '../../test/harness';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

const whatsapp = { phoneNumberId: '1065', businessAccountId: 'W1', accessToken: 'EAAG-x', appSecret: 's', verifyToken: 'v' };

describe('channels API', () => {
  it('when a channel is created, then it is listed and readable with its webhook URL', async () => {
    const s = await signupWorkspace(app);
    const created = await api(app, 'POST', '/v1/channels', { type: 'whatsapp_cloud', name: 'Loja', config: whatsapp }, s.token);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ type: 'whatsapp_cloud', name: 'Loja', config: { phoneNumberId: '1065', businessAccountId: 'W1' } });
    expect(created.body.webhookUrl).toBe(`${app.url}/v1/webhooks/whatsapp/${created.body.id}`);
    expect((await api(app, 'GET', `/v1/channels/${created.body.id}`, undefined, s.token)).body.id).toBe(created.body.id);
    expect((await api(app, 'GET', '/v1/channels', undefined, s.token)).body.items).toHaveLength(1);
  });

  it('when the config is incomplete, then 400 lists every missing field', async () => {
    const s = await signupWorkspace(app);
    const res = await api(app, 'POST', '/v1/channels', { type: 'whatsapp_cloud', name: 'X', config: { phoneNumberId: '1' } }, s.token);
    expect(res.status).toBe(400);
    expect(res.body.error.issues.map((i: any) => i.path).sort()).toEqual(['config.accessToken', 'config.appSecret', 'config.businessAccountId', 'config.verifyToken']);
  });

  it('when an Evolution server address is not an http or https URL, then 400 names the field', async () => {
    const s = await signupWorkspace(app);
    for (const baseUrl of ['ftp://evo.example.com', 'file:///etc/passwd', 'https://admin:pw@evo.example.com']) {
      const res = await api(app, 'POST', '/v1/channels', { type: 'evolution', name: 'Zap', config: { baseUrl, instance: 'loja', apiKey: 'k', webhookToken: 'token-123456' } }, s.token);
      expect(res.status, baseUrl).toBe(400);
      expect(res.body.error.issues.map((i: { path: string }) => i.path)).toEqual(['config.baseUrl']);
    }
    expect((await api(app, 'GET', '/v1/channels', undefined, s.token)).body.items).toEqual([]);
  });

  it('when another workspace or a malformed id is used, then 404 or 400, never 500', async () => {
    const a = await signupWorkspace(app);
    const b = await signupWorkspace(app);
    const created = await api(app, 'POST', '/v1/channels', { type: 'webchat', name: 'Site' }, a.token);
    expect((await api(app, 'GET', `/v1/channels/${created.body.id}`, undefined, b.token)).status).toBe(404);
    expect((await api(app, 'GET', '/v1/channels', undefined, b.token)).body.items).toEqual([]);
    expect((await api(app, 'GET', '/v1/channels/not-a-uuid', undefined, a.token)).status).toBe(404);
    expect((await api(app, 'POST', '/v1/webhooks/whatsapp/not-a-uuid', {})).status).toBe(404);
  });
});
