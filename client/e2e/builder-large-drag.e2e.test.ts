// Panning and dragging cards on a large flow (100+ steps), where the editor moves the view, the cards and their
// connections itself during the gesture and hands the positions over on drop: the connections follow
// the cards while they move, the saved document gets the snapped positions, one undo takes the drag
// back, and a multiple selection moves as one. Moving a card does not open its side panel (clicking
// it does); a panel already open switches to the grabbed card just after the drop, not under the
// pointer.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { api, type TestApp } from '../../server/test/harness';
import { nodeCount, signedInPage, waitSaved } from './builder-page';
import { screenshotPath } from './browser';
import { startSignedUpSuite } from './suites';

let app: TestApp;
let browser: Browser;
let token: string;

startSignedUpSuite('Arrastar', (s) => ({ app, browser, token } = s));

const COUNT = 120;
const GRID = 16;

/** A trigger and a chain of messages on a 12-column grid (every third message has two buttons). */
function chain() {
  const nodes: any[] = [{ id: 'n0', type: 'trigger', position: { x: 0, y: 0 }, config: { keywords: [{ match: 'exact', value: 'oi' }], newContact: false, fallback: false, channelIds: [], priority: 0 } }];
  const edges: any[] = [];
  for (let i = 1; i < COUNT; i++) {
    const buttons = i % 3 === 0 ? [{ id: 'a', title: 'Sim' }, { id: 'b', title: 'Não' }] : [];
    nodes.push({ id: `n${i}`, type: 'message', position: { x: (i % 12) * 320, y: Math.floor(i / 12) * 224 }, config: { text: `Mensagem ${i}`, buttons, list: null, media: null, typingDelayMs: 0 } });
    const prev = nodes[i - 1];
    const handle = prev.type === 'trigger' ? 'next' : prev.config.buttons.length ? 'btn:a' : 'next';
    edges.push({ id: `n${i - 1}.${handle}`, source: `n${i - 1}`, sourceHandle: handle, target: `n${i}` });
  }
  return { schemaVersion: 1, nodes, edges, settings: {} };
}

const savedPositions = async (flowId: string): Promise<Record<string, { x: number; y: number }>> => {
  const draft = (await api(app, 'GET', `/v1/flows/${flowId}`, undefined, token)).body;
  return Object.fromEntries(draft.document.nodes.map((n: any) => [n.id, n.position]));
};

const boxOf = async (page: Page, id: string) => (await page.locator(`[data-testid=node-${id}]`).boundingBox())!;

/** Where a connection's drawn path ends, on screen. */
const pathEnd = (page: Page, edgeId: string) =>
  page.evaluate((id) => {
    const path = document.querySelector<SVGPathElement>(`.react-flow__edge[data-id="${id}"] .react-flow__edge-path`)!;
    const p = path.getPointAtLength(path.getTotalLength());
    const m = path.getScreenCTM()!;
    return { x: p.x * m.a + p.y * m.c + m.e, y: p.x * m.b + p.y * m.d + m.f };
  }, edgeId);

/** The connection ends on the middle of the card's input dot. */
async function expectEdgeOnInput(page: Page, edgeId: string, target: string) {
  const handle = (await page.locator(`[data-testid=handle-${target}-in]`).boundingBox())!;
  const end = await pathEnd(page, edgeId);
  expect(Math.abs(end.x - handle.x)).toBeLessThan(2);
  expect(Math.abs(end.y - (handle.y + handle.height / 2))).toBeLessThan(2);
}

async function openChain(): Promise<{ page: Page; flowId: string; zoom: number }> {
  const created = await api(app, 'POST', '/v1/flows', { name: `Arrastar ${Date.now()}`, document: chain() }, token);
  const page = await signedInPage(browser, app, token);
  await page.goto(`${app.url}/flows/${created.body.id}`);
  await expect.poll(() => nodeCount(page), { timeout: 30_000 }).toBe(COUNT);
  await page.waitForTimeout(500);
  const zoom = await page.locator('.react-flow__viewport').evaluate((e) => new DOMMatrix(getComputedStyle(e).transform).a);
  return { page, flowId: created.body.id, zoom };
}

/** The saved move is on the grid and is exactly how far the card moved on screen. */
function expectMoved(from: { x: number; y: number }, to: { x: number; y: number }, screen: { x: number; y: number }, zoom: number) {
  const moved = { x: to.x - from.x, y: to.y - from.y };
  expect(Math.abs(moved.x) % GRID).toBe(0);
  expect(Math.abs(moved.y) % GRID).toBe(0);
  expect(moved).not.toEqual({ x: 0, y: 0 });
  expect(Math.abs(moved.x * zoom - screen.x)).toBeLessThan(1);
  expect(Math.abs(moved.y * zoom - screen.y)).toBeLessThan(1);
}

describe('dragging cards on a large flow', () => {
  it('when a card is dragged, then its connections follow it, the document gets its snapped position and one undo puts it back', async () => {
    const { page, flowId, zoom } = await openChain();
    const before = await savedPositions(flowId);
    const box = await boxOf(page, 'n60');
    const by = { x: 90, y: 45 };
    await page.mouse.move(box.x + 10, box.y + 5);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 10 + (by.x * i) / 10, box.y + 5 + (by.y * i) / 10);
    // Mid-gesture: the card has moved and the connection into it still ends on its input.
    const moving = await boxOf(page, 'n60');
    expect(moving.x - box.x).toBeGreaterThan(by.x / 2);
    await expectEdgeOnInput(page, 'n59.next', 'n60');
    await expect.poll(() => page.locator('.react-flow__node[data-id=n60]').getAttribute('class')).toContain('selected');
    expect(await page.locator('[data-testid=node-panel]').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('builder-large-drag-mid-gesture') });
    await page.mouse.up();

    await waitSaved(page);
    // The card moved, selected; its panel stays closed.
    expect(await page.locator('[data-testid=node-panel]').count()).toBe(0);
    const after = await savedPositions(flowId);
    const dropped = await boxOf(page, 'n60');
    expectMoved(before.n60!, after.n60!, { x: dropped.x - box.x, y: dropped.y - box.y }, zoom);
    expect(after.n59).toEqual(before.n59);
    expect(after.n61).toEqual(before.n61);
    await expectEdgeOnInput(page, 'n59.next', 'n60');
    await expectEdgeOnInput(page, 'n60.btn:a', 'n61');
    // A click on the card opens its panel.
    await page.mouse.click(dropped.x + 10, dropped.y + 5);
    await expect.poll(() => page.getAttribute('[data-testid=node-panel]', 'data-node-id')).toBe('n60');

    // The drag is one undo step: the flow was opened with no history, so one undo empties it.
    await page.click('.react-flow__pane', { position: { x: 20, y: 20 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.isDisabled('[data-testid=undo]')).toBe(true);
    await waitSaved(page);
    expect((await savedPositions(flowId)).n60).toEqual(before.n60);
    await expectEdgeOnInput(page, 'n59.next', 'n60');
    await page.close();
  });

  it('when a card is dragged while another card\'s panel is open, then the panel switches to it after the drop', async () => {
    const { page } = await openChain();
    const b59 = await boxOf(page, 'n59');
    await page.mouse.click(b59.x + 10, b59.y + 5);
    await expect.poll(() => page.getAttribute('[data-testid=node-panel]', 'data-node-id')).toBe('n59');
    // Opening the panel may pan the view to keep the card beside it.
    await page.waitForTimeout(400);
    const box = await boxOf(page, 'n62');
    await page.mouse.move(box.x + 10, box.y + 5);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 10 + i * 6, box.y + 5 + i * 4);
    // Mid-gesture the panel still shows the step it showed; the dragged card is the selected one.
    await expect.poll(() => page.locator('.react-flow__node[data-id=n62]').getAttribute('class')).toContain('selected');
    expect(await page.getAttribute('[data-testid=node-panel]', 'data-node-id')).toBe('n59');
    await page.mouse.up();
    await expect.poll(() => page.getAttribute('[data-testid=node-panel]', 'data-node-id')).toBe('n62');
    await page.close();
  });

  it('when several selected cards are dragged, then they all move by the same amount and the connection between them comes along', async () => {
    const { page, flowId, zoom } = await openChain();
    const before = await savedPositions(flowId);
    // Selecting a card opens its panel, and the view may pan to keep the card beside it.
    const first = await boxOf(page, 'n61');
    await page.mouse.click(first.x + 10, first.y + 5);
    await page.waitForTimeout(400);
    const b62 = await boxOf(page, 'n62');
    await page.keyboard.down('Control');
    await page.mouse.click(b62.x + 10, b62.y + 5);
    await page.keyboard.up('Control');
    await page.waitForTimeout(400);
    expect(await page.locator('.react-flow__node.selected').count()).toBe(2);
    const b61 = await boxOf(page, 'n61');
    const by = { x: -60, y: 70 };
    await page.mouse.move(b61.x + 10, b61.y + 5);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(b61.x + 10 + (by.x * i) / 10, b61.y + 5 + (by.y * i) / 10);
    await expectEdgeOnInput(page, 'n61.next', 'n62');
    await expectEdgeOnInput(page, 'n60.btn:a', 'n61');
    await page.mouse.up();

    await waitSaved(page);
    const after = await savedPositions(flowId);
    const dropped = await boxOf(page, 'n61');
    expectMoved(before.n61!, after.n61!, { x: dropped.x - b61.x, y: dropped.y - b61.y }, zoom);
    expect(after.n62!.x - before.n62!.x).toBe(after.n61!.x - before.n61!.x);
    expect(after.n62!.y - before.n62!.y).toBe(after.n61!.y - before.n61!.y);
    expect(after.n60).toEqual(before.n60);
    await expectEdgeOnInput(page, 'n61.next', 'n62');
    await expectEdgeOnInput(page, 'n62.next', 'n63');
    await page.close();
  });

  it('when a zoomed-in large flow is panned, then the cards coming into sight are drawn before the pointer is released', async () => {
    const { page } = await openChain();
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
    for (let i = 0; i < 8; i++) {
      await page.mouse.wheel(0, -120);
      await page.waitForTimeout(50);
    }
    await page.waitForTimeout(600);
    // A card just beyond the canvas's right edge, which the pan below brings into sight (its place on
    // screen from the document's position and the view's transform).
    const view = await page.locator('.react-flow__viewport').evaluate((e) => {
      const m = new DOMMatrix(getComputedStyle(e).transform);
      return { x: m.e, y: m.f, zoom: m.a };
    });
    const flowBox = (await page.locator('.react-flow').boundingBox())!;
    const doc = chain();
    const onScreen = (n: { position: { x: number; y: number } }) => ({ x: flowBox.x + view.x + n.position.x * view.zoom, y: flowBox.y + view.y + n.position.y * view.zoom });
    const right = pane.x + pane.width;
    const coming = doc.nodes.find((n: any) => onScreen(n).x > right + 50 && onScreen(n).x < right + 500 && onScreen(n).y > pane.y + 50 && onScreen(n).y < pane.y + pane.height - 300);
    expect(coming).toBeDefined();
    // A point of the empty canvas (not a card or a connection) near the top-left corner.
    const from = await page.evaluate(({ x0, y0, w, h }) => {
      for (let y = y0 + 20; y < y0 + h / 2; y += 10) {
        for (let x = x0 + 20; x < x0 + w / 2; x += 10) {
          if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
        }
      }
      return null;
    }, { x0: pane.x, y0: pane.y, w: pane.width, h: pane.height });
    expect(from).not.toBeNull();
    await page.mouse.move(from!.x, from!.y);
    await page.mouse.down();
    for (let i = 1; i <= 20; i++) await page.mouse.move(from!.x - i * 40, from!.y - i * 20);
    // The pointer rests, still pressed: the card now in sight is on the page, where the view puts it.
    await page.waitForTimeout(300);
    const mid = await page.locator(`[data-testid=node-${coming.id}]`).boundingBox();
    expect(mid).not.toBeNull();
    expect(mid!.x).toBeGreaterThan(pane.x);
    expect(mid!.x).toBeLessThan(right - 50);
    expect(Math.abs(mid!.x - (onScreen(coming).x - 800))).toBeLessThan(2);
    await page.mouse.up();
    // On release the pan passes from the pane (moved during the gesture) to the view: the card stays
    // put, the pane is back in place, the view holds the pan, and no text got selected on the way.
    const after = (await page.locator(`[data-testid=node-${coming.id}]`).boundingBox())!;
    expect(Math.abs(after.x - mid!.x)).toBeLessThan(1);
    expect(await page.locator('.react-flow__pane').evaluate((e) => (e as HTMLElement).style.transform)).toBe('');
    const panned = await page.locator('.react-flow__viewport').evaluate((e) => new DOMMatrix(getComputedStyle(e).transform).e);
    expect(Math.abs(panned - (view.x - 800))).toBeLessThan(1);
    expect(await page.evaluate(() => getSelection()?.toString() ?? '')).toBe('');
    await page.close();
  });
});
