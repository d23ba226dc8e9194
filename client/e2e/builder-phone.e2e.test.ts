// The builder on a phone: the palette is a button and a sheet, the toolbar fits the width (its
// buttons scroll sideways), and a step's panel or the test chat covers the canvas until closed.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { sampleFlowDocument } from '../../database/seeds/sample-flow';
import { api, type TestApp } from '../../server/test/harness';
import { screenshotPath } from './browser';
import { nodeCount, openFlow, signedInPage } from './builder-page';
import { startSignedUpSuite } from './suites';

let app: TestApp;
let browser: Browser;
let token: string;

startSignedUpSuite('Doceria', (s) => ({ app, browser, token } = s));

const widthOf = (page: Page, selector: string) => page.locator(selector).evaluate((e) => Math.round(e.getBoundingClientRect().width));

describe('the builder on a phone', () => {
  it('when a flow too long to read whole on a phone opens, then its start is framed readable, not the whole flow as coloured boxes', async () => {
    const document = sampleFlowDocument();
    const created = await api(app, 'POST', '/v1/flows', { name: 'Amostra no celular', document }, token);
    const page = await signedInPage(browser, app, token, 'pt-BR', true);
    await openFlow(page, app, created.body.id);
    const trigger = document.nodes.find((n: { type: string }) => n.type === 'trigger')!;
    const card = page.locator(`[data-testid="node-${trigger.id}"]`);
    await expect.poll(async () => { const b = await card.boundingBox(); return b !== null && b.x >= 0 && b.x + b.width <= 390; }).toBe(true);
    // Drawn at a readable size: at least 0.6 of the card's own width (whole, this flow fits at ~0.36).
    const drawn = (await card.boundingBox())!.width;
    const own = await card.evaluate((e) => (e as HTMLElement).offsetWidth);
    expect(drawn / own).toBeGreaterThanOrEqual(0.6);
    expect(await page.locator('[data-zoom=far]').count()).toBe(0);
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath('builder-phone-opening-pt-BR') });
  });

  for (const lang of ['pt-BR', 'en'] as const) {
    it(`when a marketer adds and edits a step on a 390 px phone (${lang}), then every part fits and closes back to the canvas`, async () => {
      const created = await api(app, 'POST', '/v1/flows', { name: `Celular ${lang}` }, token);
      const page = await signedInPage(browser, app, token, lang, true);
      await openFlow(page, app, created.body.id);
      expect(await page.locator('[data-testid=palette]').count()).toBe(0);
      expect(await page.isVisible('.react-flow__minimap')).toBe(false);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

      await page.tap('[data-testid=palette-open]');
      await page.waitForSelector('[data-testid=palette-message]');
      await page.screenshot({ path: screenshotPath(`builder-phone-sheet-${lang}`) });
      await page.tap('[data-testid=palette-message]');
      await expect.poll(() => nodeCount(page)).toBe(2);
      await page.waitForSelector('[data-testid=node-panel]');
      await page.waitForSelector('[data-testid=palette-message]', { state: 'hidden' });
      expect(await widthOf(page, '[data-testid=node-panel]')).toBe(390);
      await page.locator('[data-testid=node-panel] textarea').first().fill('Olá! Quer ver o cardápio?');
      await page.screenshot({ path: screenshotPath(`builder-phone-panel-${lang}`) });
      await page.tap('[data-testid=panel-close]');
      await page.waitForSelector('[data-testid=node-panel]', { state: 'detached' });
      expect(await page.textContent('.react-flow__node:has-text("cardápio")')).toContain('Quer ver o cardápio?');

      await page.locator('[data-testid=test-toggle]').tap();
      await page.waitForSelector('[data-testid=test-panel]');
      expect(await widthOf(page, '[data-testid=test-panel]')).toBe(390);
      await page.screenshot({ path: screenshotPath(`builder-phone-test-${lang}`) });
      await page.locator('[data-testid=test-toggle]').tap();
      await page.waitForSelector('[data-testid=test-panel]', { state: 'detached' });
      await page.screenshot({ path: screenshotPath(`builder-phone-canvas-${lang}`) });

      // The flows list fits the phone: name, status and the actions menu in reach, nothing cut.
      await page.tap('[data-testid=back-to-flows]');
      await page.waitForSelector('[data-testid=flows-table]');
      const row = `[data-testid=flow-row-${created.body.id}]`;
      await page.waitForSelector(`${row} [data-testid=flow-status]`);
      const menu = (await page.locator(`[data-testid=flow-menu-${created.body.id}]`).boundingBox())!;
      expect(menu.x + menu.width).toBeLessThanOrEqual(390);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.screenshot({ path: screenshotPath(`flows-list-phone-${lang}`), fullPage: true });
      await page.tap(`[data-testid=flow-menu-${created.body.id}]`);
      await page.waitForSelector('[data-testid=flow-rename]');
      await page.close();
    });
  }
});
