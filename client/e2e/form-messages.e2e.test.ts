// Refusals in pt-BR are worded in Portuguese at the field that caused them: a channel name or a
// contact name longer than the server takes (the input stops there; one forced past it is refused
// by the server and the field says why, in view), a CSV without a phone column, and one headed "Fone".
import { describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { Pipeline } from '../../server/test/pipeline';
import { screenshotPath } from './browser';
import { signedInPage } from './builder-page';
import { startPipelineSuite } from './suites';

let p: Pipeline;
let browser: Browser;

startPipelineSuite((s) => ({ p, browser } = s));

/** A laptop screen: the channel form is taller than its dialog, so it scrolls. */
async function laptopPage(): Promise<Page> {
  const page = await signedInPage(browser, p.app, p.token, 'pt-BR');
  await page.setViewportSize({ width: 1366, height: 768 });
  return page;
}

/** As a paste through a tool that ignores maxlength would: the value goes past the input's limit. */
const forceFill = async (input: Locator, value: string) => {
  await input.evaluate((el) => el.removeAttribute('maxlength'));
  await input.fill(value);
};

/** The element is on screen, below the dialog's or drawer's header rather than under it. */
const inView = (input: Locator) =>
  input.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const header = el.closest('[role=dialog], .mantine-Modal-content, .mantine-Drawer-content')?.querySelector('header, .mantine-Modal-header, .mantine-Drawer-header');
    const top = header?.getBoundingClientRect().bottom ?? 0;
    return r.top >= top && r.bottom <= window.innerHeight;
  });

const settled = (page: Page) => page.waitForFunction(() => document.getAnimations().length === 0);

describe('form messages (pt-BR)', () => {
  it('when a channel name is longer than the server takes, then the input stops there, and one forced past it is refused in Portuguese at the field, in view', async () => {
    const page = await laptopPage();
    await page.goto(`${p.app.url}/settings`);
    await page.click('[data-testid=add-channel]');
    await page.click('[data-testid=channel-type-whatsapp_cloud]');
    const name = page.locator('input[name=name]');
    await name.fill('a'.repeat(500));
    expect((await name.inputValue()).length).toBe(80);
    // The show/hide button of each secret is named in Portuguese for screen readers.
    const form = page.getByTestId('channel-form-whatsapp_cloud');
    expect(await form.getByRole('button', { name: 'Mostrar ou ocultar a senha' }).count()).toBe(3);
    expect(await page.getByRole('button', { name: 'Toggle password visibility' }).count()).toBe(0);

    await forceFill(name, 'a'.repeat(500));
    await page.fill('input[name=phoneNumberId]', '123456789012345');
    await page.fill('input[name=businessAccountId]', '102345678901234');
    await page.fill('input[name=accessToken]', 'EAAGtestaccess');
    await page.fill('input[name=appSecret]', 'appsecret');
    await page.click('[data-testid=channel-submit]');
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByText('No máximo 80 caracteres.').count()).toBe(1);
    expect(await form.textContent()).not.toMatch(/Too big|expected string/);
    await expect.poll(() => inView(name)).toBe(true);
    expect(await name.evaluate((el) => el === document.activeElement)).toBe(true);
    await settled(page);
    await page.screenshot({ path: screenshotPath('form-messages-channel-name-pt-BR') });
  });

  it('when a CSV has no phone column, then the import says so in Portuguese; headed "Fone", it imports', async () => {
    const page = await laptopPage();
    await page.goto(`${p.app.url}/contacts`);
    await page.getByTestId('contacts-import').click();
    await page.getByTestId('import-text').fill('cliente,contato\nCarla,+55 11 98888-1234');
    await page.getByTestId('import-start').click();
    await expect.poll(() => page.getByTestId('import-error').textContent()).toBe(
      'A primeira linha não tem uma coluna de telefone. Dê a ela o nome telefone, celular, whatsapp, fone, tel, número ou phone.',
    );
    await settled(page);
    await page.screenshot({ path: screenshotPath('form-messages-import-no-phone-pt-BR') });

    await page.getByTestId('import-text').fill('Fone,Nome\n+55 11 98888-1234,Carla Dias');
    await page.getByTestId('import-start').click();
    await page.locator('[data-testid=import-status][data-status=completed]').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('import-summary').textContent()).toBe('1 criado');
    await page.getByTestId('import-close').click();
    await page.getByTestId('contacts-table').getByText('Carla Dias').waitFor();
  });

  it('when a contact name is longer than the server takes, then the drawer says so in Portuguese at the name, not "The request is not valid"', async () => {
    const page = await laptopPage();
    await page.goto(`${p.app.url}/contacts`);
    await page.getByTestId('contacts-table').getByText('Carla Dias').click();
    const name = page.getByTestId('contact-name');
    await name.fill('b'.repeat(500));
    expect((await name.inputValue()).length).toBe(200);

    await forceFill(name, 'b'.repeat(500));
    await page.getByTestId('contact-save').click();
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
    const drawer = page.getByTestId('contact-drawer');
    expect(await drawer.getByText('No máximo 200 caracteres.').count()).toBe(1);
    expect(await drawer.textContent()).not.toContain('The request is not valid');
    expect(await page.getByTestId('contact-error').count()).toBe(0);
    await expect.poll(() => inView(name)).toBe(true);
    await settled(page);
    await page.screenshot({ path: screenshotPath('form-messages-contact-name-pt-BR') });
  });
});
