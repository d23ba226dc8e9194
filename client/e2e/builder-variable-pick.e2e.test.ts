// "Save the answer in": a variable picked again from the list stays picked. Clearing it is the ×;
// a second click on the chosen name used to clear it without a word, and the answer went unsaved.
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
});
