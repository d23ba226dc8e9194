// Deleting a template from the Templates page: the dialog names the template and its language and
// warns that an approved name is blocked for 30 days; WhatsApp's refusal is said in Portuguese (with
// WhatsApp's own words under it) and the dialog stays; once WhatsApp deletes it, the row goes. A
// template a scheduled campaign sends is kept, and the dialog names the campaign. A rejected template
// opens in a drawer with WhatsApp's reason, is corrected there and goes back to review; a duplicate
// name is said at the name and goes once the name changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import pg from 'pg';
import { api } from '../../server/test/harness';
import { startPipeline, type Pipeline } from '../../server/test/pipeline';
import { launchBrowser, screenshotPath } from './browser';
import { signedInPage, startAppWithClient } from './builder-page';

let p: Pipeline;
let browser: Browser;

beforeAll(async () => {
  p = await startPipeline({}, { appStarter: startAppWithClient });
  browser = await launchBrowser();
  for (const [name, language, status] of [['promo_natal', 'pt_BR', 'APPROVED'], ['promo_natal', 'en_US', 'APPROVED'], ['boas_vindas', 'pt_BR', 'REJECTED']]) {
    p.wa.addTemplate({ name: name!, language: language!, status: status!, bodyParams: 1, category: 'MARKETING' });
  }
  expect((await api(p.app, 'POST', `/v1/channels/${p.channelId}/templates/sync`, undefined, p.token)).status).toBe(200);
});
afterAll(async () => {
  await browser?.close();
  await p?.close();
});

const row = (page: Page, name: string, language: string) => page.locator(`[data-testid="template-${name}"][data-language="${language}"]`);
/** The dialog has faded in (or out): nothing half-drawn in the screenshot. */
const settled = (page: Page) => page.waitForFunction(() => document.getAnimations().length === 0);

describe('deleting a template', () => {
  it('when a marketer deletes a template in pt-BR, then WhatsApp’s refusal is said in Portuguese and, asked again, the row goes', async () => {
    const page = await signedInPage(browser, p.app, p.token, 'pt-BR');
    await page.goto(`${p.app.url}/templates`);
    await row(page, 'promo_natal', 'pt_BR').getByTestId('template-delete').click();
    const dialog = page.getByTestId('template-delete-dialog');
    await dialog.getByTestId('template-delete-body').waitFor();
    expect(await dialog.getByTestId('template-delete-body').textContent()).toBe('Excluir o modelo promo_natal em pt_BR do WhatsApp? Os outros idiomas deste modelo continuam.');
    expect(await dialog.textContent()).toContain('Se ele foi aprovado, o WhatsApp não aceita um novo modelo com este nome por 30 dias.');
    await settled(page);
    await page.screenshot({ path: screenshotPath('templates-delete-confirm-pt-BR') });

    p.wa.templateApi.withoutManagement = true;
    try {
      await dialog.getByTestId('template-delete-confirm').click();
      const error = dialog.getByTestId('template-delete-error');
      await error.waitFor();
      expect(await error.textContent()).toContain('O WhatsApp recusou a exclusão do modelo. Confira se o token de acesso do canal pode gerenciar modelos.');
      // WhatsApp's own words, for whoever fixes the token; never the server's English sentence.
      expect(await error.textContent()).toContain('whatsapp_business_management');
      expect(await error.textContent()).not.toContain('WhatsApp refused to delete the template');
      await page.screenshot({ path: screenshotPath('templates-delete-refused-pt-BR') });
    } finally {
      p.wa.templateApi.withoutManagement = false;
    }
    expect(await row(page, 'promo_natal', 'pt_BR').count()).toBe(1);

    await dialog.getByTestId('template-delete-confirm').click();
    await expect.poll(() => row(page, 'promo_natal', 'pt_BR').count()).toBe(0);
    await page.getByText('Modelo promo_natal (pt_BR) excluído.').waitFor();
    // The other language of the name is kept, here and at WhatsApp.
    expect(await row(page, 'promo_natal', 'en_US').count()).toBe(1);
    expect(p.wa.templates.has('promo_natal:pt_BR')).toBe(false);
    expect(p.wa.templates.has('promo_natal:en_US')).toBe(true);
    await settled(page);
    await page.screenshot({ path: screenshotPath('templates-deleted-pt-BR') });
    // Gone for good, not only from this screen.
    await page.reload();
    await row(page, 'promo_natal', 'en_US').waitFor();
    expect(await row(page, 'promo_natal', 'pt_BR').count()).toBe(0);
  });

  it('when the dialog opens in English, then it names the template and language, warns about the 30 days and names the campaign that keeps it', async () => {
    const campaign = await api(p.app, 'POST', '/v1/campaigns', {
      name: 'Christmas sale', channelId: p.channelId, template: { name: 'promo_natal', language: 'en_US', parameters: { body: ['Ana'] } },
      audience: { tags: ['nobody'] }, scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
    }, p.token);
    expect(campaign.body.status).toBe('scheduled');
    const page = await signedInPage(browser, p.app, p.token, 'en');
    await page.goto(`${p.app.url}/templates`);
    await row(page, 'promo_natal', 'en_US').getByTestId('template-delete').click();
    const dialog = page.getByTestId('template-delete-dialog');
    await dialog.getByTestId('template-delete-body').waitFor();
    expect(await dialog.getByTestId('template-delete-body').textContent()).toBe('Delete the template promo_natal in en_US from WhatsApp? Other languages of this template are kept.');
    expect(await dialog.textContent()).toContain('If it was approved, WhatsApp will not accept a new template with this name for 30 days.');
    await settled(page);
    await page.screenshot({ path: screenshotPath('templates-delete-confirm-en') });
    await dialog.getByTestId('template-delete-confirm').click();
    const error = dialog.getByTestId('template-delete-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('The campaign “Christmas sale” still sends this template. Cancel the campaign, or wait until it ends, before deleting it.');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByTestId('template-delete-body').count()).toBe(0);
    expect(await row(page, 'promo_natal', 'en_US').count()).toBe(1);
  });

  it('when a template was paused unseen by the realtime line, then coming back to the tab shows it without a reload', async () => {
    const page = await signedInPage(browser, p.app, p.token, 'pt-BR');
    await page.goto(`${p.app.url}/templates`);
    const status = row(page, 'promo_natal', 'en_US').getByTestId('template-status');
    await expect.poll(() => status.getAttribute('data-status')).toBe('APPROVED');
    // Written without its event, as a review that came while the line was cut (templates-live covers the live push).
    const db = new pg.Client({ connectionString: p.app.config.DATABASE_URL });
    await db.connect();
    await db.query("UPDATE whatsapp_templates SET status = 'PAUSED' WHERE tenant_id = $1 AND name = 'promo_natal' AND language = 'en_US'", [p.tenantId]).finally(() => db.end());
    // An approved template is not polled: only the return to the tab reads the list again.
    await page.waitForTimeout(500);
    expect(await status.getAttribute('data-status')).toBe('APPROVED');
    // Coming back fires both the tab's visibilitychange and the window's focus: the list is read once.
    const reads: string[] = [];
    page.on('request', (r) => r.method() === 'GET' && /\/v1\/channels\/[^/]+\/templates$/.test(new URL(r.url()).pathname) && reads.push(r.url()));
    await page.evaluate(() => {
      document.dispatchEvent(new Event('visibilitychange'));
      window.dispatchEvent(new Event('focus'));
    });
    await expect.poll(() => status.getAttribute('data-status')).toBe('PAUSED');
    await page.waitForTimeout(300);
    expect(reads).toHaveLength(1);
    expect(await status.textContent()).toBe('Pausado');
    await page.close();
  });

  it('when a marketer on a phone opens a rejected template, then she reads the reason in Portuguese, corrects it and sees it back in review; a duplicate name is said at the name until it changes', async () => {
    expect(await p.wa.templateApi.review('boas_vindas', 'pt_BR', 'REJECTED', 'INVALID_FORMAT')).toBe(200);
    const page = await signedInPage(browser, p.app, p.token, 'pt-BR', true);
    await page.goto(`${p.app.url}/templates`);
    await row(page, 'boas_vindas', 'pt_BR').getByText('boas_vindas').click();
    const drawer = page.getByTestId('template-detail');
    await expect.poll(() => drawer.getByTestId('detail-reason').textContent()).toContain('Formato inválido');
    expect(await drawer.getByTestId('detail-status').textContent()).toBe('Rejeitado');
    expect(await drawer.getByTestId('detail-language').textContent()).toBe('Português (Brasil)');
    await settled(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: screenshotPath('templates-detail-rejected-390-pt-BR') });

    await drawer.getByTestId('detail-edit').click();
    const form = page.getByTestId('tpl-form');
    expect(await form.getByTestId('tpl-name').isDisabled()).toBe(true);
    await form.getByTestId('tpl-body').fill('Olá {{1}}, a fornada de pão de queijo acabou de sair.');
    await form.getByTestId('tpl-example-1').fill('Ana');
    await page.screenshot({ path: screenshotPath('templates-edit-form-390-pt-BR') });
    await form.getByTestId('tpl-submit').click();
    await expect.poll(() => drawer.getByTestId('detail-status').getAttribute('data-status')).toBe('PENDING');
    expect(await drawer.getByTestId('detail-hint').textContent()).toContain('24 horas');
    expect(await drawer.getByTestId('detail-reason').count()).toBe(0);
    expect(p.wa.templateApi.edits.at(-1)?.body).toEqual({ components: [{ type: 'BODY', text: 'Olá {{1}}, a fornada de pão de queijo acabou de sair.', example: { body_text: [['Ana']] } }] });
    // On a phone the confirmation sits over the drawer's top: dismissed, as she would.
    const toast = page.getByRole('alert').filter({ hasText: 'boas_vindas foi enviado para nova análise.' });
    await toast.getByRole('button').click();
    await expect.poll(() => toast.count()).toBe(0);
    await settled(page);
    await page.screenshot({ path: screenshotPath('templates-detail-pending-390-pt-BR') });

    await page.keyboard.press('Escape');
    await page.getByTestId('templates-new').click();
    await page.getByTestId('tpl-name').fill('boas_vindas');
    await page.getByTestId('tpl-body').fill('Bem-vindo à padaria!');
    await page.getByTestId('tpl-submit').click();
    await expect.poll(() => page.getByTestId('tpl-name-error').textContent()).toBe('Já existe um modelo com este nome e idioma.');
    await page.screenshot({ path: screenshotPath('templates-duplicate-at-name-390-pt-BR') });
    await page.getByTestId('tpl-name').fill('boas_vindas_padaria');
    await expect.poll(() => page.getByTestId('tpl-name-error').count()).toBe(0);

    // The same drawer in English on a wide screen.
    const en = await signedInPage(browser, p.app, p.token, 'en');
    await en.goto(`${p.app.url}/templates`);
    await row(en, 'boas_vindas', 'pt_BR').getByTestId('template-view').click();
    await expect.poll(() => en.getByTestId('detail-hint').textContent()).toContain('24 hours');
    await settled(en);
    await en.screenshot({ path: screenshotPath('templates-detail-pending-en') });
  });
});
