import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { api, signupWorkspace, type TestApp } from '../../server/test/harness';
import { screenshotPath } from './browser';
import { signedInPage } from './builder-page';
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

  it('when a person changes their name and password under Your account, then the header follows, a wrong current password is said at its field, and their other login ends', async () => {
    const owner = await signupWorkspace(app, 'Sorveteria');
    const elsewhere = (await api(app, 'POST', '/v1/auth/login', { email: owner.email, password: owner.password })).body;
    const page = await signedInPage(browser, app, owner.token, 'pt-BR');
    const phone = await signedInPage(browser, app, elsewhere.token, 'en', true);
    await phone.goto(`${app.url}/flows`);
    await page.goto(`${app.url}/flows`);
    await page.getByTestId('account-link').click();
    await page.waitForURL('**/account');
    await page.getByRole('heading', { name: 'Minha conta' }).waitFor();
    expect(await page.getByTestId('account-email').inputValue()).toBe(owner.email);

    await page.getByLabel('Seu nome').fill('Ana Paula Souza');
    await page.getByTestId('account-save-name').click();
    await page.getByText('Nome salvo.').waitFor();
    await expect.poll(() => page.getByTestId('user-name').textContent()).toBe('Ana Paula Souza');

    await page.getByLabel('Senha atual').fill('nao-e-essa');
    await page.getByLabel('Nova senha').fill('senha-nova-789');
    await page.getByTestId('account-save-password').click();
    await page.getByText('Essa não é a sua senha atual.').waitFor();
    await page.getByLabel('Senha atual').fill(owner.password);
    await page.getByTestId('account-save-password').click();
    await page.getByText('Senha trocada. Suas outras sessões foram encerradas.').waitFor();
    expect(await page.getByLabel('Senha atual').inputValue()).toBe('');
    await page.screenshot({ path: screenshotPath('account-pt-BR') });
    // This browser stays signed in; the phone's login has ended.
    await page.reload();
    await page.getByRole('heading', { name: 'Minha conta' }).waitFor();
    await phone.reload();
    await phone.waitForURL('**/login');

    await phone.fill('input[name=email]', owner.email);
    await phone.fill('input[name=password]', 'senha-nova-789');
    await phone.click('[data-testid=login-submit]');
    await phone.waitForURL('**/flows');
    // On a phone Your account is in the menu, so the header keeps its room for the workspace's name.
    expect(await phone.getByTestId('account-link').isVisible()).toBe(false);
    await phone.getByLabel('Toggle navigation').click();
    await phone.getByTestId('nav-account').click();
    await phone.getByRole('heading', { name: 'Your account' }).waitFor();
    expect(await phone.getByLabel('Your name').inputValue()).toBe('Ana Paula Souza');
    await phone.screenshot({ path: screenshotPath('account-en-phone') });
  });
});
