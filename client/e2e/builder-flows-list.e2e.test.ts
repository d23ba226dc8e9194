// The flows list (rename, duplicate, export, import, delete) and, in the builder, version history
// restore and the flow settings drawer.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { api, type TestApp } from '../../server/test/harness';
import { screenshotPath } from './browser';
import { addNode, openFlow, selectNode, signedInPage, waitSaved } from './builder-page';
import { startSignedUpSuite } from './suites';

let app: TestApp;
let browser: Browser;
let token: string;

startSignedUpSuite('Lanchonete', (s) => ({ app, browser, token } = s));

const validFlow = (text: string) => ({
  schemaVersion: 1,
  nodes: [
    { id: 'start', type: 'trigger', position: { x: 0, y: 0 }, config: { keywords: [{ match: 'exact', value: 'oi' }], newContact: false, fallback: false, channelIds: [], priority: 0 } },
    { id: 'hello', type: 'message', position: { x: 320, y: 0 }, config: { text, buttons: [], list: null, media: null, typingDelayMs: 0 } },
  ],
  edges: [{ id: 'start.next', source: 'start', sourceHandle: 'next', target: 'hello' }],
  settings: {},
});

const rows = (page: Awaited<ReturnType<typeof signedInPage>>) => page.locator('[data-testid^=flow-row-]');

describe('flows list', () => {
  it('when flows are renamed, duplicated, exported, imported and deleted, then the table follows', async () => {
    const { body: flow } = await api(app, 'POST', '/v1/flows', { name: 'Cardápio', document: validFlow('Olá!') }, token);
    const page = await signedInPage(browser, app, token);
    await page.goto(`${app.url}/flows`);
    await page.waitForSelector(`[data-testid=flow-row-${flow.id}]`);

    await page.click(`[data-testid=flow-menu-${flow.id}]`);
    await page.click('[data-testid=flow-rename]');
    // The current name is selected: typing replaces it rather than adding to it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('flow-name-input');
    await page.keyboard.type('Cardápio do dia');
    expect(await page.inputValue('[data-testid=flow-name-input]')).toBe('Cardápio do dia');
    await page.click('[data-testid=flow-name-submit]');
    await expect.poll(() => page.textContent(`[data-testid=flow-row-${flow.id}]`)).toContain('Cardápio do dia');
    // Published elsewhere (a colleague, the builder in another tab): the row says so without a reload.
    expect((await api(app, 'POST', `/v1/flows/${flow.id}/publish`, {}, token)).status).toBe(201);
    await expect.poll(() => page.textContent(`[data-testid=flow-row-${flow.id}] [data-testid=flow-status]`), { timeout: 10_000 }).toContain('v1');

    await page.click(`[data-testid=flow-menu-${flow.id}]`);
    await page.click('[data-testid=flow-duplicate]');
    await expect.poll(() => rows(page).count()).toBe(2);

    await page.click(`[data-testid=flow-menu-${flow.id}]`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=flow-export]')]);
    expect(download.suggestedFilename()).toBe('cardapio-do-dia.zyntra.json');
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(exported.nodes.map((n: any) => n.id)).toEqual(['start', 'hello']);

    await page.setInputFiles('input[type=file]', { name: 'promo-natal.zyntra.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
    await page.waitForSelector('text=Imported “promo-natal”.');
    await expect.poll(() => rows(page).count()).toBe(3);
    await page.screenshot({ path: screenshotPath('flows-list-en') });

    const copy = rows(page).filter({ hasText: '(copy)' });
    await copy.locator('[data-testid^=flow-menu-]').click();
    await page.click('[data-testid=flow-delete]');
    await page.click('[data-testid=confirm-delete]');
    await expect.poll(() => rows(page).count()).toBe(2);
    expect((await api(app, 'GET', '/v1/flows', undefined, token)).body.items).toHaveLength(2);
  });
});

describe('versions and settings', () => {
  it('when a published version is restored, then the draft goes back to it', async () => {
    const { body: flow } = await api(app, 'POST', '/v1/flows', { name: 'Versões', document: validFlow('Primeira versão') }, token);
    expect((await api(app, 'POST', `/v1/flows/${flow.id}/publish`, {}, token)).status).toBe(201);
    const page = await signedInPage(browser, app, token);
    await openFlow(page, app, flow.id);

    await selectNode(page, 'hello');
    await page.fill('[data-testid=message-text]', 'Texto novo');
    await waitSaved(page);
    await page.click('[data-testid=versions-toggle]');
    await page.click('[data-testid=restore-1]');
    await page.click('[data-testid=confirm-restore]');
    await expect.poll(() => page.textContent('[data-testid=node-hello]')).toContain('Primeira versão');
    const draft = (await api(app, 'GET', `/v1/flows/${flow.id}`, undefined, token)).body;
    expect(draft.document.nodes[1].config.text).toBe('Primeira versão');
    await page.screenshot({ path: screenshotPath('builder-versions-en') });
    await page.keyboard.press('Escape');

    await page.click('[data-testid=settings-toggle]');
    await page.click('[data-testid=add-variable]');
    // The new row takes the typing (spaces and accents become a valid name), not the button.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('variable-name-0');
    await page.keyboard.type('número do pedido');
    await waitSaved(page);
    expect((await api(app, 'GET', `/v1/flows/${flow.id}`, undefined, token)).body.document.settings.variables).toEqual([{ name: 'numero_do_pedido' }]);
    await page.screenshot({ path: screenshotPath('builder-settings-en') });
    await page.keyboard.press('Escape');

    await page.selectOption('[data-testid=lang-switch]', 'pt-BR');
    await addNode(page, 'condition');
    await page.screenshot({ path: screenshotPath('builder-condition-panel-pt-BR') });
    await selectNode(page, 'hello');
    await page.click('[data-testid=message-choices] label:has-text("Botões")');
    await page.fill('[data-testid=button-title-0]', 'Um título longo demais para o WhatsApp');
    expect(await page.inputValue('[data-testid=button-title-0]')).toBe('Um título longo dema') // 20 characters, WhatsApp's limit;
    // The cut is said, not silent.
    await page.getByText('O WhatsApp aceita até 20 caracteres num botão: o resto ficou de fora.').waitFor();
    await page.screenshot({ path: screenshotPath('builder-message-panel-pt-BR') });
  });
});
