// A saved contact filter in pt-BR: the current search is named on the contacts page, shows as a chip
// that applies it again (campaigns take it as their audience: contact-filters.int.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
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
  const db = new pg.Client({ connectionString: p.app.config.DATABASE_URL });
  await db.connect();
  for (const [phone, name, tags] of [['5511440000001', 'Ana Souza', ['vip']], ['5511440000002', 'Bruno Lima', ['lead']]] as const) {
    await db.query('INSERT INTO contacts (tenant_id, channel_id, external_id, phone, name, tags) VALUES ($1, $2, $3, $3, $4, $5)', [p.tenantId, p.channelId, phone, name, tags]);
  }
  await db.end();
});
afterAll(async () => {
  await browser?.close();
  await p?.close();
});

describe('saved contact filters (pt-BR)', () => {
  it('when the agent saves the "vip" search, then it is kept, listed as a chip and applies again', async () => {
    const page = await signedInPage(browser, p.app, p.token, 'pt-BR');
    await page.goto(`${p.app.url}/contacts`);
    expect(await page.getByTestId('contacts-save-filter').isDisabled()).toBe(true);
    await page.getByTestId('contacts-tag').fill('vip');
    await expect.poll(() => page.getByTestId('contacts-table').locator('tbody tr').count()).toBe(1);
    await page.getByTestId('contacts-save-filter').click();
    await page.getByTestId('save-filter-name').fill('Clientes VIP');
    await page.getByTestId('save-filter-submit').click();
    await page.getByTestId('saved-filter').waitFor();
    expect(await page.getByTestId('saved-filter').allTextContents()).toEqual(['Clientes VIP']);
    const saved = await api(p.app, 'GET', '/v1/contact-filters', undefined, p.token);
    expect(saved.body.items).toMatchObject([{ name: 'Clientes VIP', q: null, tags: ['vip'] }]);
    await page.getByTestId('contacts-tag').fill('');
    await expect.poll(() => page.getByTestId('contacts-table').locator('tbody tr').count()).toBe(2);
    await page.getByTestId('saved-filter').click();
    await expect.poll(() => page.getByTestId('contacts-table').locator('tbody tr').count()).toBe(1);
    await page.waitForTimeout(350);
    await page.screenshot({ path: screenshotPath('contacts-saved-filter-pt-BR') });
  }, 90_000);

  it('when the name is one a saved filter already has, then the field says so and the dialog stays open to change it', async () => {
    for (const [lang, words] of [['pt-BR', 'Já existe um filtro salvo com este nome'], ['en', 'A saved filter already has this name']] as const) {
      const page = await signedInPage(browser, p.app, p.token, lang);
      await page.goto(`${p.app.url}/contacts`);
      await page.getByTestId('contacts-tag').fill('lead');
      await page.getByTestId('contacts-save-filter').click();
      await page.getByTestId('save-filter-name').fill('Clientes VIP');
      await page.getByTestId('save-filter-submit').click();
      const field = page.getByTestId('save-filter-name');
      await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByRole('dialog').textContent()).toContain(words);
      await page.screenshot({ path: screenshotPath(`contacts-saved-filter-taken-${lang}`) });
      await field.fill(`Leads ${lang}`);
      expect(await field.getAttribute('aria-invalid')).not.toBe('true');
      await page.getByTestId('save-filter-submit').click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await page.close();
    }
    const saved = await api(p.app, 'GET', '/v1/contact-filters', undefined, p.token);
    expect(saved.body.items.map((f: { name: string }) => f.name)).toEqual(['Clientes VIP', 'Leads en', 'Leads pt-BR']);
  }, 90_000);

  it('when the page is open on a phone, then the filters stack, the table scrolls sideways and no badge is cut short', async () => {
    const page = await signedInPage(browser, p.app, p.token, 'pt-BR');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${p.app.url}/contacts`);
    await expect.poll(() => page.getByTestId('contacts-table').locator('tbody tr').count()).toBe(2);
    const search = await page.getByTestId('contacts-search').boundingBox();
    expect(search!.width).toBeGreaterThan(300);
    const layout = await page.evaluate(() => ({
      pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
      cutBadges: [...document.querySelectorAll('[data-testid=contacts-table] .mantine-Badge-label')]
        .filter((label) => label.scrollWidth > label.clientWidth + 1)
        .map((label) => label.textContent),
    }));
    expect(layout).toEqual({ pageOverflow: 0, cutBadges: [] });
    await page.screenshot({ path: screenshotPath('contacts-phone-pt-BR') });
  }, 90_000);
});
