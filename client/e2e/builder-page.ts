// Shared steps for the builder's browser tests: a signed-in page for an API session, and canvas
// gestures (add a node from the palette, drag a connection between two handles).
import type { Browser, Page } from 'playwright-core';
import { resolve } from 'node:path';
import { expect } from 'vitest';
import { api, startTestApp, type TestApp } from '../../server/test/harness';
import type { RuntimeOptions } from '../../server/src/runtime';
import { screenshotPath } from './browser';

export const CLIENT_DIST = resolve(import.meta.dirname, '..', 'dist');
export const startAppWithClient = (env: Record<string, string> = {}, opts: RuntimeOptions = {}) => startTestApp(env, { clientDistDir: CLIENT_DIST, ...opts });

/** A page signed in as the owner of `token`'s workspace (the same session the SPA would store). */
export async function signedInPage(browser: Browser, app: TestApp, token: string, lang: 'en' | 'pt-BR' = 'en', phone = false): Promise<Page> {
  const me = await api(app, 'GET', '/v1/me', undefined, token);
  const auth = JSON.stringify({ state: { token, refreshToken: null, user: me.body.user, workspace: me.body.workspace, role: me.body.role }, version: 1 });
  const page = await browser.newPage(phone
    ? { locale: 'en-US', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
    : { locale: 'en-US', viewport: { width: 1600, height: 960 } });
  await page.addInitScript(
    ([a, l]) => {
      // Only the first load seeds the session; later reloads must see what the app itself stored.
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('zyntra.auth', a!);
        localStorage.setItem('zyntra.lang', l!);
        sessionStorage.setItem('seeded', '1');
      }
    },
    [auth, lang],
  );
  page.on('pageerror', (err) => console.error('[browser]', err.message));
  return page;
}

export async function openFlow(page: Page, app: TestApp, flowId: string): Promise<void> {
  await page.goto(`${app.url}/flows/${flowId}`);
  await page.waitForSelector('.react-flow__node');
}

/** Opens the builder's test chat, starts a run and sends `text` as the customer's first message. */
export async function sayInTestChat(page: Page, text: string): Promise<void> {
  await page.click('[data-testid=test-toggle]');
  await page.click('[data-testid=test-start]');
  await page.waitForSelector('[data-testid=test-input]:not([disabled])');
  await page.fill('[data-testid=test-input]', text);
  await page.click('[data-testid=test-send]');
}

export const nodeCount = (page: Page) => page.locator('.react-flow__node').count();

/** Clicks a palette item and returns the new node's id (a new node is selected, so its panel opens). */
export async function addNode(page: Page, type: string): Promise<string> {
  const before = await nodeCount(page);
  await page.click(`[data-testid=palette-${type}]`);
  await expect.poll(() => nodeCount(page)).toBe(before + 1);
  const id = await page.getAttribute('[data-testid=node-panel]', 'data-node-id');
  expect(id).toBeTruthy();
  return id!;
}

/** The element's center once it stops moving (the canvas may still be animating a pan or zoom). */
async function centerOf(page: Page, selector: string) {
  await page.locator(selector).waitFor({ state: 'attached', timeout: 15_000 }).catch(async () => {
    await page.screenshot({ path: screenshotPath('builder-missing-element') });
    const state = await page.evaluate(() => ({
      nodes: [...document.querySelectorAll('.react-flow__node')].map((n) => `${n.getAttribute('data-id')}@${(n as HTMLElement).style.transform}`),
      viewport: (document.querySelector('.react-flow__viewport') as HTMLElement | null)?.style.transform,
      pane: document.querySelector('.react-flow')?.getBoundingClientRect().toJSON(),
      panel: document.querySelector('[data-testid=node-panel]')?.getAttribute('data-node-id') ?? null,
    }));
    throw new Error(`not on the page: ${selector}; ${JSON.stringify(state)}`);
  });
  const box = await whenStill(
    page,
    async () => {
      const found = await page.locator(selector).boundingBox();
      if (!found) throw new Error(`not visible: ${selector}`);
      return found;
    },
    (b) => `${b.x},${b.y}`,
    { looks: 1, everyMs: 60, tries: 40 },
  );
  if (!box) throw new Error(`still moving: ${selector}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * Reads a value every `everyMs` until the same key comes back `looks` more times in a row (the
 * canvas stopped moving); null when it did not within `tries` reads.
 */
async function whenStill<T>(page: Page, read: () => Promise<T>, keyOf: (value: T) => string, o: { looks: number; everyMs: number; tries: number }): Promise<T | null> {
  let last: string | undefined;
  let still = 0;
  for (let i = 0; i < o.tries; i++) {
    const value = await read();
    const key = keyOf(value);
    still = key === last ? still + 1 : 0;
    if (still >= o.looks) return value;
    last = key;
    await page.waitForTimeout(o.everyMs);
  }
  return null;
}

/** Drags from an output handle to a node's input handle, like a person would. */
export async function connect(page: Page, source: string, handle: string, target: string): Promise<void> {
  const from = await centerOf(page, `[data-testid="handle-${source}-${handle}"]`);
  const to = await centerOf(page, `[data-testid="handle-${target}-in"]`);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 8 });
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
  try {
    await page.waitForSelector(`.react-flow__edge[data-id="${source}.${handle}"]`, { timeout: 5000 });
  } catch (err) {
    await page.screenshot({ path: screenshotPath('builder-connect-failed') });
    throw err;
  }
}

/** Starts a connection at an output handle and lets go at a screen point (a card's body, empty canvas). */
export async function dragConnectionTo(page: Page, source: string, handle: string, to: { x: number; y: number }): Promise<void> {
  const from = await centerOf(page, `[data-testid="handle-${source}-${handle}"]`);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 8 });
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
}

/** The screen box of a node card once it stopped moving. */
export async function boxOf(page: Page, nodeId: string) {
  await centerOf(page, `[data-testid="node-${nodeId}"]`);
  return (await page.locator(`[data-testid="node-${nodeId}"]`).boundingBox())!;
}

/** Selects a node by clicking its title row. */
export async function selectNode(page: Page, id: string): Promise<void> {
  await page.click(`[data-testid="node-${id}"] >> nth=0`, { position: { x: 60, y: 16 } });
  await expect.poll(() => page.getAttribute('[data-testid=node-panel]', 'data-node-id')).toBe(id);
}

export async function waitSaved(page: Page): Promise<void> {
  await expect.poll(() => page.getAttribute('[data-testid=save-state]', 'data-state'), { timeout: 10_000 }).toBe('saved');
}

/** Tidies up and waits for the result: the layout engine loads on first use, then the view fits it. */
export const tidyUp = async (page: Page) => {
  await page.click('[data-testid=autolayout]');
  await page.waitForTimeout(500); // the fit-view animation
  await page.waitForSelector('[data-testid=autolayout]:not([data-busy])', { timeout: 30_000 });
  // The view has fitted once it held still for three looks in a row.
  await whenStill(page, () => page.locator('.react-flow__viewport').getAttribute('style'), (style) => style ?? '', { looks: 3, everyMs: 120, tries: 80 });
};
