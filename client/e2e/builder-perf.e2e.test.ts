// A generated 300-node flow loads, pans, drags, zooms and takes typing in the side panel; the same
// gestures run on a 3-node flow in the same browser as the baseline. Reported, not asserted (the
// 2-core machine is shared): wall-clock frame times, and CPU per frame from a Chromium trace, which
// other processes on the machine do not inflate. `npm run bench -- --canvas` runs this test and
// prints the figures against the targets; CANVAS_PROFILE=1 adds the hottest functions.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { loadavg } from 'node:os';
import { api, type TestApp } from '../../server/test/harness';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SCREENSHOT_DIR, screenshotPath } from './browser';
import { nodeCount, signedInPage } from './builder-page';
import { topFunctions, traced, typingCost } from './canvas-metrics';
import { startSignedUpSuite } from './suites';

let app: TestApp;
let browser: Browser;
let token: string;

startSignedUpSuite('Perf', (s) => ({ app, browser, token } = s));

const COLUMNS = 20;
const PROFILE = process.env.CANVAS_PROFILE === '1';
const TEXT = ' — promoção de verão, aproveite!';

/** A trigger and a chain of messages (every third with two buttons), on a 20-column grid. */
function generatedFlow(count: number) {
  const nodes: any[] = [{ id: 'n0', type: 'trigger', position: { x: 0, y: 0 }, config: { keywords: [{ match: 'exact', value: 'perf' }], newContact: false, fallback: false, channelIds: [], priority: 0 } }];
  const edges: any[] = [];
  for (let i = 1; i < count; i++) {
    const buttons = i % 3 === 0 ? [{ id: 'a', title: 'Sim' }, { id: 'b', title: 'Não' }] : [];
    const position = { x: (i % COLUMNS) * 320, y: Math.floor(i / COLUMNS) * 220 };
    nodes.push({ id: `n${i}`, type: 'message', position, config: { text: `Mensagem número ${i}`, buttons, list: null, media: null, typingDelayMs: 0 } });
    const prev = nodes[i - 1];
    const handle = prev.type === 'trigger' ? 'next' : prev.config.buttons.length ? 'btn:a' : 'next';
    edges.push({ id: `n${i - 1}.${handle}`, source: `n${i - 1}`, sourceHandle: handle, target: `n${i}` });
  }
  return { schemaVersion: 1, nodes, edges, settings: {} };
}

async function drag(page: Page, from: { x: number; y: number }, by: { x: number; y: number }, steps: number) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) await page.mouse.move(from.x + (by.x * i) / steps, from.y + (by.y * i) / steps);
  await page.mouse.up();
}

/** Opens a generated flow and runs pan, drag, zoom and typing, each traced. */
async function measureFlow(count: number, typeInto: string) {
  const created = await api(app, 'POST', '/v1/flows', { name: `Fluxo ${count}`, document: generatedFlow(count) }, token);
  expect(created.status).toBe(201);
  const page = await signedInPage(browser, app, token);
  const started = Date.now();
  await page.goto(`${app.url}/flows/${created.body.id}`);
  await expect.poll(() => nodeCount(page), { timeout: 30_000 }).toBe(count);
  const loadMs = Date.now() - started;
  await page.waitForTimeout(500);
  const hot: Record<string, unknown> = {};
  const measured = async (name: string, gesture: () => Promise<void>) => {
    const result = await traced(browser, page, gesture);
    // Each gesture ends where it started, so it can run again under the profiler.
    if (PROFILE && count > 10) hot[name] = await topFunctions(page, gesture);
    return result;
  };

  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const center = { x: pane.x + pane.width / 2, y: pane.y + pane.height / 2 };
  // Grabbed at the empty band fitView leaves above the cards.
  const empty = { x: center.x, y: pane.y + 30 };
  const pan = await measured('pan', async () => {
    await drag(page, empty, { x: -300, y: 150 }, 40);
    await drag(page, { x: empty.x - 300, y: empty.y + 150 }, { x: 300, y: -150 }, 40);
  });
  // The pan moved the view (on a large flow the editor moves it during the gesture and hands React
  // Flow the final view on release): a card follows the pointer and ends where it was.
  const before = (await page.locator(`[data-testid=node-${typeInto}]`).boundingBox())!;
  await drag(page, empty, { x: -100, y: 40 }, 5);
  const after = (await page.locator(`[data-testid=node-${typeInto}]`).boundingBox())!;
  expect([Math.round(after.x - before.x), Math.round(after.y - before.y)]).toEqual([-100, 40]);
  await drag(page, { x: empty.x - 100, y: empty.y + 40 }, { x: 100, y: -40 }, 5);
  const box = (await page.locator(`[data-testid=node-${typeInto}]`).boundingBox())!;
  expect([Math.round(box.x), Math.round(box.y)]).toEqual([Math.round(before.x), Math.round(before.y)]);
  const grab = { x: box.x + 20, y: box.y + 8 };
  const dragged = await measured('drag', async () => {
    await drag(page, grab, { x: 80, y: 40 }, 30);
    await drag(page, { x: grab.x + 80, y: grab.y + 40 }, { x: -80, y: -40 }, 30);
  });
  const zoom = await measured('zoom', async () => {
    await page.mouse.move(center.x, center.y);
    for (let i = 0; i < 10; i++) await page.mouse.wheel(0, i < 5 ? -120 : 120);
    await page.waitForTimeout(300);
  });

  // Find the step by its text (Ctrl+K), then type in its panel with the whole flow in view.
  await page.click('.react-flow__pane', { position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+k');
  await page.fill('[data-testid=finder-input]', `mensagem número ${typeInto.slice(1)}`);
  await expect.poll(() => page.locator('[data-testid=finder-hit]').count()).toBe(1);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getAttribute('[data-testid=node-panel]', 'data-node-id')).toBe(typeInto);
  await page.click('[data-testid=fit-view]');
  await page.waitForTimeout(500);
  await page.click('[data-testid=message-text]');
  await page.keyboard.press('End');
  let keys: Awaited<ReturnType<typeof typingCost>> | null = null;
  const typing = await measured('typing', async () => {
    keys = await typingCost(page, TEXT);
  });
  await expect.poll(() => page.textContent(`[data-testid=node-${typeInto}]`)).toContain('promoção de verão');
  const chars = Array.from(TEXT).length;
  const cpuPerCharMs = +((typing.cpu.mainMsPerFrame * typing.frames.frames) / chars).toFixed(1);
  if (count > 10) await page.screenshot({ path: screenshotPath('builder-300-nodes') });
  await page.close();
  return { nodes: count, loadMs, pan, drag: dragged, zoom, typing: { ...keys!, cpuPerCharMs, frames: typing.frames, cpu: typing.cpu }, ...(PROFILE ? { hot } : {}) };
}

const ratio = (a: number, b: number) => +(a / Math.max(b, 0.1)).toFixed(2);

describe('a 300-node flow', () => {
  it('when it is opened, then it renders every node, pans, drags, zooms and takes typing (figures reported beside a 3-node baseline)', async () => {
    const baseline = await measureFlow(3, 'n2');
    const large = await measureFlow(300, 'n150');
    const ratios = {
      panMainCpu: ratio(large.pan.cpu.mainMsPerFrame, baseline.pan.cpu.mainMsPerFrame),
      dragMainCpu: ratio(large.drag.cpu.mainMsPerFrame, baseline.drag.cpu.mainMsPerFrame),
      typingCpuPerChar: ratio(large.typing.cpuPerCharMs, baseline.typing.cpuPerCharMs),
    };
    const figures = { loadAverage: loadavg().map((v) => +v.toFixed(1)), large, baseline, ratios };
    console.log(`[perf] ${JSON.stringify({ large: { pan: large.pan.cpu, drag: large.drag.cpu, typing: large.typing.cpuPerCharMs }, ratios })}`);
    writeFileSync(resolve(SCREENSHOT_DIR, '..', 'canvas-frames.json'), JSON.stringify(figures, null, 2));
    expect(large.pan.frames.frames).toBeGreaterThan(0);
    expect(large.typing.perChar.frames).toBe(Array.from(TEXT).length);
  });
});
