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
    // What a receiver needs to read a delivery (each event's body, the signature headers) is one click away.
    expect(await page.getByTestId('webhooks-reference').getAttribute('href')).toBe('/developers');
    expect(await page.getByTestId('webhooks-reference').textContent()).toBe('O corpo de cada evento e os cabeçalhos da assinatura estão descritos na referência da API.');
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

  it.each([['pt-BR', 'Ativo', 'sem resposta'], ['en', 'Active', 'no answer']] as const)('when an owner checks webhooks on a 390 px phone (%s), then the page fits, the log scrolls inside its card and the badges read whole', async (lang, active, noAnswer) => {
    // Nothing listens there: the test event is logged with no answer, the widest result there is.
    const url = `http://127.0.0.1:9/hooks/${lang}/zyntra-webhooks-da-padaria`;
    const created = await api(app, 'POST', '/v1/webhook-endpoints', { url, events: ['message.received'] }, token);
    expect(created.status).toBe(201);
    expect((await api(app, 'POST', `/v1/webhook-endpoints/${created.body.id}/test`, {}, token)).status).toBeLessThan(300);
    const page = await signedInPage(browser, app, token, lang, true);
    await page.goto(`${app.url}/settings?tab=webhooks`);
    const card = page.getByTestId('webhook-endpoint').filter({ hasText: url });
    await expect.poll(() => card.getByTestId('webhook-delivery-status').first().textContent(), { timeout: 15_000 }).toContain(noAnswer);
    await page.waitForFunction(() => document.getAnimations().length === 0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Each badge shows its whole words, not "A…" or "SEM R…".
    const status = card.getByTestId('webhook-endpoint-status');
    expect(await status.textContent()).toBe(active);
    for (const badge of [status, card.getByTestId('webhook-delivery-status').first()]) {
      expect(await badge.locator('.mantine-Badge-label').evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
    }
    // The log is wider than the phone: it scrolls within the card, whose edge stays on screen.
    const frame = card.getByTestId('webhook-log-frame');
    expect(await frame.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
    const box = (await card.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath(`settings-webhooks-phone-${lang}`), fullPage: true });
    // Scrolled to its end, the log shows the result whole.
    await frame.evaluate((e) => e.scrollTo({ left: e.scrollWidth }));
    await card.screenshot({ path: screenshotPath(`settings-webhooks-phone-log-${lang}`) });
    await page.close();
  });
});
