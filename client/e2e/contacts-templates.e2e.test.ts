// Contacts and templates in pt-BR: a CSV import whose bad line is reported with its line number,
// a column headed with spaces imported under the attribute name it gives, a name with spaces refused
// in the drawer on the name,
// then a template created with the live WhatsApp preview and seen approved when the fake Graph API
// sends Meta's review webhook.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { api } from '../../server/test/harness';
import type { Pipeline } from '../../server/test/pipeline';
import { screenshotPath } from './browser';
import { signedInPage } from './builder-page';
import { startPipelineSuite } from './suites';

let p: Pipeline;
let browser: Browser;

startPipelineSuite((s) => ({ p, browser } = s));

const CSV = [
  'Telefone,Nome,Etiquetas,Cidade', // the column names a spreadsheet in Brazil has
  '+55 11 98888-7777,Ana Souza,vip;atacado,São José dos Campos',
  '12345,Linha Ruim,,',
  '(21) 8765-4321,Bruno Lima,lead,Rio de Janeiro',
].join('\n');

describe('contacts and templates (pt-BR)', () => {
  it('when a CSV with a bad line is imported, then the report names that line and the good ones are listed', async () => {
    const page = await signedInPage(browser, p.app, p.token, 'pt-BR');
    await page.goto(`${p.app.url}/contacts`);
    // No contact yet: the page says where they come from and offers the import, not "nothing matches".
    await page.getByTestId('contacts-none').getByText('Nenhum contato ainda').waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath('contacts-none-pt-BR') });
    await page.getByTestId('contacts-import').click();
    // A workbook chosen by mistake is turned away with what to do instead.
    const xlsx = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]);
    await page.locator('input[type=file]').setInputFiles({ name: 'contatos.xlsx', mimeType: 'application/vnd.ms-excel', buffer: xlsx });
    await expect.poll(() => page.getByTestId('import-error').textContent()).toBe('contatos.xlsx não é um arquivo CSV. Na planilha, use Arquivo → Salvar como → CSV e escolha esse arquivo.');
    expect(await page.getByTestId('import-text').inputValue()).toBe('');
    await page.screenshot({ path: screenshotPath('contacts-import-not-csv-pt-BR') });
    // Excel in Brazil saves CSV in Windows-1252: the accents read right.
    await page.locator('input[type=file]').setInputFiles({ name: 'contatos.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'latin1') });
    await expect.poll(() => page.getByTestId('import-text').inputValue()).toContain('São José dos Campos');
    await expect.poll(() => page.getByTestId('import-error').count()).toBe(0);
    await page.getByTestId('import-start').click();
    await page.locator('[data-testid=import-status][data-status=completed]').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('import-summary').textContent()).toBe('2 criados · 1 rejeitado');
    const errorRow = page.getByTestId('import-errors').locator('tbody tr');
    expect(await errorRow.count()).toBe(1);
    expect(await errorRow.locator('td').allTextContents()).toEqual(['3', '"12345" não é um telefone válido']);
    await page.screenshot({ path: screenshotPath('contacts-import-report-pt-BR') });

    await page.getByTestId('import-close').click();
    await page.getByTestId('contacts-table').getByText('Bruno Lima').waitFor();
    // Written without the ninth digit, stored as the mobile with it.
    expect(await page.getByTestId('contacts-table').textContent()).toContain('+55 21 98765-4321');
    // The workspace's tags are offered as the marketer types: the filter matches whole tags.
    await page.getByTestId('contacts-tag').fill('vi');
    await page.getByRole('option', { name: 'vip' }).click();
    await expect.poll(() => page.locator('[data-testid^=contact-]').filter({ hasText: 'Souza' }).count()).toBe(1);
    await expect.poll(() => page.getByTestId('contacts-table').getByText('Bruno Lima').count()).toBe(0);
    await page.getByTestId('contacts-table').getByText('Ana Souza').click();
    await page.getByTestId('contact-name').waitFor();
    await expect.poll(() => page.getByTestId('contact-drawer').locator('input[value="São José dos Campos"]').count()).toBe(1);
    // The drawer slides in: wait until its transition has ended before the screenshot.
    await page.waitForFunction(() => document.getAnimations().length === 0);
    await page.screenshot({ path: screenshotPath('contacts-drawer-pt-BR') });
  });

  it('when a column is headed "Data de nascimento", then it imports as Data_de_nascimento and says so; typed with spaces in the drawer, the name is refused saying what a name may hold', async () => {
    const page = await signedInPage(browser, p.app, p.token, 'pt-BR');
    await page.goto(`${p.app.url}/contacts`);
    await page.getByTestId('contacts-import').click();
    await page.getByTestId('import-text').fill('Telefone;Nome;Data de nascimento\n(11) 91234-5678;Carla Dias;10/03/1990');
    await page.getByTestId('import-start').click();
    await page.locator('[data-testid=import-status][data-status=completed]').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('import-summary').textContent()).toBe('1 criado');
    expect(await page.getByTestId('import-status').textContent()).toBe('Concluído: 1 linha lida');
    expect(await page.getByTestId('import-renamed').textContent()).toBe('Nomes de atributo ajustadosA coluna “Data de nascimento” preenche o atributo Data_de_nascimento.');
    await page.waitForFunction(() => document.getAnimations().length === 0);
    await page.screenshot({ path: screenshotPath('contacts-import-renamed-pt-BR') });

    await page.getByTestId('import-close').click();
    await page.getByTestId('contacts-table').getByText('Carla Dias').click();
    const drawer = page.getByTestId('contact-drawer');
    await expect.poll(() => drawer.locator('input[value="Data_de_nascimento"]').count()).toBe(1);
    await drawer.getByText('Adicionar atributo').click();
    const key = drawer.getByTestId('contact-attr-key').last();
    await key.fill('data de nascimento');
    await drawer.getByTestId('contact-attr-value').last().fill('10/03');
    await page.getByTestId('contact-save').click();
    // The name is what is wrong, not the value "10/03".
    await expect.poll(() => page.getByTestId('contact-error').textContent())
      .toBe('O nome de atributo “data de nascimento” não pode ser usado: use só letras, números, _ . ou - (sem espaços), ex.: data_de_nascimento.');
    expect(await key.getAttribute('aria-invalid')).toBe('true');
    await page.waitForFunction(() => document.getAnimations().length === 0);
    await page.screenshot({ path: screenshotPath('contacts-drawer-attribute-name-pt-BR') });

    // An accented name is one: the flow's Actions step can set it too (actions.test.ts).
    await key.fill('aniversário');
    await page.getByTestId('contact-save').click();
    await expect.poll(() => page.getByTestId('contact-error').count()).toBe(0);
    await expect.poll(async () => (await api(p.app, 'GET', '/v1/contacts?q=Carla', undefined, p.token)).body.items[0]?.attributes)
      .toEqual({ Data_de_nascimento: '10/03/1990', aniversário: '10/03' });
  });

  it.each([['pt-BR', 'O WhatsApp não respondeu. Tente de novo em alguns minutos.'], ['en', 'WhatsApp did not answer. Please try again in a few minutes.']] as const)('when a sync finds WhatsApp down (%s), then the page keeps saying it failed and why until a sync works', async (lang, why) => {
    p.wa.templateApi.down = true;
    try {
      const page = await signedInPage(browser, p.app, p.token, lang);
      // The channels are read slowly, as on a busy server: a click before then did nothing at all.
      await page.route('**/v1/channels', async (route) => {
        await new Promise((r) => setTimeout(r, 1_500));
        await route.continue();
      });
      await page.goto(`${p.app.url}/templates`);
      await page.getByTestId('templates-sync').click();
      const alert = page.getByTestId('templates-sync-error');
      await alert.waitFor();
      expect(await alert.textContent()).toContain(why);
      // Still there once a toast would have gone: the empty list alone would read as "no templates".
      await page.waitForTimeout(5_000);
      expect(await alert.isVisible()).toBe(true);
      await page.screenshot({ path: screenshotPath(`templates-sync-failed-${lang}`) });
      p.wa.templateApi.down = false;
      await page.getByTestId('templates-sync').click();
      await alert.waitFor({ state: 'detached' });
      await page.close();
    } finally {
      p.wa.templateApi.down = false;
    }
  });

  it('when a template is created, then the preview looks like WhatsApp and Meta’s approval shows up', async () => {
    const page = await signedInPage(browser, p.app, p.token, 'pt-BR');
    await page.goto(`${p.app.url}/templates`);
    await page.getByTestId('templates-new').click();
    await page.getByTestId('tpl-name').fill('pedido_saiu');
    // The language is named in Portuguese, not as WhatsApp's code (pt_BR).
    expect(await page.getByTestId('tpl-language').inputValue()).toBe('Português (Brasil)');
    await page.getByTestId('tpl-body').fill('Olá {{1}}, seu pedido {{2}} saiu para entrega.');
    await page.getByTestId('tpl-example-1').fill('Ana');
    await page.getByTestId('tpl-example-2').fill('#1023');
    await page.getByTestId('tpl-footer').fill('Loja Exemplo');
    await page.getByTestId('tpl-add-button').click();
    await page.getByTestId('tpl-button-0').fill('Falar com atendente');
    await expect.poll(() => page.getByTestId('template-preview').textContent()).toContain('Olá Ana, seu pedido #1023 saiu para entrega.');
    await page.screenshot({ path: screenshotPath('templates-create-pt-BR') });

    await page.getByTestId('tpl-submit').click();
    const status = page.getByTestId('template-pedido_saiu').getByTestId('template-status');
    await expect.poll(() => status.getAttribute('data-status')).toBe('PENDING');
    expect(await status.textContent()).toBe('Em análise');
    // The list names the language too, with WhatsApp's code on hover.
    const language = page.getByTestId('template-pedido_saiu').getByTestId('template-language');
    expect(await language.textContent()).toBe('Português (Brasil)');
    expect(await language.getAttribute('title')).toBe('pt_BR');
    expect(p.wa.templateApi.created.at(-1)).toMatchObject({ name: 'pedido_saiu', language: 'pt_BR', category: 'UTILITY' });

    await p.wa.templateApi.review('pedido_saiu', 'pt_BR', 'APPROVED');
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 15_000 }).toBe('APPROVED');
    expect(await status.textContent()).toBe('Aprovado');
    await page.screenshot({ path: screenshotPath('templates-approved-pt-BR') });
    // Flagged for quality: still approved (it sends), and the warning is said in Portuguese.
    await p.wa.templateApi.review('pedido_saiu', 'pt_BR', 'FLAGGED');
    await page.reload();
    const reason = page.getByTestId('template-pedido_saiu').getByTestId('template-reason');
    await expect.poll(() => reason.count(), { timeout: 15_000 }).toBe(1);
    expect(await reason.textContent()).toBe('Sinalizado por baixa qualidade: ainda envia, mas pode ser pausado');
    expect(await status.textContent()).toBe('Aprovado');
    await page.screenshot({ path: screenshotPath('templates-flagged-pt-BR') });

    // The same name and language again is refused in Portuguese, not in the server's English.
    await page.getByTestId('templates-new').click();
    await page.getByTestId('tpl-name').fill('pedido_saiu');
    await page.getByTestId('tpl-body').fill('Seu pedido saiu para entrega.');
    await page.getByTestId('tpl-submit').click();
    await expect.poll(() => page.getByTestId('tpl-name-error').textContent()).toBe('Já existe um modelo com este nome e idioma.');
    await page.screenshot({ path: screenshotPath('templates-duplicate-pt-BR') });
  });
});
