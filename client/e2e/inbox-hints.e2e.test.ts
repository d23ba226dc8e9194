// What the inbox tells an agent when there is nothing to show: each folder explains what would land
// in it, in the agent's language, and a search that finds nothing says so instead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startPipeline, type Pipeline } from '../../server/test/pipeline';
import { launchBrowser, screenshotPath } from './browser';
import { startAppWithClient } from './builder-page';
import { addAgent, agentPage, settle, type Agent } from './inbox-page';

let p: Pipeline;
let browser: Browser;
let bruno: Agent;

beforeAll(async () => {
  p = await startPipeline({}, { appStarter: startAppWithClient });
  browser = await launchBrowser();
  bruno = await addAgent(p, 'Bruno');
});
afterAll(async () => {
  await browser?.close();
  await p?.close();
});

/** The empty list's title and explanation. */
const emptyTexts = (page: Page) => page.locator('[data-testid=inbox-list-empty] p').allTextContents();

describe('inbox hints', () => {
  it('when a folder is empty, then it says what would land in it (pt-BR), and a search that finds nothing says so', async () => {
    const { context, page } = await agentPage(browser, p, bruno, { lang: 'pt-BR' });
    await page.goto(`${p.app.url}/inbox`);
    await page.waitForSelector('[data-testid=inbox-list-empty]');
    expect(await emptyTexts(page)).toEqual(['Ninguém está aguardando', 'Quando um bot passa uma conversa para uma pessoa, ela aparece aqui.']);

    await page.click('[data-testid=folder-closed]');
    await expect.poll(() => emptyTexts(page)).toEqual([
      'Nenhuma conversa encerrada',
      'As conversas aparecem aqui depois de encerradas e podem ser reabertas daqui.',
    ]);
    await settle(page);
    await page.screenshot({ path: screenshotPath('inbox-empty-closed-pt-BR') });

    await page.click('[data-testid=folder-mine]');
    await expect.poll(() => emptyTexts(page)).toEqual([
      'Nenhuma conversa atribuída a você',
      'As conversas que você assume ou que são atribuídas a você ficam aqui até serem encerradas.',
    ]);
    await page.click('[data-testid=folder-bot]');
    await expect.poll(() => emptyTexts(page)).toEqual(['O bot não está conversando com ninguém', 'As conversas que um bot está respondendo agora aparecem aqui.']);

    await page.fill('[data-testid=inbox-search]', 'xyz');
    await expect.poll(() => emptyTexts(page)).toEqual(['Nada corresponde a esses filtros', 'Tente outras palavras ou limpe os filtros.']);
    await settle(page);
    await page.screenshot({ path: screenshotPath('inbox-empty-search-pt-BR') });
    await context.close();

    const en = await agentPage(browser, p, bruno, { lang: 'en' });
    await en.page.goto(`${p.app.url}/inbox`);
    await en.page.click('[data-testid=folder-closed]');
    await expect.poll(() => emptyTexts(en.page)).toEqual(['No closed chats', 'Chats show here once they are closed, and can be reopened from here.']);
    await settle(en.page);
    await en.page.screenshot({ path: screenshotPath('inbox-empty-closed-en') });
    await en.context.close();
  });
});
