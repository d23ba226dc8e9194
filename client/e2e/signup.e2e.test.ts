import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestApp } from '../../server/test/harness';
import { screenshotPath } from './browser';
import { startAppSuite } from './suites';

let app: TestApp;
let browser: Browser;

startAppSuite((s) => ({ app, browser } = s));

describe('sign-up journey', () => {
  it('when a visitor signs up, then they land in the shell with Flows, Inbox and Settings', async () => {
    const page = await browser.newPage({ locale: 'en-US' });
    await page.goto(`${app.url}/signup`);
    await page.fill('input[name=workspaceName]', 'Doceria da Ana');
    await page.fill('input[name=name]', 'Ana Souza');
    await page.fill('input[name=email]', `ana${Date.now()}@example.com`);
    // A short password: the error takes the hint's place rather than repeating it beneath.
    await page.fill('input[name=password]', 'curta');
    await page.click('[data-testid=signup-submit]');
    await page.getByText('Use at least 8 characters.').waitFor();
    expect(await page.getByText('At least 8 characters.', { exact: true }).count()).toBe(0);
    await page.fill('input[name=password]', 'senha-forte-123');
    expect(await page.getByText('At least 8 characters.', { exact: true }).count()).toBe(1);
    await page.click('[data-testid=signup-submit]');
    await page.waitForURL('**/flows');
    await expect.poll(() => page.textContent('[data-testid=workspace-name]')).toContain('Doceria da Ana');
    for (const nav of ['nav-flows', 'nav-inbox', 'nav-settings']) expect(await page.isVisible(`[data-testid=${nav}]`)).toBe(true);
    await page.screenshot({ path: screenshotPath('shell-en') });

    await page.selectOption('[data-testid=lang-switch]', 'pt-BR');
    await expect.poll(() => page.textContent('[data-testid=nav-inbox]')).toContain('Caixa de entrada');
    await page.screenshot({ path: screenshotPath('shell-pt-BR') });

    await page.reload();
    await expect.poll(() => page.textContent('[data-testid=nav-inbox]')).toContain('Caixa de entrada');
  });

  it('when the password is wrong, then the login page says so and stays', async () => {
    const page = await browser.newPage({ locale: 'en-US' });
    await page.goto(`${app.url}/login`);
    await page.fill('input[name=email]', 'nobody@example.com');
    await page.fill('input[name=password]', 'wrong-password');
    await page.click('[data-testid=login-submit]');
    await page.waitForSelector('[data-testid=form-error]');
    expect(page.url()).toContain('/login');
  });
});
