// "Save the answer in": a variable picked again from the list stays picked (clearing it is the ×; a
// second click on the chosen name used to clear it without a word, and the answer went unsaved), and
// a name typed there creates the variable, as it did only in the flow settings before.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { api, type TestApp } from '../../server/test/harness';
import { edge, flow, keywordTrigger, node } from '../../server/test/flow-docs';
import { screenshotPath } from './browser';
import { openFlow, selectNode, signedInPage, waitSaved } from './builder-page';
import { startSignedUpSuite } from './suites';

let app: TestApp;
let browser: Browser;
let token: string;

startSignedUpSuite('Loja de Natal', (s) => ({ app, browser, token } = s));

async function pickTwice(page: Page, testId: string, option: string): Promise<void> {
  for (let i = 0; i < 2; i++) {
    await page.click(`[data-testid="${testId}"]`);
    await page.getByRole('option', { name: option, exact: true }).click();
  }
}

describe.each(['en', 'pt-BR'] as const)('picking a variable in %s', (lang) => {
  it('when the chosen variable is picked again, then it stays chosen and the flow saves it', async () => {
    const wait = node('ask', 'wait', { mode: 'reply', saveAs: null });
    const document = flow([keywordTrigger('natal'), { ...wait, position: { x: 320, y: 0 } }], [edge('start', 'next', 'ask')], ['interesse']);
    const created = await api(app, 'POST', '/v1/flows', { name: `Natal ${lang}`, document }, token);
    const page = await signedInPage(browser, app, token, lang);
    await openFlow(page, app, created.body.id);
    await selectNode(page, 'ask');

    await pickTwice(page, 'wait-save-as', 'interesse');
    expect(await page.inputValue('[data-testid=wait-save-as]')).toBe('interesse');
    await page.screenshot({ path: screenshotPath(`builder-variable-picked-again-${lang}`) });
    await waitSaved(page);
    const saved = (await api(app, 'GET', `/v1/flows/${created.body.id}`, undefined, token)).body.document.nodes;
    expect(saved.find((n: { id: string }) => n.id === 'ask').config.saveAs).toBe('interesse');
  });

  it('when a new name is typed in the picker and its "create" option chosen, then the flow declares the variable and saves the answer in it', async () => {
    const wait = node('ask', 'wait', { mode: 'reply', saveAs: null });
    const document = flow([keywordTrigger('natal'), { ...wait, position: { x: 320, y: 0 } }], [edge('start', 'next', 'ask')]);
    const created = await api(app, 'POST', '/v1/flows', { name: `Pedido ${lang}`, document }, token);
    const page = await signedInPage(browser, app, token, lang);
    await openFlow(page, app, created.body.id);
    await selectNode(page, 'ask');

    await page.click('[data-testid=wait-save-as]');
    await page.keyboard.type('número do pedido');
    const create = lang === 'en' ? 'Create variable “numero_do_pedido”' : 'Criar variável “numero_do_pedido”';
    await page.getByRole('option', { name: create, exact: true }).waitFor();
    await page.screenshot({ path: screenshotPath(`builder-variable-create-${lang}`) });
    await page.getByRole('option', { name: create, exact: true }).click();
    await expect.poll(() => page.inputValue('[data-testid=wait-save-as]')).toBe('numero_do_pedido');
    await waitSaved(page);
    const saved = (await api(app, 'GET', `/v1/flows/${created.body.id}`, undefined, token)).body.document;
    expect(saved.settings.variables).toEqual([{ name: 'numero_do_pedido' }]);
    expect(saved.nodes.find((n: { id: string }) => n.id === 'ask').config.saveAs).toBe('numero_do_pedido');
    // Declared now, it is offered by name and not created twice.
    await page.click('[data-testid=wait-save-as]');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('numero_do_pedido');
    await expect.poll(() => page.locator('[role=option]:visible').allInnerTexts()).toEqual(['numero_do_pedido']);
  });
});
