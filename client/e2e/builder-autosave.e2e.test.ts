// No work lost: edits autosave (visible state), survive a reload, and two tabs editing one flow
// get a conflict prompt instead of silently overwriting each other.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { api, type TestApp } from '../../server/test/harness';
import { screenshotPath } from './browser';
import { openFlow, selectNode, signedInPage, waitSaved } from './builder-page';
import { startSignedUpSuite } from './suites';

let app: TestApp;
let browser: Browser;
let token: string;

startSignedUpSuite('Pizzaria', (s) => ({ app, browser, token } = s));

const newFlow = async () => (await api(app, 'POST', '/v1/flows', { name: `Autosave ${Date.now()}` }, token)).body.id as string;
const draftOf = async (id: string) => (await api(app, 'GET', `/v1/flows/${id}`, undefined, token)).body;
const keywordOf = (draft: any) => draft.document.nodes.find((n: any) => n.id === 'trigger').config.keywords[0]?.value;

async function typeKeyword(page: Awaited<ReturnType<typeof signedInPage>>, value: string) {
  await selectNode(page, 'trigger');
  if ((await page.locator('[data-testid=trigger-keyword-0]').count()) === 0) await page.click('[data-testid=trigger-add-keyword]');
  await page.fill('[data-testid=trigger-keyword-0]', value);
}

describe('autosave', () => {
  it('when the draft grows over the size cap, then the save state says so (not "retrying"), and a shorter draft saves again', async () => {
    const flowId = await newFlow();
    const page = await signedInPage(browser, app, token, 'pt-BR');
    await openFlow(page, app, flowId);
    // A keyword of 1.1 MB makes the document larger than the server stores (1 MiB): 413.
    await typeKeyword(page, 'x'.repeat(1_100_000));
    await expect.poll(() => page.getAttribute('[data-testid=save-state]', 'data-state'), { timeout: 10_000 }).toBe('tooLarge');
    expect(await page.innerText('[data-testid=save-state]')).toContain('1 MiB');
    await page.screenshot({ path: screenshotPath('builder-autosave-too-large-pt-BR') });
    await typeKeyword(page, 'pizza');
    await waitSaved(page);
    expect(keywordOf(await draftOf(flowId))).toBe('pizza');
  });

  it('when a change is made, then it shows Saving… then Saved, and a reload keeps it', async () => {
    const flowId = await newFlow();
    const page = await signedInPage(browser, app, token);
    await openFlow(page, app, flowId);
    await typeKeyword(page, 'pizza');
    expect(await page.getAttribute('[data-testid=save-state]', 'data-state')).toBe('saving');
    await waitSaved(page);
    expect(keywordOf(await draftOf(flowId))).toBe('pizza');

    await page.reload();
    await page.waitForSelector('.react-flow__node');
    await expect.poll(() => page.textContent('[data-testid=node-trigger]')).toContain('pizza');
    await selectNode(page, 'trigger');
    expect(await page.inputValue('[data-testid=trigger-keyword-0]')).toBe('pizza');
  });

  it('when two tabs edit the same flow, then the second save asks to reload or overwrite', async () => {
    const flowId = await newFlow();
    const [tabA, tabB] = [await signedInPage(browser, app, token), await signedInPage(browser, app, token)];
    await openFlow(tabA, app, flowId);
    await openFlow(tabB, app, flowId);

    await typeKeyword(tabA, 'calabresa');
    await waitSaved(tabA);
    await typeKeyword(tabB, 'marguerita');
    await tabB.waitForSelector('[data-testid=conflict-overwrite]');
    expect(await tabB.getAttribute('[data-testid=save-state]', 'data-state')).toBe('conflict');
    expect(await tabB.textContent('body')).toContain('This flow was changed in another tab');
    await tabB.waitForTimeout(400); // the modal's fade-in
    await tabB.screenshot({ path: screenshotPath('builder-conflict-en') });

    // B keeps its version…
    await tabB.click('[data-testid=conflict-overwrite]');
    await waitSaved(tabB);
    expect(keywordOf(await draftOf(flowId))).toBe('marguerita');

    // …so A's next save conflicts in turn, and A chooses to take B's draft.
    await typeKeyword(tabA, 'portuguesa');
    await tabA.waitForSelector('[data-testid=conflict-reload]');
    await tabA.click('[data-testid=conflict-reload]');
    await waitSaved(tabA);
    await expect.poll(() => tabA.textContent('[data-testid=node-trigger]')).toContain('marguerita');
    expect(keywordOf(await draftOf(flowId))).toBe('marguerita');
  });
});
