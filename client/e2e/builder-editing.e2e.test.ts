// Canvas editing habits: undo/redo (buttons and keys), one undo step per drag (which opens no panel), copy/paste and
// duplicate with fresh ids, and keys typed into a field staying in the field.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { api, type TestApp } from '../../server/test/harness';
import { screenshotPath } from './browser';
import { addNode, nodeCount, openFlow, selectNode, signedInPage, tidyUp } from './builder-page';
import { startSignedUpSuite } from './suites';

let app: TestApp;
let browser: Browser;
let token: string;

startSignedUpSuite('Doceria', (s) => ({ app, browser, token } = s));

async function newFlowPage(): Promise<{ page: Page; flowId: string }> {
  const created = await api(app, 'POST', '/v1/flows', { name: `Editing ${Date.now()}` }, token);
  const page = await signedInPage(browser, app, token);
  await openFlow(page, app, created.body.id);
  return { page, flowId: created.body.id };
}

const nodeIds = (page: Page) => page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!));
const transformOf = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`).evaluate((e) => (e as HTMLElement).style.transform);

describe('editing the canvas', () => {
  it('when nodes are added, then undo/redo buttons and Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y step through them', async () => {
    const { page } = await newFlowPage();
    expect(await page.isDisabled('[data-testid=undo]')).toBe(true);
    await addNode(page, 'message');
    await addNode(page, 'wait');
    expect(await nodeCount(page)).toBe(3);

    await page.click('[data-testid=undo]');
    await expect.poll(() => nodeCount(page)).toBe(2);
    await page.click('[data-testid=redo]');
    await expect.poll(() => nodeCount(page)).toBe(3);

    await page.click('.react-flow__pane', { position: { x: 30, y: 30 } });
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(() => nodeCount(page)).toBe(1);
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => nodeCount(page)).toBe(2);
    await page.keyboard.press('Control+y');
    await expect.poll(() => nodeCount(page)).toBe(3);
  });

  it('when a node is dragged, then one undo puts it back where it was', async () => {
    const { page } = await newFlowPage();
    const before = await transformOf(page, 'trigger');
    const box = (await page.locator('[data-testid=node-trigger]').boundingBox())!;
    await page.mouse.move(box.x + 60, box.y + 14);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 60 + i * 20, box.y + 14 + i * 10);
    await page.mouse.up();
    await expect.poll(() => transformOf(page, 'trigger')).not.toBe(before);
    // Moving a card does not open its panel; Enter does.
    await page.waitForTimeout(200);
    expect(await page.locator('[data-testid=node-panel]').count()).toBe(0);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getAttribute('[data-testid=node-panel]', 'data-node-id')).toBe('trigger');
    await page.click('.react-flow__pane', { position: { x: 30, y: 30 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => transformOf(page, 'trigger')).toBe(before);
  });

  it('when a selection is copied, pasted and duplicated, then each copy gets a fresh id', async () => {
    const { page } = await newFlowPage();
    const message = await addNode(page, 'message');
    await page.fill('[data-testid=message-text]', 'Bom dia!');
    await selectNode(page, message);
    await page.click('.react-flow__pane', { position: { x: 30, y: 30 } });
    await selectNode(page, message);
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await expect.poll(() => nodeCount(page)).toBe(3);
    await page.keyboard.press('Control+v');
    await expect.poll(() => nodeCount(page)).toBe(4);
    await page.keyboard.press('Control+d');
    await expect.poll(() => nodeCount(page)).toBe(5);
    const ids = await nodeIds(page);
    expect(new Set(ids).size).toBe(5);
    // Copies carry the config: every message card shows the text.
    expect(await page.locator('.react-flow__node', { hasText: 'Bom dia!' }).count()).toBe(4);
    await page.screenshot({ path: screenshotPath('builder-paste-en') });

    // Ctrl-click adds to the selection; Delete removes the whole selection at once.
    await tidyUp(page);
    const [a, b] = ids.slice(-2);
    await page.click(`[data-testid="node-${a}"]`, { position: { x: 60, y: 16 } });
    await page.click(`[data-testid="node-${b}"]`, { position: { x: 60, y: 16 }, modifiers: ['Control'] });
    await page.keyboard.press('Delete');
    await expect.poll(() => nodeCount(page)).toBe(3);
  });

  it('when a step is added while "Tidy up" still loads its engine, then the layout includes it', async () => {
    const { page } = await newFlowPage();
    await addNode(page, 'message');
    // The layout engine is fetched on first use: hold it until the new step is on the canvas.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.context().route(/elk-worker/, async (route) => {
      await held;
      await route.continue();
    });
    await page.click('[data-testid=autolayout]');
    await addNode(page, 'wait');
    expect(await page.getAttribute('[data-testid=autolayout]', 'data-busy')).toBe('true');
    release();
    await page.waitForSelector('[data-testid=autolayout]:not([data-busy])');
    const positions = async () => Object.fromEntries(await Promise.all((await nodeIds(page)).map(async (id) => [id, await transformOf(page, id)])));
    const laidOut = await positions();
    expect(Object.keys(laidOut)).toHaveLength(3);
    // Tidying up again finds nothing to move: the step added meanwhile was laid out the first time.
    await tidyUp(page);
    expect(await positions()).toEqual(laidOut);
  });

  it('when Backspace is pressed in the side panel, then it edits the field and keeps the node', async () => {
    const { page } = await newFlowPage();
    await addNode(page, 'message');
    await page.fill('[data-testid=message-text]', 'Oi!');
    await page.focus('[data-testid=message-text]');
    await page.keyboard.press('Backspace');
    expect(await page.inputValue('[data-testid=message-text]')).toBe('Oi');
    // Nor does a key pressed right after clicking a button in the panel.
    await page.click('[data-testid=message-choices] label:has-text("Buttons")');
    expect(await page.textContent('[data-testid=message-choices-hint]')).toContain('type its name or its number (1, 2, 3…)');
    await page.click('[data-testid=add-button]');
    await page.keyboard.press('Backspace');
    expect(await nodeCount(page)).toBe(2);
  });
});
