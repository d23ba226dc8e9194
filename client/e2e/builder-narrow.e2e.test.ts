// The builder on a 1024 px laptop with a step's panel and the problems open: the two share one
// column beside the canvas, so the canvas keeps a usable width, and the toolbar fits without its
// buttons running over the publish and save states. At 1280 and 1440 px the panels sit side by side,
// as they always did. Screenshots in English and pt-BR.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FlowNode } from '@zyntra/flows-schema';
import { api, type TestApp } from '../../server/test/harness';
import { edge, flow, keywordTrigger, node } from '../../server/test/flow-docs';
import { screenshotPath } from './browser';
import { openFlow, selectNode, signedInPage, waitSaved } from './builder-page';
import { startSignedUpSuite } from './suites';

let app: TestApp;
let browser: Browser;
let token: string;

startSignedUpSuite('Papelaria Aurora', (s) => ({ app, browser, token } = s));

const at = (n: FlowNode, x: number, y: number): FlowNode => ({ ...n, position: { x, y } });
type Box = { x: number; y: number; width: number; height: number };
const boxOf = async (page: Page, selector: string): Promise<Box> => (await page.locator(selector).first().boundingBox())!;
const overlap = (a: Box, b: Box) => Math.min(a.x + a.width, b.x + b.width) > Math.max(a.x, b.x) && Math.min(a.y + a.height, b.y + b.height) > Math.max(a.y, b.y);

/** A published flow whose "Next" outputs are open (warnings), edited since: the longest publish chip. */
async function publishedAndEdited(lang: 'en' | 'pt-BR') {
  const nodes = [at(keywordTrigger('caderno'), 0, 0), at(node('ask', 'message', { text: 'Qual caderno você procura?' }), 340, 0), at(node('bye', 'message', { text: 'Até logo!' }), 680, 0)];
  const created = await api(app, 'POST', '/v1/flows', { name: `Cadernos e agendas para a volta às aulas ${lang}`, document: flow(nodes, [edge('start', 'next', 'ask')]) }, token);
  expect((await api(app, 'POST', `/v1/flows/${created.body.id}/publish`, {}, token)).status).toBe(201);
  const page = await signedInPage(browser, app, token, lang);
  await page.setViewportSize({ width: 1024, height: 768 });
  await openFlow(page, app, created.body.id);
  await selectNode(page, 'ask');
  await page.fill('[data-testid=message-text]', 'Qual caderno ou agenda você procura?');
  await waitSaved(page);
  await page.waitForSelector('[data-testid=flow-status][data-changed]');
  return page;
}

/** The toolbar's parts that must never run over one another, and whether each stays inside the window. */
async function toolbarClashes(page: Page, windowWidth: number) {
  const status = await boxOf(page, '[data-testid=flow-status]');
  const saved = await boxOf(page, '[data-testid=save-state]');
  const title = await boxOf(page, '[data-testid=flow-title]');
  const clashes: string[] = [];
  for (const id of ['undo', 'redo', 'autolayout', 'fit-view', 'find', 'problems-toggle', 'settings-toggle', 'test-toggle', 'publish', 'lang-switch']) {
    // Zoom-to-fit may have given way to the canvas's own button, the language switch to the room.
    if (['fit-view', 'lang-switch'].includes(id) && (await page.locator(`[data-testid=${id}]`).count()) === 0) continue;
    const box = await boxOf(page, `[data-testid=${id}]`);
    if (overlap(box, status) || overlap(box, saved) || overlap(box, title)) clashes.push(id);
    if (box.x + box.width > windowWidth) clashes.push(`${id} off screen`);
  }
  if (overlap(status, saved) || overlap(title, status)) clashes.push('chips');
  return clashes;
}

describe.each(['en', 'pt-BR'] as const)('the builder on a laptop with its panels open (%s)', (lang) => {
  it('when a step and the problems are open in a 1024 px window, then they share a column, the canvas stays usable and the toolbar does not overlap', async () => {
    const page = await publishedAndEdited(lang);
    await page.click('[data-testid=problems-toggle]');
    await page.waitForSelector('[data-testid=problems-panel]');
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath(`builder-narrow-1024-${lang}`) });

    const canvas = await boxOf(page, '.react-flow');
    expect(canvas.width).toBeGreaterThanOrEqual(400);
    const problems = await boxOf(page, '[data-testid=problems-panel]');
    const step = await boxOf(page, '[data-testid=node-panel]');
    // One column: the same left edge, problems above the step, each tall enough to read.
    expect(Math.round(problems.x)).toBe(Math.round(step.x));
    expect(problems.y + problems.height).toBeLessThanOrEqual(step.y + 1);
    expect(Math.min(problems.height, step.height)).toBeGreaterThanOrEqual(250);
    expect(step.x + step.width).toBeLessThanOrEqual(1024);
    expect(await toolbarClashes(page, 1024)).toEqual([]);
    // Undo and redo are whole and can be clicked.
    await page.click('[data-testid=undo]');
    await expect.poll(() => page.inputValue('[data-testid=message-text]')).toBe('Qual caderno você procura?');
    await page.click('[data-testid=redo]');
    await expect.poll(() => page.inputValue('[data-testid=message-text]')).toBe('Qual caderno ou agenda você procura?');

    // A problem opens its step below the list, and the list stays open for the next one.
    await page.click('[data-testid=problem-item][data-node-id=bye]');
    await expect.poll(() => page.getAttribute('[data-testid=node-panel]', 'data-node-id')).toBe('bye');
    expect(await page.isVisible('[data-testid=problems-panel]')).toBe(true);
    await page.waitForTimeout(400);
    await page.screenshot({ path: screenshotPath(`builder-narrow-1024-problem-${lang}`) });

    // Wider windows keep the panels side by side, as before.
    for (const width of [1280, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      const sideBySide = async () => (await boxOf(page, '[data-testid=problems-panel]')).x + 360 <= (await boxOf(page, '[data-testid=node-panel]')).x + 1;
      await expect.poll(sideBySide).toBe(true);
      expect((await boxOf(page, '[data-testid=node-panel]')).height).toBeGreaterThan(800);
      expect(await toolbarClashes(page, width)).toEqual([]);
      await page.waitForTimeout(300);
      await page.screenshot({ path: screenshotPath(`builder-narrow-${width}-${lang}`) });
    }
    await page.close();
  });

  it('when the test chat is open and a step is picked at 1024 px, then the chat moves below it without starting over', async () => {
    const page = await publishedAndEdited(lang);
    await page.click('.react-flow__pane', { position: { x: 30, y: 30 } });
    await page.waitForSelector('[data-testid=node-panel]', { state: 'detached' });
    await page.click('[data-testid=test-toggle]');
    await page.waitForSelector('[data-testid=test-panel]');
    await page.$eval('[data-testid=test-panel]', (el) => el.setAttribute('data-kept', 'yes'));
    await selectNode(page, 'ask');
    const step = await boxOf(page, '[data-testid=node-panel]');
    const chat = await boxOf(page, '[data-testid=test-panel]');
    expect(Math.round(chat.x)).toBe(Math.round(step.x));
    expect(chat.y).toBeGreaterThanOrEqual(step.y + step.height - 1);
    expect((await boxOf(page, '.react-flow')).width).toBeGreaterThanOrEqual(400);
    expect(await page.getAttribute('[data-testid=test-panel]', 'data-kept')).toBe('yes');
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath(`builder-narrow-1024-test-${lang}`) });
    await page.close();
  });
});

describe('the builder on a tablet', () => {
  it('when a marketer opens the flow on a 390 px phone, then Publish, the test chat and the problems are on screen, the rest a swipe away', async () => {
    const page = await publishedAndEdited('pt-BR');
    await page.setViewportSize({ width: 390, height: 844 });
    for (const id of ['problems-toggle', 'test-toggle', 'publish']) {
      await expect.poll(async () => { const b = await boxOf(page, `[data-testid=${id}]`); return b.x >= 0 && b.x + b.width <= 390; }, { message: id }).toBe(true);
    }
    expect(await page.textContent('[data-testid=publish]')).toBe('Publicar');
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath('builder-phone-toolbar-pt-BR') });
    await page.close();
  });

  it('when a step is open in an 820 px window, then the steps are a rail of icons with their names, and the canvas keeps 400 px', async () => {
    const page = await publishedAndEdited('pt-BR');
    await page.setViewportSize({ width: 820, height: 1180 });
    await expect.poll(async () => (await boxOf(page, '[data-testid=palette]')).width).toBeLessThanOrEqual(57);
    expect((await boxOf(page, '.react-flow')).width).toBeGreaterThanOrEqual(400);
    expect(await toolbarClashes(page, 820)).toEqual([]);
    // Each icon is named, for the tooltip and for a screen reader, and still adds its step.
    const wait = page.getByRole('button', { name: 'Esperar', exact: true });
    await wait.hover();
    await page.getByRole('tooltip').filter({ hasText: 'Esperar' }).waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath('builder-tablet-820-pt-BR') });
    const before = await page.locator('.react-flow__node').count();
    await wait.click();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(before + 1);
    await page.close();
  });
});
