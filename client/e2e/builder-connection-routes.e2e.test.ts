// A connection drawn by hand between two steps with another step in the way goes around that step,
// as tidy-up's connections do, instead of running under it where the marketer cannot follow it; once
// the step in the way is moved off, the connection is a plain curve again. Screenshots in English
// and pt-BR.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FlowNode } from '@zyntra/flows-schema';
import { api, type TestApp } from '../../server/test/harness';
import { edge, flow, keywordTrigger, node } from '../../server/test/flow-docs';
import { screenshotPath } from './browser';
import { connect, openFlow, signedInPage, tidyUp, waitSaved } from './builder-page';
import { drawn } from './connection-paths';
import { startSignedUpSuite } from './suites';

let app: TestApp;
let browser: Browser;
let token: string;

startSignedUpSuite('Sorveteria do Leo', (s) => ({ app, browser, token } = s));

const at = (n: FlowNode, x: number, y: number): FlowNode => ({ ...n, position: { x, y } });
const say = (id: string, text: string, x: number, y: number) => at(node(id, 'message', { text }), x, y);

async function open(lang: 'en' | 'pt-BR'): Promise<Page> {
  // Three steps in a row; "Menu" will be connected straight to "Pedido", past "Sabores".
  const nodes = [at(keywordTrigger('sorvete'), 0, -240), say('menu', 'Olá! Veja o cardápio.', 0, 0), say('flavours', 'Temos creme e chocolate.', 340, 0), say('order', 'Qual o seu pedido?', 680, 0)];
  const created = await api(app, 'POST', '/v1/flows', { name: `Rotas ${lang} ${Date.now()}`, document: flow(nodes, []) }, token);
  const page = await signedInPage(browser, app, token, lang);
  await openFlow(page, app, created.body.id);
  return page;
}

describe.each(['en', 'pt-BR'] as const)('a connection drawn past another step (%s)', (lang) => {
  it('when a connection is drawn past a step in the way, then it goes around that step, and is a curve again once the step is moved off', async () => {
    const page = await open(lang);
    await connect(page, 'menu', 'next', 'order');
    // Around "Sabores", not under it (the bare curve ran straight through its middle).
    await expect.poll(() => drawn(page, 'menu.next')).toEqual({ underCards: 0, curve: false });
    await page.mouse.move(0, 0);
    await page.screenshot({ path: screenshotPath(`builder-connection-around-${lang}`) });

    // "Sabores" moves down out of the way: nothing is in the way any more.
    const box = (await page.locator('[data-testid="node-flavours"]').boundingBox())!;
    await page.mouse.move(box.x + 60, box.y + 14);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 60, box.y + 14 + i * 30);
    await page.mouse.up();
    await expect.poll(() => drawn(page, 'menu.next')).toEqual({ underCards: 0, curve: true });
    await page.screenshot({ path: screenshotPath(`builder-connection-clear-${lang}`) });

    // Undo brings "Sabores" back in the way: the connection goes around it again.
    await page.click('.react-flow__pane', { position: { x: 30, y: 30 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => drawn(page, 'menu.next')).toEqual({ underCards: 0, curve: false });

    // Opened again, the flow shows the connection around "Sabores" as it was left.
    await waitSaved(page);
    await page.reload();
    await page.waitForSelector('.react-flow__edge');
    await expect.poll(() => drawn(page, 'menu.next')).toEqual({ underCards: 0, curve: false });

    // After a tidy-up, every connection is drawn along the route the layout computed (no curve), and
    // none runs under a card either.
    await connect(page, 'start', 'next', 'menu');
    await tidyUp(page);
    await page.waitForTimeout(300);
    expect((await drawn(page, 'menu.next')).underCards).toBe(0);
    expect(await page.locator('.react-flow__edge').count()).toBe(2);
    expect(await page.$$eval('.react-flow__edge-path', (paths) => paths.filter((p) => (p.getAttribute('d') ?? '').includes('C')).length)).toBe(0);
    await page.screenshot({ path: screenshotPath(`builder-connection-tidied-${lang}`) });
  });
});

describe('a flow of many connections opened', () => {
  it('when a flow of more than 40 connections opens, then a connection running under a card is drawn around it', async () => {
    // The Menu → Pedido connection past "Sabores" as above, and 21 rows of three steps connected in
    // a line below: 43 connections, more than the bound on one change (the opening pass is not one).
    const rows = Array.from({ length: 21 }, (_, i) => ['a', 'b', 'c'].map((col, j) => say(`${col}${i}`, `Linha ${i}`, j * 340, 300 + i * 200)));
    const lines = rows.flatMap((_, i) => [edge(`a${i}`, 'next', `b${i}`), edge(`b${i}`, 'next', `c${i}`)]);
    const nodes = [at(keywordTrigger('muitas'), 0, -240), say('menu', 'Olá! Veja o cardápio.', 0, 0), say('flavours', 'Temos creme e chocolate.', 340, 0), say('order', 'Qual o seu pedido?', 680, 0), ...rows.flat()];
    const created = await api(app, 'POST', '/v1/flows', { name: `Muitas ${Date.now()}`, document: flow(nodes, [edge('menu', 'next', 'order'), ...lines]) }, token);
    const page = await signedInPage(browser, app, token, 'en');
    await openFlow(page, app, created.body.id);
    await page.waitForSelector('.react-flow__edge');
    expect(await page.locator('.react-flow__edge').count()).toBe(43);
    await expect.poll(() => drawn(page, 'menu.next'), { timeout: 10_000 }).toEqual({ underCards: 0, curve: false });
    await page.close();
  });
});
