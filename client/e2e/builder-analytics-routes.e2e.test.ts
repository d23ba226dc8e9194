// Turning on the drop-off figures makes every card taller. A connection drawn around a step in the
// way is looked at again once the cards have grown, so it still goes around that step instead of
// running under it. Screenshots in English and pt-BR.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { FlowNode } from '@zyntra/flows-schema';
import { api, type TestApp } from '../../server/test/harness';
import { edge, flow, keywordTrigger, node } from '../../server/test/flow-docs';
import { screenshotPath } from './browser';
import { openFlow, signedInPage } from './builder-page';
import { drawn } from './connection-paths';
import { startSignedUpSuite } from './suites';

let app: TestApp;
let browser: Browser;
let token: string;

startSignedUpSuite('Sorveteria da Ana', (s) => ({ app, browser, token } = s));

const at = (n: FlowNode, x: number, y: number): FlowNode => ({ ...n, position: { x, y } });
const say = (id: string, text: string, x: number, y: number) => at(node(id, 'message', { text }), x, y);

/** A published flow where "Menu" leads to "Pedido" past "Sabores", which sits between them. */
async function publishedFlow(lang: string): Promise<string> {
  const nodes = [at(keywordTrigger('sorvete'), -340, 0), say('menu', 'Olá! Veja o cardápio.', 0, 0), say('flavours', 'Temos creme e chocolate.', 340, 0), say('order', 'Qual o seu pedido?', 680, 0)];
  const document = flow(nodes, [edge('start', 'next', 'menu'), edge('menu', 'next', 'order'), edge('flavours', 'next', 'order')]);
  const created = await api(app, 'POST', '/v1/flows', { name: `Figuras ${lang} ${Date.now()}`, document }, token);
  const published = await api(app, 'POST', `/v1/flows/${created.body.id}/publish`, {}, token);
  expect(published.status).toBe(201);
  return created.body.id;
}

describe.each(['en', 'pt-BR'] as const)('the drop-off figures turned on (%s)', (lang) => {
  it('when the cards grow to show the figures, then a connection routed past a step still runs under no card', async () => {
    const flowId = await publishedFlow(lang);
    const page = await signedInPage(browser, app, token, lang);
    await openFlow(page, app, flowId);
    await expect.poll(() => drawn(page, 'menu.next')).toEqual({ underCards: 0, curve: false });
    const before = (await page.locator('[data-testid="node-flavours"]').boundingBox())!;

    await page.click('[data-testid=analytics-toggle]');
    await page.waitForSelector('[data-testid=node-stats-flavours]');
    const after = (await page.locator('[data-testid="node-flavours"]').boundingBox())!;
    expect(after.height).toBeGreaterThan(before.height);
    await expect.poll(() => drawn(page, 'menu.next')).toEqual({ underCards: 0, curve: false });
    // Still so once nothing is pending any more.
    await page.waitForTimeout(600);
    expect((await drawn(page, 'menu.next')).underCards).toBe(0);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: screenshotPath(`builder-analytics-routes-${lang}`) });

    // Turned off again, the cards shrink back and the connection still keeps clear of them.
    await page.click('[data-testid=analytics-toggle]');
    await page.waitForSelector('[data-testid=node-stats-flavours]', { state: 'detached' });
    await page.waitForTimeout(600);
    expect((await drawn(page, 'menu.next')).underCards).toBe(0);
    await page.close();
  });
});
