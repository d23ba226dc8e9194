// The built client works under the server's Content-Security-Policy: login, flows list, builder
// (with the test chat's websocket), settings, inbox and the web-chat try page, without one
// violation reported by the browser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { edge, flow, keywordTrigger, node } from '../../server/test/flow-docs';
import { api, signupWorkspace, type TestApp } from '../../server/test/harness';
import { launchBrowser, screenshotPath } from './browser';
import { addNode, startAppWithClient, waitSaved, sayInTestChat } from './builder-page';

let app: TestApp;
let browser: Browser;
let owner: Awaited<ReturnType<typeof signupWorkspace>>;
let flowId: string;
let channelId: string;

beforeAll(async () => {
  app = await startAppWithClient();
  browser = await launchBrowser();
  owner = await signupWorkspace(app, 'Quitanda');
  const doc = flow([keywordTrigger('oi'), node('hi', 'message', { text: 'Olá! Bem-vindo à Quitanda.' })], [edge('start', 'next', 'hi')]);
  flowId = (await api(app, 'POST', '/v1/flows', { name: 'Boas-vindas', document: doc }, owner.token)).body.id;
  await api(app, 'POST', `/v1/flows/${flowId}/publish`, {}, owner.token);
  channelId = (await api(app, 'POST', '/v1/channels', { type: 'webchat', name: 'Site' }, owner.token)).body.id;
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** Every CSP violation the page reports, from the DOM event and from the console. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction('reportViolation', (text: string) => seen.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportViolation(t: string): void }).reportViolation(`${e.violatedDirective} blocked ${e.blockedURI}`);
    });
  });
  page.on('console', (msg) => {
    if (/content security policy|refused to/i.test(msg.text())) seen.push(msg.text());
  });
  page.on('pageerror', (err) => seen.push(`page error: ${err.message}`));
  return seen;
}

describe('content security policy', () => {
  it('when an owner logs in and uses flows, builder, test chat, settings and inbox, then nothing is blocked', async () => {
    const page = await browser.newPage({ locale: 'en-US', viewport: { width: 1440, height: 900 } });
    const violations = await watchViolations(page);
    const login = await page.goto(`${app.url}/login`);
    expect(login?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.fill('input[name=email]', owner.email);
    await page.fill('input[name=password]', owner.password);
    await page.click('[data-testid=login-submit]');
    await page.waitForURL('**/flows');
    await page.waitForSelector(`[data-testid=flow-row-${flowId}]`);

    await page.click('[data-testid=new-flow]');
    await page.fill('[data-testid=flow-name-input]', 'Promoção');
    await page.click('[data-testid=flow-name-submit]');
    await page.waitForSelector('.react-flow__node');
    await addNode(page, 'message');
    await waitSaved(page);

    await page.goto(`${app.url}/flows/${flowId}`);
    await page.waitForSelector('.react-flow__node');
    await sayInTestChat(page, 'oi');
    await page.waitForSelector('[data-testid=test-bot-message]:has-text("Bem-vindo à Quitanda")', { timeout: 15_000 });
    await page.screenshot({ path: screenshotPath('csp-builder-test-chat-en') });

    await page.goto(`${app.url}/settings`);
    for (const tab of ['channels', 'ai', 'workspace', 'language']) {
      await page.click(`[data-testid=settings-tab-${tab}]`);
      await page.waitForURL(tab === 'channels' ? /\/settings$/ : new RegExp(`tab=${tab}`));
    }
    await page.click('[data-testid=lang-radio-pt-BR]');
    await expect.poll(() => page.textContent('[data-testid=nav-settings]')).toContain('Configurações');
    await page.click('[data-testid=nav-inbox]');
    await page.waitForURL('**/inbox');
    await page.screenshot({ path: screenshotPath('csp-inbox-pt-BR') });
    expect(violations).toEqual([]);
  });

  it('when a visitor chats on the try page, then the widget, its API and websocket work under the policy', async () => {
    const page = await browser.newPage({ locale: 'pt-BR' });
    const violations = await watchViolations(page);
    const res = await page.goto(`${app.url}/try/${channelId}`);
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    const widget = page.locator('#zyntra-webchat');
    await widget.locator('.launcher').click();
    await widget.locator('input').fill('oi');
    await widget.locator('input').press('Enter');
    await expect.poll(() => widget.locator('.bubble.out').allTextContents(), { timeout: 15_000 }).toEqual(['Olá! Bem-vindo à Quitanda.']);
    await page.screenshot({ path: screenshotPath('csp-try-page') });
    expect(violations).toEqual([]);
  });
});
