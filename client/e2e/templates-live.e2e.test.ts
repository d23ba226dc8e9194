// The Templates page follows Meta's reviews as they happen: a marketer looking at an approved
// template (which the page does not poll) sees it turn "Pausado" a moment after Meta's webhook,
// without a reload; a sync that changes dozens of templates costs the page one or two reads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addMember } from '../../server/test/agents';
import { api } from '../../server/test/harness';
import { startPipeline, type Pipeline } from '../../server/test/pipeline';
import { launchBrowser, screenshotPath } from './browser';
import { signedInPage, startAppWithClient } from './builder-page';

let p: Pipeline;
let browser: Browser;

beforeAll(async () => {
  p = await startPipeline({}, { appStarter: startAppWithClient });
  browser = await launchBrowser();
  for (const [name, status] of [['promo_natal', 'APPROVED'], ['boas_vindas', 'APPROVED'], ['lembrete', 'REJECTED']]) {
    p.wa.addTemplate({ name: name!, language: 'pt_BR', status: status!, bodyParams: 1, category: 'MARKETING' });
  }
  expect((await api(p.app, 'POST', `/v1/channels/${p.channelId}/templates/sync`, undefined, p.token)).status).toBe(200);
});
afterAll(async () => {
  await browser?.close();
  await p?.close();
});

const row = (page: Page, name: string) => page.locator(`[data-testid="template-${name}"][data-language="pt_BR"]`);
const settled = (page: Page) => page.waitForFunction(() => document.getAnimations().length === 0);

/** The page's reads of the template list, counted from now. */
function listReads(page: Page): string[] {
  const reads: string[] = [];
  page.on('request', (r) => r.method() === 'GET' && /\/v1\/channels\/[^/]+\/templates$/.test(new URL(r.url()).pathname) && reads.push(r.url()));
  return reads;
}

/** Opens the Templates page once its realtime line is connected (socket.io's CONNECT packet, "40"). */
async function openTemplates(token: string): Promise<Page> {
  const page = await signedInPage(browser, p.app, token, 'pt-BR');
  const connected = new Promise<void>((resolve) => page.on('websocket', (ws) => ws.on('framereceived', (f) => String(f.payload).startsWith('40') && resolve())));
  await page.goto(`${p.app.url}/templates`);
  await connected;
  await row(page, 'promo_natal').waitFor();
  return page;
}

describe('template reviews on the open Templates page', () => {
  it('when Meta pauses an approved template, then a marketer sees it paused within a moment, read once, with no polling before', async () => {
    const marketer = await addMember(p.app, p.tenantId, 'Mara', 'marketer');
    const page = await openTemplates(marketer.token);
    const status = row(page, 'promo_natal').getByTestId('template-status');
    expect(await status.getAttribute('data-status')).toBe('APPROVED');
    const reads = listReads(page);
    // Nothing awaits review, so the page does not poll (it would every 3 s while one is PENDING).
    await page.waitForTimeout(3_500);
    expect(reads).toEqual([]);

    const sent = Date.now();
    expect(await p.wa.templateApi.review('promo_natal', 'pt_BR', 'PAUSED')).toBe(200);
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 2_000, interval: 50 }).toBe('PAUSED');
    expect(Date.now() - sent).toBeLessThan(2_000);
    expect(await status.textContent()).toBe('Pausado');
    expect(reads).toHaveLength(1);
    await settled(page);
    await page.screenshot({ path: screenshotPath('templates-live-paused-pt-BR') });
    await page.close();
  });

  it('when a sync elsewhere brings 40 templates and changes another, then the open page shows them all after one or two reads', async () => {
    const page = await openTemplates(p.token);
    const reads = listReads(page);
    for (let i = 0; i < 40; i++) p.wa.addTemplate({ name: `oferta_${String(i).padStart(2, '0')}`, language: 'pt_BR', status: 'APPROVED', bodyParams: 1, category: 'MARKETING' });
    p.wa.templates.get('lembrete:pt_BR')!.status = 'APPROVED';
    // Another marketer presses Sync in their own browser.
    expect((await api(p.app, 'POST', `/v1/channels/${p.channelId}/templates/sync`, undefined, p.token)).status).toBe(200);
    await expect.poll(() => page.locator('[data-testid^="template-oferta_"]').count(), { timeout: 5_000 }).toBe(40);
    await expect.poll(() => row(page, 'lembrete').getByTestId('template-status').getAttribute('data-status')).toBe('APPROVED');
    await page.waitForTimeout(1_000);
    expect(reads.length).toBeGreaterThanOrEqual(1);
    expect(reads.length).toBeLessThanOrEqual(2);
    await page.close();
  });
});
