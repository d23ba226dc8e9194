import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { signupWorkspace, type TestApp } from '../../server/test/harness';
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

  it('when someone forgot their password on a server that sends no email, then the page says who can make the link, and the link sets a new password', async () => {
    const owner = await signupWorkspace(app, 'Doceria Reset');
    const page = await browser.newPage({ locale: 'pt-BR' });
    await page.goto(`${app.url}/login`);
    await page.click('[data-testid=forgot-password]');
    await page.waitForURL('**/reset-password');
    await page.click('[data-testid=reset-request]');
    await page.getByText('Este campo é obrigatório.').waitFor();
    await page.fill('input[name=email]', owner.email);
    await page.click('[data-testid=reset-request]');
    // This server has no SMTP_URL: "a link is on its way" would be untrue.
    const notice = page.getByTestId('reset-no-email');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('Nenhum e-mail foi enviado');
    expect(await notice.innerText()).toContain('npm run password:reset-link -- seu@email');
    expect(await page.getByTestId('reset-sent').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('reset-no-email-pt-BR') });

    // Outside production the link the email would carry is in the server's log; the command makes the same kind.
    const line = app.logs.lines.map((l) => JSON.parse(l) as { mail?: { to: string; link: string } }).reverse().find((l) => l.mail?.to === owner.email);
    await page.goto(line!.mail!.link);
    await page.fill('input[name=password]', 'curta');
    await page.click('[data-testid=reset-confirm]');
    await page.getByText('Use pelo menos 8 caracteres.').waitFor();
    await page.fill('input[name=password]', 'nova-senha-doce-1');
    await page.click('[data-testid=reset-confirm]');
    await page.getByTestId('reset-done').waitFor();
    await page.getByText('Voltar para o login').click();
    await page.fill('input[name=email]', owner.email);
    await page.fill('input[name=password]', 'nova-senha-doce-1');
    await page.click('[data-testid=login-submit]');
    await page.waitForURL('**/flows');

    const en = await browser.newPage({ locale: 'en-US' });
    await en.goto(`${app.url}/reset-password`);
    await en.fill('input[name=email]', 'nobody@example.com');
    await en.click('[data-testid=reset-request]');
    await en.getByTestId('reset-no-email').waitFor();
    expect(await en.getByTestId('reset-no-email').innerText()).toContain('This server is not set up to send email');
    await en.screenshot({ path: screenshotPath('reset-no-email-en') });
  });
});
