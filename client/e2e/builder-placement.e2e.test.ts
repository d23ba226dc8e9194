// Where a new step lands: a marketer must see what they added. Whether it comes from the palette
// (a click or Enter), beside the selected step or in the middle of the view, or from a connection
// dropped on empty canvas, the new card ends up whole in the free part of the view: inside the
// canvas, not under the minimap or the zoom buttons, not on another card. Screenshots in English
// and pt-BR.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FlowNode } from '@zyntra/flows-schema';
import { api, type TestApp } from '../../server/test/harness';
import { flow, keywordTrigger, node } from '../../server/test/flow-docs';
import { screenshotPath } from './browser';
import { dragConnectionTo, openFlow, selectNode, signedInPage } from './builder-page';
import { startSignedUpSuite } from './suites';

let app: TestApp;
let browser: Browser;
let token: string;

startSignedUpSuite('Doces da Bia', (s) => ({ app, browser, token } = s));

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (a: Box, b: Box) => a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;
const at = (n: FlowNode, x: number, y: number): FlowNode => ({ ...n, position: { x, y } });
const say = (id: string, text: string, x: number, y: number) => at(node(id, 'message', { text }), x, y);

async function open(nodes: FlowNode[], lang: 'en' | 'pt-BR'): Promise<Page> {
  const created = await api(app, 'POST', '/v1/flows', { name: `Encomendas ${lang} ${Date.now()}`, document: flow(nodes, []) }, token);
  const page = await signedInPage(browser, app, token, lang);
  await openFlow(page, app, created.body.id);
  return page;
}

/** Waits for the side panel to show a card other than `before` (a new card is selected): its id. */
async function newCardId(page: Page, before: string | null): Promise<string> {
  await expect.poll(() => page.getAttribute('[data-testid=node-panel]', 'data-node-id').catch(() => null)).not.toBe(before);
  const id = await page.getAttribute('[data-testid=node-panel]', 'data-node-id');
  expect(id).toBeTruthy();
  return id!;
}

/** Where the card is, where the minimap and zoom buttons are, and which drawn cards it covers. */
async function whereIs(page: Page, id: string) {
  return page.evaluate((id) => {
    const rect = (el: Element | null) => {
      const r = el?.getBoundingClientRect();
      return r ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
    };
    const others = [...document.querySelectorAll('.react-flow__node')].filter((el) => el.getAttribute('data-id') !== id).map(rect);
    return {
      card: rect(document.querySelector(`[data-testid="node-${id}"]`)),
      canvas: rect(document.querySelector('.react-flow')),
      minimap: rect(document.querySelector('.react-flow__minimap')),
      controls: rect(document.querySelector('.react-flow__controls')),
      others: others.filter((r): r is NonNullable<typeof r> => r !== null),
    };
  }, id);
}

/** The card is seen whole: drawn inside the canvas, clear of the minimap, the zoom buttons and every other card. */
async function seenWhole(page: Page, id: string): Promise<string> {
  const w = await whereIs(page, id);
  if (!w.card || !w.canvas || !w.minimap || !w.controls) return `missing: ${JSON.stringify(w)}`;
  if (!inside(w.card, w.canvas)) return `outside the canvas: ${JSON.stringify(w.card)} in ${JSON.stringify(w.canvas)}`;
  if (overlap(w.card, w.minimap)) return `under the minimap: ${JSON.stringify(w.card)} / ${JSON.stringify(w.minimap)}`;
  if (overlap(w.card, w.controls)) return `under the zoom buttons: ${JSON.stringify(w.card)}`;
  const covered = w.others.find((o) => overlap(w.card!, o));
  return covered ? `on another card: ${JSON.stringify(covered)}` : 'seen whole';
}

/** A screenshot without the palette's tooltip fading over the canvas. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.waitForTimeout(400);
  await page.screenshot({ path: screenshotPath(name) });
}

/** Seen whole once the view has settled (it may pan to show the card), and still so a moment later. */
async function expectSeenWhole(page: Page, id: string): Promise<void> {
  await expect.poll(() => seenWhole(page, id), { timeout: 5_000 }).toBe('seen whole');
  await page.waitForTimeout(400);
  expect(await seenWhole(page, id)).toBe('seen whole');
}

/**
 * With the side panel open (the trigger selected), pans the view by dragging empty canvas so that
 * `id`'s card ends a little left of the minimap, level with its top: where a marketer working at the
 * bottom-right of the view has it.
 */
async function panNextToMinimap(page: Page, id: string): Promise<{ minimap: Box; card: Box }> {
  await selectNode(page, 'start');
  await page.waitForTimeout(400);
  const minimap = (await page.locator('.react-flow__minimap').boundingBox())!;
  const card = (await page.locator(`[data-testid="node-${id}"]`).boundingBox())!;
  const canvas = (await page.locator('.react-flow').boundingBox())!;
  const dx = minimap.x - 140 - (card.x + card.width);
  const dy = minimap.y - 10 - card.y;
  const from = { x: canvas.x + canvas.width / 2 - dx / 2, y: canvas.y + canvas.height / 2 - dy / 2 };
  expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.classList.contains('react-flow__pane'), from)).toBe(true);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + dx / 2, from.y + dy / 2, { steps: 6 });
  await page.mouse.move(from.x + dx, from.y + dy, { steps: 6 });
  await page.mouse.up();
  await page.waitForTimeout(300);
  return { minimap, card: (await page.locator(`[data-testid="node-${id}"]`).boundingBox())! };
}

describe.each(['en', 'pt-BR'] as const)('placing a new step (%s)', (lang) => {
  it('when the selected step sits just left of the minimap, then the step added after it from the palette lands beside it, clear of the minimap', async () => {
    const page = await open([at(keywordTrigger('bolo'), 0, 0), say('order', 'Qual sabor de bolo?', 600, 300)], lang);
    const { minimap } = await panNextToMinimap(page, 'order');
    await selectNode(page, 'order');
    await page.waitForTimeout(400);
    const order = (await page.locator('[data-testid="node-order"]').boundingBox())!;
    const canvas = (await page.locator('.react-flow').boundingBox())!;
    // The spot beside it (to its right, level with its output) is in view but under the minimap:
    // what the editor used to pick, and leave there.
    const beside = { x: order.x + order.width + 90, y: order.y, width: order.width, height: order.height };
    expect(overlap(beside, minimap) && beside.x + beside.width < canvas.x + canvas.width).toBe(true);

    if (lang === 'pt-BR') {
      // From the keyboard: the palette item is a button.
      await page.focus('[data-testid=palette-message]');
      await page.keyboard.press('Enter');
    } else {
      await page.click('[data-testid=palette-message]');
    }
    const id = await newCardId(page, 'order');
    await page.waitForSelector(`.react-flow__edge[data-id="order.next"]`);
    await expectSeenWhole(page, id);
    // Still beside the step it continues from, to its right.
    const after = (await page.locator('[data-testid="node-order"]').boundingBox())!;
    const added = (await page.locator(`[data-testid="node-${id}"]`).boundingBox())!;
    expect(added.x).toBeGreaterThan(after.x + after.width);
    expect(Math.abs(added.y - after.y)).toBeLessThan(after.height);
    await shoot(page, `builder-placed-beside-${lang}`);
  });

  it('when the view is full of steps, then a step added from the palette lands on free canvas and the view pans to it, clear of the minimap', async () => {
    const nodes = [at(keywordTrigger('bolo'), 0, 0)];
    for (let col = 0; col < 7; col++) for (let row = col === 0 ? 1 : 0; row < 8; row++) nodes.push(say(`m${col}${row}`, `Sabor ${col}${row}`, col * 260, row * 130));
    const page = await open(nodes, lang);
    // Zoomed in on the middle: no free room left in view.
    await page.click('.react-flow__controls-zoomin');
    await page.click('.react-flow__controls-zoomin');
    await page.waitForTimeout(400);
    const view = () => page.locator('.react-flow__viewport').getAttribute('style');
    const before = await view();

    await page.click('[data-testid=palette-condition]');
    const id = await newCardId(page, null);
    await expectSeenWhole(page, id);
    // There was no room in view: the card went to the nearest free canvas and the view followed it.
    expect(await view()).not.toBe(before);
    await shoot(page, `builder-placed-crowded-${lang}`);
  });

  it('when nothing is selected, then a step added from the palette lands in the middle of the free view, clear of the side panel that opens for it', async () => {
    const page = await open([at(keywordTrigger('bolo'), 0, 0), say('order', 'Qual sabor de bolo?', 1200, 700)], lang);
    await page.click('[data-testid=palette-ai_reply]');
    const id = await newCardId(page, null);
    await expectSeenWhole(page, id);
    const canvas = (await page.locator('.react-flow').boundingBox())!;
    const added = (await page.locator(`[data-testid="node-${id}"]`).boundingBox())!;
    // Near the middle of what is left of the canvas beside the panel.
    expect(Math.abs(added.x + added.width / 2 - (canvas.x + canvas.width / 2))).toBeLessThan(canvas.width / 4);
    await shoot(page, `builder-placed-middle-${lang}`);
  });
});

describe('a step created by dropping a connection', () => {
  it('when the connection is dropped just left of the minimap, then the new card is brought clear of it', async () => {
    const page = await open([at(keywordTrigger('bolo'), 0, 0), say('order', 'Qual sabor de bolo?', 600, 300)], 'en');
    const { minimap, card } = await panNextToMinimap(page, 'order');
    // Below the card, just left of the minimap: the new card's input lands there, its body reaches under the minimap.
    await dragConnectionTo(page, 'order', 'next', { x: minimap.x - 60, y: card.y + card.height + 30 });
    await page.waitForSelector('[data-testid=step-picker]');
    await page.click('[data-testid=step-picker-wait]');
    const id = await newCardId(page, 'start');
    await page.waitForSelector(`.react-flow__edge[data-id="order.next"]`);
    await expectSeenWhole(page, id);
    await shoot(page, 'builder-placed-drop-en');
  });
});
