// Settings → Webhooks: an owner adds an endpoint (a loopback receiver, allow-listed), copies the
// secret shown once, sends a test event, and sees the signed delivery in the log; a chat the
// customer reopens arrives as conversation.reopened and is logged too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { api, signupWorkspace, type TestApp } from '../../server/test/harness';
import { startReceiver } from '../../server/test/webhook-receiver';
import { launchBrowser, screenshotPath } from './browser';
import { signedInPage, startAppWithClient } from './builder-page';

let app: TestApp;
let browser: Browser;
let token: string;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  receiver = await startReceiver();
  app = await startAppWithClient({ OUTBOUND_ALLOW_HOSTS: '127.0.0.1' });
  browser = await launchBrowser();
  token = (await signupWorkspace(app, 'Padaria')).token;
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await receiver?.close();
});

describe('settings: webhooks', () => {
  it('when an owner creates an endpoint and sends a test event, then the receiver verifies it and the log shows the delivery', async () => {
    const page = await signedInPage(browser, app, token, 'pt-BR');
    await page.goto(`${app.url}/settings?tab=webhooks`);
    // The button waits for an address and an event, and says which it waits for.
    expect(await page.getByTestId('webhook-create').isDisabled()).toBe(true);
    expect(await page.getByTestId('webhook-create-hint').textContent()).toBe('Digite primeiro a URL do endpoint.');
    // An address without https://, then one on a private network: each refused in words that say what to do.
    await page.fill('[data-testid=webhook-url]', 'minha-loja.com/hook');
    expect(await page.getByTestId('webhook-create-hint').textContent()).toBe('Escolha pelo menos um evento para enviar.');
    await page.click('[data-testid="webhook-event-message.received"]');
    expect(await page.getByTestId('webhook-create-hint').count()).toBe(0);
    await page.click('[data-testid=webhook-create]');
    await page.getByText('Escreva o endereço completo, começando com https:// (por exemplo, https://minha-loja.com/webhooks).').waitFor();
    await page.fill('[data-testid=webhook-url]', 'http://192.168.0.10/hook');
    await page.click('[data-testid=webhook-create]');
    await page.getByText('Este endereço é de uma rede privada, local ou reservada.', { exact: false }).waitFor();
    await page.screenshot({ path: screenshotPath('settings-webhooks-private-pt-BR') });
    await page.fill('[data-testid=webhook-url]', receiver.url('/padaria'));
    await page.click('[data-testid="webhook-event-conversation.transferred"]');
    await page.click('[data-testid="webhook-event-conversation.reopened"]');
    expect(await page.isChecked('[data-testid="webhook-event-conversation.reopened"]')).toBe(true);
    // Each event says what it means in the user's language: none is a bare name.
    await page.getByText('Uma conversa encerrada voltou a ser aberta (o cliente escreveu ou um membro a reabriu).').waitFor();
    const offered = (await api(app, 'GET', '/v1/webhook-endpoints', undefined, token)).body.eventTypes as string[];
    const described = await page.locator('.mantine-Checkbox-description').allTextContents();
    expect(described.filter((d) => d.trim())).toHaveLength(offered.length);
    await page.screenshot({ path: screenshotPath('settings-webhooks-events-pt-BR'), fullPage: true });
    await page.click('[data-testid=webhook-create]');
    const secret = (await page.textContent('[data-testid=webhook-secret]'))!;
    expect(secret).toMatch(/^whsec_/);
    await page.screenshot({ path: screenshotPath('settings-webhooks-secret-pt-BR') });
    await page.click('[data-testid=webhook-secret-done]');
    await expect.poll(() => page.textContent('[data-testid=webhook-endpoint-url]')).toBe(receiver.url('/padaria'));

    await page.click('[data-testid=webhook-send-test]');
    await expect.poll(() => receiver.received.length, { timeout: 10_000 }).toBe(1);
    const delivery = receiver.received[0]!;
    expect(new Webhook(secret).verify(delivery.body, receiver.headersOf(delivery))).toMatchObject({ type: 'webhook.test' });
    await expect.poll(() => page.locator('[data-testid=webhook-delivery]').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.textContent('[data-testid=webhook-delivery-status]')).toContain('200');
    expect(await page.textContent('[data-testid=webhook-log]')).toContain('webhook.test');
    await page.screenshot({ path: screenshotPath('settings-webhooks-log-pt-BR'), fullPage: true });
    expect(await page.textContent('[data-testid=webhook-endpoint]')).toContain('conversation.reopened');

    // A customer writes again in a chat the team closed: the endpoint hears it reopened.
    const channelId = (await api(app, 'POST', '/v1/channels', { type: 'webchat', name: 'Site' }, token)).body.id;
    const visitor = (await api(app, 'POST', `/v1/webchat/${channelId}/sessions`, { name: 'Lia' })).body.visitorToken;
    await api(app, 'POST', `/v1/webchat/${channelId}/messages`, { text: 'Oi' }, visitor);
    const firstConversation = async () => (await api(app, 'GET', `/v1/conversations?channelId=${channelId}`, undefined, token)).body.items[0]?.id as string | undefined;
    await expect.poll(firstConversation).toBeTruthy();
    const conversationId = (await firstConversation())!;
    expect((await api(app, 'POST', `/v1/conversations/${conversationId}/close`, {}, token)).status).toBe(200);
    await api(app, 'POST', `/v1/webchat/${channelId}/messages`, { text: 'Voltei' }, visitor);
    const reopened = () => receiver.received.map((r) => new Webhook(secret).verify(r.body, receiver.headersOf(r)) as { type: string })
      .filter((e) => e.type === 'conversation.reopened');
    await expect.poll(() => reopened().length, { timeout: 10_000 }).toBe(1);
    expect(reopened()[0]).toMatchObject({ data: { conversationId, channelId, status: 'bot', previousStatus: 'closed', by: null } });
    // The test event, both messages (message.received was picked first) and the reopen.
    await expect.poll(() => receiver.received.length, { timeout: 10_000 }).toBe(4);
    await page.locator('[data-testid=webhook-log]').getByRole('button', { name: 'Atualizar' }).click();
    await expect.poll(() => page.locator('[data-testid=webhook-delivery]').count(), { timeout: 10_000 }).toBe(4);
    expect(await page.textContent('[data-testid=webhook-log]')).toContain('conversation.reopened');
    await page.screenshot({ path: screenshotPath('settings-webhooks-reopened-pt-BR'), fullPage: true });
    // The secret is never shown again.
    await page.reload();
    await page.waitForSelector('[data-testid=webhook-endpoint]');
    expect(await page.content()).not.toContain(secret);
    // Paused after a confirmation, it keeps its log and takes nothing until enabled again.
    await page.click('[data-testid=webhook-pause]');
    await page.getByText('Pausar este endpoint?').waitFor();
    await page.click('[data-testid=confirm-pause]');
    await page.getByTestId('webhook-enable').waitFor();
    expect((await api(app, 'GET', '/v1/webhook-endpoints', undefined, token)).body.items[0].active).toBe(false);
    expect(await page.locator('[data-testid=webhook-delivery]').count()).toBe(4);
    await page.screenshot({ path: screenshotPath('settings-webhooks-paused-pt-BR'), fullPage: true });
    await page.click('[data-testid=webhook-enable]');
    await page.getByTestId('webhook-pause').waitFor();
  });
});
