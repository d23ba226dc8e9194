import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestApp } from '../../server/test/harness';
import { screenshotPath } from './browser';
import { startAppSuite } from './suites';

let app: TestApp;
let browser: Browser;

startAppSuite((s) => ({ app, browser } = s));

// Clipboard permissions let the copy buttons work headless and let the test read what was copied.
async function signedInPage(locale: string, workspace: string): Promise<Page> {
  const context = await browser.newContext({
    locale,
    viewport: { width: 1280, height: 900 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const page = await context.newPage();
  await page.goto(`${app.url}/signup`);
  await page.fill('input[name=workspaceName]', workspace);
  await page.fill('input[name=name]', 'Ana Souza');
  await page.fill(
    'input[name=email]',
    `ana${Date.now()}${Math.random().toString(36).slice(2, 6)}@example.com`,
  );
  await page.fill('input[name=password]', 'senha-forte-123');
  await page.click('[data-testid=signup-submit]');
  await page.waitForURL('**/flows');
  await page.click('[data-testid=nav-settings]');
  await page.waitForURL('**/settings');
  return page;
}

const modal = (page: Page) => page.locator('[data-testid=add-channel-modal]');
const editForm = (page: Page) => page.locator('[data-testid^=channel-form-]');
const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
// Screenshots wait for the modal's opening transition, or they catch it half transparent.
const modalSettled = (page: Page) =>
  page.waitForFunction(() => {
    const el = document.querySelector('[data-testid=add-channel-modal]');
    return el !== null && getComputedStyle(el).opacity === '1';
  });

/**
 * Sets the channel's customers' language in the open form (the same select on every kind of channel),
 * with its label and hint in the UI's language, and leaves the screenshot of it.
 */
async function pickCustomersLanguage(page: Page, option: string, words: { label: string; hint: string }, shot: string) {
  const select = page.getByTestId('channel-language');
  await select.scrollIntoViewIfNeeded();
  await page.locator('label', { hasText: words.label }).waitFor();
  await page.getByText(words.hint).waitFor();
  await select.click();
  await page.getByRole('option', { name: option }).click();
  await expect.poll(() => select.inputValue()).toBe(option);
  await page.screenshot({ path: screenshotPath(shot) });
}

/** The language the channel's edit form shows after a reload, i.e. what the server keeps. */
async function savedCustomersLanguage(page: Page, row: ReturnType<Page['locator']>) {
  await page.reload();
  await row.locator('[data-testid=channel-edit]').click();
  const value = await page.getByTestId('channel-language').inputValue();
  await page.keyboard.press('Escape');
  await editForm(page).waitFor({ state: 'detached' });
  return value;
}

describe('settings', () => {
  it('when an owner adds a WhatsApp channel, then they get its webhook URL and the secrets never come back', async () => {
    const page = await signedInPage('en-US', 'Doceria da Ana');
    await page.waitForSelector('[data-testid=channels-empty]');
    await page.screenshot({ path: screenshotPath('settings-channels-empty-en') });

    await page.click('[data-testid=add-channel]');
    await page.click('[data-testid=channel-type-whatsapp_cloud]');
    const secrets = { accessToken: `EAAGtestaccess${Date.now()}`, appSecret: `appsecret${Date.now()}` };
    await page.fill('input[name=name]', 'WhatsApp Vendas');
    // Meta's ids are digits: letters are refused by the form itself, in the UI's language.
    await page.fill('input[name=phoneNumberId]', 'abc');
    await page.click('[data-testid=channel-submit]');
    await page.getByText('Use only digits, as shown in Meta’s WhatsApp Manager.').waitFor();
    // The input stops at the server's 64-character limit; forced past it (as a tool ignoring maxlength
    // would), 70 digits pass the client's checks but not the server's.
    const phoneId = page.locator('input[name=phoneNumberId]');
    await phoneId.fill('1'.repeat(70));
    expect((await phoneId.inputValue()).length).toBe(64);
    await phoneId.evaluate((el) => el.removeAttribute('maxlength'));
    await phoneId.fill('1'.repeat(70));
    await page.fill('input[name=businessAccountId]', '102345678901234');
    await page.fill('input[name=accessToken]', secrets.accessToken);
    await page.fill('input[name=appSecret]', secrets.appSecret);
    const generated = await page.inputValue('input[name=verifyToken]');
    await page.click('[data-testid=regenerate-verifyToken]');
    const verifyToken = await page.inputValue('input[name=verifyToken]');
    expect(verifyToken).toMatch(/^[\w-]{43}$/);
    expect(verifyToken).not.toBe(generated);

    await page.click('[data-testid=channel-submit]');
    // The server's issue (path "config.phoneNumberId") shows under that input, not as a toast.
    await expect.poll(() => page.getAttribute('input[name=phoneNumberId]', 'aria-invalid')).toBe('true');
    await page.screenshot({ path: screenshotPath('settings-whatsapp-form-error-en') });

    await page.fill('input[name=phoneNumberId]', '109876543210987');
    await page.click('[data-testid=channel-submit]');
    const webhook = modal(page).locator('[data-testid=webhook-url]');
    await webhook.waitFor();
    const url = (await webhook.textContent()) ?? '';
    const id = url.match(/\/v1\/webhooks\/whatsapp\/([0-9a-f-]{36})$/)?.[1];
    expect(id, url).toBeDefined();
    expect(await modal(page).locator('[data-testid=verify-token]').textContent()).toBe(verifyToken);
    await page.screenshot({ path: screenshotPath('settings-whatsapp-created-en') });

    await modal(page).locator('[data-testid=copy-webhook-url]').click();
    await expect.poll(() => clipboard(page)).toBe(url);

    await page.click('[data-testid=channel-done]');
    await modal(page).waitFor({ state: 'detached' });
    const row = page.locator(`[data-testid=channel-row-${id}]`);
    expect(await row.locator('[data-testid=webhook-url]').textContent()).toBe(url);

    const expectNoSecrets = async () => {
      const html = await page.content();
      const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }));
      for (const secret of [secrets.accessToken, secrets.appSecret, verifyToken]) {
        expect(html).not.toContain(secret);
        expect(storage).not.toContain(secret);
      }
    };
    await expectNoSecrets();
    await page.reload();
    await row.waitFor();
    expect(await row.locator('[data-testid=channel-name]').textContent()).toBe('WhatsApp Vendas');
    await expectNoSecrets();
    await page.screenshot({ path: screenshotPath('settings-channels-en') });

    // Editing: the name and a new access token change; the secrets left empty are kept (the verify
    // token still answers Meta's check) and none is shown back.
    await row.locator('[data-testid=channel-edit]').click();
    await page.waitForSelector('input[name=accessToken]');
    expect(await page.inputValue('input[name=name]')).toBe('WhatsApp Vendas');
    expect(await page.inputValue('input[name=phoneNumberId]')).toBe('109876543210987');
    expect(await page.inputValue('input[name=accessToken]')).toBe('');
    expect(await page.inputValue('input[name=verifyToken]')).toBe('');
    await page.fill('input[name=name]', 'WhatsApp Loja');
    await page.fill('input[name=accessToken]', `${secrets.accessToken}-novo`);
    await page.screenshot({ path: screenshotPath('settings-channel-edit-en') });
    await page.click('[data-testid=channel-submit]');
    await expect.poll(() => row.locator('[data-testid=channel-name]').textContent()).toBe('WhatsApp Loja');
    await expectNoSecrets();
    expect(await page.content()).not.toContain(`${secrets.accessToken}-novo`);
    const check = await fetch(`${url}?hub.mode=subscribe&hub.verify_token=${verifyToken}&hub.challenge=4242`);
    expect(await check.text()).toBe('4242');
    // Its customers speak English: the survey and the rest Zyntra writes to them follow.
    expect(await savedCustomersLanguage(page, row)).toBe('Português (Brasil)');
    await row.locator('[data-testid=channel-edit]').click();
    await pickCustomersLanguage(page, 'English', {
      label: "Customers' language", hint: 'such as the satisfaction survey, is in this language. Your bot\'s messages go out as you wrote them.',
    }, 'settings-channel-language-en');
    await page.click('[data-testid=channel-submit]');
    await editForm(page).waitFor({ state: 'detached' });
    expect(await savedCustomersLanguage(page, row)).toBe('English');
  });

  it('when a user picks Portuguese and adds Evolution and web chat channels, then they get the header and embed code', async () => {
    const page = await signedInPage('en-US', 'Padaria Pão Quente');
    await page.click('[data-testid=settings-tab-language]');
    await page.check('[data-testid=lang-radio-pt-BR]');
    await expect.poll(() => page.textContent('[data-testid=nav-settings]')).toContain('Configurações');
    expect(await page.evaluate(() => localStorage.getItem('zyntra.lang'))).toBe('pt-BR');
    // The choice survives a reload, and the ?tab= URL reopens the same tab.
    await page.reload();
    await page.waitForSelector('[data-testid=lang-radio-pt-BR]:checked');
    expect(await page.textContent('[data-testid=nav-settings]')).toContain('Configurações');
    await page.screenshot({ path: screenshotPath('settings-language-pt-BR') });

    await page.click('[data-testid=settings-tab-workspace]');
    await expect
      .poll(() => page.inputValue('[data-testid=settings-workspace-name]'))
      .toBe('Padaria Pão Quente');
    expect(await page.textContent('[data-testid=settings-role]')).toBe('Proprietário');
    // The owner renames the workspace; the header's badge follows without a reload.
    await page.fill('[data-testid=settings-workspace-name]', 'Padaria Pão Quente Centro');
    await page.click('[data-testid=settings-workspace-save]');
    await page.getByText('Espaço de trabalho renomeado.').waitFor();
    expect(await page.textContent('[data-testid=workspace-name]')).toContain('Padaria Pão Quente Centro');
    expect(await page.getByTestId('settings-workspace-save').isDisabled()).toBe(true);
    await page.screenshot({ path: screenshotPath('settings-workspace-pt-BR') });

    await page.click('[data-testid=settings-tab-channels]');
    await page.click('[data-testid=add-channel]');
    await modalSettled(page);
    await page.screenshot({ path: screenshotPath('settings-type-picker-pt-BR') });
    await page.click('[data-testid=channel-type-evolution]');
    await page.fill('input[name=name]', 'WhatsApp Loja');
    await page.fill('input[name=baseUrl]', 'https://evolution.example.com');
    await page.fill('input[name=instance]', 'loja-centro');
    await page.fill('input[name=apiKey]', 'evo-api-key-123');
    const webhookToken = await page.inputValue('input[name=webhookToken]');
    await page.screenshot({ path: screenshotPath('settings-evolution-form-pt-BR') });
    await page.click('[data-testid=channel-submit]');
    await modal(page).locator('[data-testid=webhook-url]').waitFor();
    expect(await modal(page).locator('[data-testid=webhook-url]').textContent()).toMatch(
      /\/v1\/webhooks\/evolution\/[0-9a-f-]{36}$/,
    );
    expect(await modal(page).locator('[data-testid=header-name]').textContent()).toBe('x-zyntra-token');
    expect(await modal(page).locator('[data-testid=header-value]').textContent()).toBe(webhookToken);
    await page.screenshot({ path: screenshotPath('settings-evolution-created-pt-BR') });
    await page.click('[data-testid=channel-done]');
    await modal(page).waitFor({ state: 'detached' });
    // Its server cannot be reached from here: the test says which server and what to check.
    const evolution = page.locator('[data-testid^=channel-row-]', { hasText: 'WhatsApp Loja' });
    await evolution.locator('[data-testid=channel-test]').click();
    await expect.poll(() => evolution.locator('[data-testid=connection-failed]').textContent(), { timeout: 20_000 }).toBe(
      'O teste de conexão falhouEste servidor não conseguiu falar com a Evolution API no endereço informado. Confira o endereço e se o servidor da Evolution está no ar, e teste de novo.',
    );
    await expect.poll(() => evolution.locator('[data-testid=channel-test]').getAttribute('data-loading')).toBeNull();
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath('settings-evolution-unreachable-pt-BR') });

    // The same choice on Evolution, in Portuguese: it is saved without testing the server again.
    await evolution.locator('[data-testid=channel-edit]').click();
    await pickCustomersLanguage(page, 'English', {
      label: 'Idioma dos clientes', hint: 'como a pesquisa de satisfação, vai neste idioma. As mensagens do seu robô vão como você as escreveu.',
    }, 'settings-channel-language-pt-BR');
    await page.click('[data-testid=channel-submit]');
    await editForm(page).waitFor({ state: 'detached' });
    expect(await savedCustomersLanguage(page, evolution)).toBe('English');

    // A fresh modal starts at the type picker: the previous confirmation is gone for good.
    await page.click('[data-testid=add-channel]');
    await page.click('[data-testid=channel-type-webchat]');
    await page.fill('input[name=name]', 'Chat do site');
    await page.click('[data-testid=channel-submit]');
    const created = modal(page).locator('[data-testid=channel-created]');
    await created.waitFor();
    const id = await created.getAttribute('data-channel-id');
    const snippet = `<script src="${app.url}/widget.js" data-channel="${id}" async></script>`;
    expect(await modal(page).locator('[data-testid=embed-snippet]').textContent()).toBe(snippet);
    // An owner without a website yet can try the chat at once.
    expect(await modal(page).locator('[data-testid=try-webchat]').getAttribute('href')).toBe(`/try/${id}`);
    expect(await modal(page).locator('[data-testid=try-webchat]').textContent()).toBe('Testar o chat em uma página de exemplo');
    expect((await fetch(`${app.url}/try/${id}`)).status).toBe(200);
    await page.screenshot({ path: screenshotPath('settings-webchat-created-pt-BR') });
    await page.click('[data-testid=channel-done]');

    await page.reload();
    const row = page.locator(`[data-testid=channel-row-${id}]`);
    expect(await row.locator('[data-testid=embed-snippet]').textContent()).toBe(snippet);
    await row.locator('[data-testid=copy-embed-snippet]').click();
    await expect.poll(() => clipboard(page)).toBe(snippet);
    expect(await page.content()).not.toContain(webhookToken);
    await expect.poll(() => page.textContent('[data-testid=nav-settings]')).toContain('Configurações');
    await page.screenshot({ path: screenshotPath('settings-channels-pt-BR') });

    // The widget's title is edited in place; the channel keeps its id and embed code.
    await row.locator('[data-testid=channel-edit]').click();
    await page.fill('input[name=title]', 'Fale com a Doceria');
    await expect.poll(() => page.textContent('[data-testid=channel-submit]')).toBe('Salvar alterações');
    await page.screenshot({ path: screenshotPath('settings-channel-edit-pt-BR') });
    await page.click('[data-testid=channel-submit]');
    await expect.poll(async () => (await (await fetch(`${app.url}/v1/webchat/${id}/appearance`)).json().catch(() => ({}))) as { title?: string }).toMatchObject({ title: 'Fale com a Doceria' });
    expect(await row.locator('[data-testid=embed-snippet]').textContent()).toBe(snippet);
  });
  it('when the members list fails to load, then it is tried again, and after repeated failures it says so with a button that loads it', async () => {
    const page = await signedInPage('pt-BR', 'Doceria da Ana');
    // One failure (a restart, a dropped connection): tried again, the list shows, no error.
    let failures = 1;
    await page.route('**/v1/members', (route) => (failures-- > 0 ? route.fulfill({ status: 503, body: '{}' }) : route.continue()));
    await page.click('[data-testid=settings-tab-members]');
    await page.locator('[data-testid=members-table]').getByText('Ana Souza').waitFor();
    expect(await page.getByTestId('list-load-failed').count()).toBe(0);
    // Down for longer than the retries: it says so, and "Tentar de novo" loads it once it is back.
    await page.click('[data-testid=settings-tab-workspace]');
    failures = 3;
    await page.click('[data-testid=settings-tab-members]');
    await page.getByTestId('list-load-failed').getByText('Não foi possível carregar.').waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-testid=members-table]').getByText('Ana Souza').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('settings-members-load-failed-pt-BR') });
    await page.getByRole('button', { name: 'Tentar de novo' }).click();
    await page.locator('[data-testid=members-table]').getByText('Ana Souza').waitFor();
    expect(await page.getByTestId('list-load-failed').count()).toBe(0);
    await page.context().close();
  });
});
