// The acceptance journey: draw a flow on an empty canvas, see and fix a validation error,
// publish, and a WhatsApp customer who sends "PROMO" gets the message with its two buttons.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { api } from '../../server/test/harness';
import { eventually, startPipeline, type Pipeline } from '../../server/test/pipeline';
import { textMessage } from '../../server/test/fakes/whatsapp-payloads';
import { launchBrowser, screenshotPath } from './browser';
import { addNode, connect, nodeCount, selectNode, signedInPage, startAppWithClient, tidyUp } from './builder-page';

let p: Pipeline;
let browser: Browser;
let teamId: string;

beforeAll(async () => {
  p = await startPipeline({}, { appStarter: startAppWithClient });
  browser = await launchBrowser();
  // The transfer step hands chats to a team picked from Settings → Teams.
  const team = await api(p.app, 'POST', '/v1/teams', { name: 'Vendas', memberIds: [] }, p.token);
  expect(team.status).toBe(201);
  teamId = team.body.id;
});
afterAll(async () => {
  await browser?.close();
  await p?.close();
});

async function createFlowFromList(page: Page, name: string): Promise<void> {
  await page.goto(`${p.app.url}/flows`);
  await page.waitForSelector('[data-testid=create-first-flow]');
  await page.screenshot({ path: screenshotPath('flows-empty-en') });
  await page.click('[data-testid=create-first-flow]');
  await page.fill('[data-testid=flow-name-input]', name);
  await page.click('[data-testid=flow-name-submit]');
  await page.waitForURL(/\/flows\/[0-9a-f-]{36}$/);
  await page.waitForSelector('.react-flow__node');
}

/** Empties the canvas, then drags a trigger from the palette onto it. */
async function dropTrigger(page: Page): Promise<string> {
  await selectNode(page, 'trigger');
  await page.keyboard.press('Delete');
  await expect.poll(() => nodeCount(page)).toBe(0);
  await page.dragAndDrop('[data-testid=palette-trigger]', '.react-flow__pane', { targetPosition: { x: 200, y: 300 } });
  await expect.poll(() => nodeCount(page)).toBe(1);
  return (await page.getAttribute('[data-testid=node-panel]', 'data-node-id'))!;
}

async function drawNodes(page: Page) {
  const trigger = await dropTrigger(page);
  await page.click('[data-testid=trigger-add-keyword]');
  await page.fill('[data-testid=trigger-keyword-0]', 'promo');

  const message = await addNode(page, 'message');
  await page.fill('[data-testid=message-text]', 'Promoção relâmpago, {{contact.name}}! Quer ver as ofertas?');
  await page.click('[data-testid=message-choices] label:has-text("Buttons")');
  await page.fill('[data-testid=button-title-0]', 'Quero ver');
  await page.click('[data-testid=add-button]');
  await page.fill('[data-testid=button-title-1]', 'Agora não');

  const condition = await addNode(page, 'condition');
  await page.fill('[data-testid=branch-0-label]', 'Interessado');
  await page.fill('[data-testid=branch-0-rule-0-right]', 'quero ver');

  const transfer = await addNode(page, 'transfer');
  await page.click('[data-testid=transfer-team]');
  await page.click('[role=option]:has-text("Vendas")');
  await expect.poll(() => page.inputValue('[data-testid=transfer-team]')).toBe('Vendas');
  await page.screenshot({ path: screenshotPath('builder-transfer-team-en') });
  await page.fill('[data-testid=transfer-message]', 'Um atendente já vai falar com você!');
  return { trigger, message, condition, transfer };
}

const handlesOf = (page: Page, nodeId: string, prefix: string) =>
  page.locator(`[data-testid^="handle-${nodeId}-${prefix}"]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!));

describe('drawing and publishing a flow', () => {
  it('when a marketer draws trigger → buttons → condition → transfer and publishes, then "PROMO" on WhatsApp gets the buttons', async () => {
    const page = await signedInPage(browser, p.app, p.token);
    await createFlowFromList(page, 'Promo relâmpago');
    const ids = await drawNodes(page);
    await page.click('.react-flow__pane', { position: { x: 40, y: 40 } }); // deselect: the panel closes
    await tidyUp(page);

    const [btnYes, btnNo] = (await handlesOf(page, ids.message, 'btn:')).map((t) => t.replace(`handle-${ids.message}-`, ''));
    const [branch] = (await handlesOf(page, ids.condition, 'branch:')).map((t) => t.replace(`handle-${ids.condition}-`, ''));
    await connect(page, ids.trigger, 'next', ids.message);
    await connect(page, ids.message, btnYes!, ids.condition);
    await connect(page, ids.condition, branch!, ids.transfer);

    // The second button is not connected yet: an error on the card, in the list, and no publishing.
    const badge = page.locator(`[data-testid=node-problems-${ids.message}]`);
    await expect.poll(() => badge.getAttribute('data-severity')).toBe('error');
    expect(await page.isDisabled('[data-testid=publish]')).toBe(true);
    await page.click('[data-testid=problems-toggle]');
    const item = page.locator('[data-testid=problem-item]', { hasText: 'Connect the “Agora não” output.' });
    await item.click();
    await expect.poll(() => page.getAttribute('[data-testid=node-panel]', 'data-node-id')).toBe(ids.message);
    await page.waitForTimeout(500); // the pan that centers the node
    await page.screenshot({ path: screenshotPath('builder-unconnected-error-en') });
    await page.click('[data-testid=problems-toggle]');

    await connect(page, ids.message, btnNo!, ids.transfer);
    await expect.poll(() => page.isDisabled('[data-testid=publish]')).toBe(false);
    await page.click('.react-flow__pane', { position: { x: 40, y: 40 } });
    await tidyUp(page);
    await page.screenshot({ path: screenshotPath('builder-canvas-en') });

    await page.selectOption('[data-testid=lang-switch]', 'pt-BR');
    await expect.poll(() => page.textContent('[data-testid=palette-message]')).toContain('Mensagem');
    await page.screenshot({ path: screenshotPath('builder-canvas-pt-BR') });

    // Two outputs are still open (warnings): publishing asks first, listing them.
    await page.click('[data-testid=publish]');
    await page.waitForSelector('[data-testid=publish-confirm]');
    expect(await page.textContent('[data-testid=publish-confirm]')).toContain('não está conectada');
    await page.waitForTimeout(300); // the modal's fade-in
    await page.screenshot({ path: screenshotPath('builder-publish-warnings-pt-BR') });
    await page.click('[data-testid=publish-confirm-button]');
    await page.waitForSelector('text=Versão 1 publicada');
    await expect.poll(() => page.textContent('[data-testid=flow-status]')).toContain('v1');
    const flowId = page.url().split('/').pop()!;
    const saved = await api(p.app, 'GET', `/v1/flows/${flowId}`, undefined, p.token);
    expect(saved.body.document.nodes.find((n: any) => n.type === 'transfer').config.team).toBe(teamId);

    await p.wa.inbound({ waId: '5511987650001', name: 'Bia' }, textMessage('PROMO'));
    const send = await eventually(() => p.wa.sends.find((s) => s.body.interactive?.type === 'button'));
    expect(send.body.interactive.body.text).toBe('Promoção relâmpago, Bia! Quer ver as ofertas?');
    expect(send.body.interactive.action.buttons.map((b: any) => b.reply.title)).toEqual(['Quero ver', 'Agora não']);

    // The drop-off overlay now counts that customer on the nodes they went through.
    await page.click('[data-testid=analytics-toggle]');
    await expect.poll(() => page.textContent(`[data-testid=node-stats-${ids.message}]`), { timeout: 10_000 }).toMatch(/^\s*1\s+1\s*$/); // reached, and waiting there for a tap
    await page.screenshot({ path: screenshotPath('builder-analytics-pt-BR') });

    await page.click('[data-testid=back-to-flows]');
    await page.waitForSelector('[data-testid=flows-table]');
    expect(await page.textContent('[data-testid=flows-table]')).toContain('promo');
    await page.screenshot({ path: screenshotPath('flows-list-pt-BR') });

    // The team renamed in Settings meanwhile: its new name on the transfer step as the flow opens again,
    // and when the builder's tab has the focus back, without a reload.
    const rename = (name: string) => api(p.app, 'PATCH', `/v1/teams/${teamId}`, { name }, p.token);
    expect((await rename('Vendas e Trocas')).status).toBe(200);
    await page.click(`[data-testid=flow-row-${flowId}] [data-testid=flow-open]`);
    const card = page.locator(`[data-testid=node-${ids.transfer}]`);
    await expect.poll(() => card.textContent()).toContain('Vendas e Trocas');
    expect((await rename('Vendas Online')).status).toBe(200);
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await expect.poll(() => card.textContent()).toContain('Vendas Online');
  });
});
