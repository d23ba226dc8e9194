// The minimap gives way on a narrow canvas: with the problems panel and a step's panel both open in
// an 800 px window (a tablet, the palette a rail of icons), it would cover a large part of what is
// left of the canvas, so it is hidden there
// and shown smaller where the canvas has some room (1024 px, where the two panels share a column;
// 1440 px, side by side), and at full size once the panels are closed. Screenshots in English and
// pt-BR.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FlowNode } from '@zyntra/flows-schema';
import { api, type TestApp } from '../../server/test/harness';
import { edge, flow, keywordTrigger, node } from '../../server/test/flow-docs';
import { screenshotPath } from './browser';
import { openFlow, selectNode, signedInPage } from './builder-page';
import { startSignedUpSuite } from './suites';

let app: TestApp;
let browser: Browser;
let token: string;

startSignedUpSuite('Mercearia do Zé', (s) => ({ app, browser, token } = s));

const at = (n: FlowNode, x: number, y: number): FlowNode => ({ ...n, position: { x, y } });

/** The canvas and the minimap on screen, and how much of the canvas the minimap covers (0 when hidden). */
const coverage = (page: Page) =>
  page.evaluate(() => {
    const canvas = document.querySelector('.react-flow')!.getBoundingClientRect();
    const map = document.querySelector('.react-flow__minimap');
    const box = map?.getBoundingClientRect();
    const shown = !!box && box.width > 0 && getComputedStyle(map!).display !== 'none';
    const overlap = shown ? Math.max(0, Math.min(box.right, canvas.right) - Math.max(box.left, canvas.left)) * Math.max(0, Math.min(box.bottom, canvas.bottom) - Math.max(box.top, canvas.top)) : 0;
    return { canvasWidth: Math.round(canvas.width), shown, width: shown ? Math.round(box.width) : 0, share: overlap / (canvas.width * canvas.height) };
  });

describe.each(['en', 'pt-BR'] as const)('the minimap beside open panels (%s)', (lang) => {
  it('when the problems and step panels leave a narrow canvas, then the minimap gives way; on a wide window it is shown', async () => {
    const nodes = [at(keywordTrigger('arroz'), 0, 0), at(node('ask', 'message', { text: 'Qual marca de arroz?' }), 340, 0), at(node('done', 'message', {}), 680, 0)];
    const created = await api(app, 'POST', '/v1/flows', { name: `Mapa ${lang}`, document: flow(nodes, [edge('start', 'next', 'ask')]) }, token);
    const page = await signedInPage(browser, app, token, lang);
    await page.setViewportSize({ width: 1024, height: 768 });
    await openFlow(page, app, created.body.id);
    await page.click('[data-testid=problems-toggle]');
    await page.waitForSelector('[data-testid=problems-panel]');
    await selectNode(page, 'ask');
    await page.waitForTimeout(300);
    const laptop = await coverage(page);
    await page.screenshot({ path: screenshotPath(`builder-minimap-laptop-${lang}`) });
    expect(laptop.canvasWidth).toBeGreaterThanOrEqual(400);
    expect(laptop.width).toBe(120);
    expect(laptop.share).toBeLessThan(0.05);

    await page.setViewportSize({ width: 800, height: 768 });
    await expect.poll(async () => (await coverage(page)).canvasWidth).toBeLessThan(400);
    await page.waitForTimeout(300);
    const narrow = await coverage(page);
    await page.screenshot({ path: screenshotPath(`builder-minimap-narrow-${lang}`) });
    expect(narrow.share).toBeLessThan(0.02);

    await page.setViewportSize({ width: 1440, height: 900 });
    // The panels go back side by side once the wider window is measured: the small minimap then.
    await expect.poll(async () => (await coverage(page)).width).toBe(120);
    const wide = await coverage(page);
    expect(wide.share).toBeLessThan(0.05);
    await page.screenshot({ path: screenshotPath(`builder-minimap-wide-${lang}`) });

    // Both panels closed: the whole width is the canvas's, and the minimap is its usual size.
    await page.click('[data-testid=problems-toggle]');
    await page.click('.react-flow__pane', { position: { x: 30, y: 30 } });
    await page.waitForSelector('[data-testid=node-panel]', { state: 'detached' });
    await expect.poll(async () => (await coverage(page)).width).toBe(200);
    await page.close();
  });
});
