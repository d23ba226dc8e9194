// What the inbox tells an agent when there is nothing to show: each folder explains what would land
// in it, in the agent's language, and a search that finds nothing says so instead. A `/shortcut`
// with no canned response points owners to Settings and tells agents (who have no Settings) who can help.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { edge, flow, keywordTrigger, node } from '../../server/test/flow-docs';
import { api } from '../../server/test/harness';
import { textMessage } from '../../server/test/fakes/whatsapp-payloads';
import { eventually, startPipeline, type Pipeline } from '../../server/test/pipeline';
import { launchBrowser, screenshotPath } from './browser';
import { startAppWithClient } from './builder-page';
import { addAgent, agentPage, ownerAgent, row, settle, type Agent } from './inbox-page';

let p: Pipeline;
let browser: Browser;
let bruno: Agent;

beforeAll(async () => {
  p = await startPipeline({}, { appStarter: startAppWithClient });
  browser = await launchBrowser();
  bruno = await addAgent(p, 'Bruno');
  await p.publish(flow([keywordTrigger('ajuda'), node('human', 'transfer', { message: 'Já chamo alguém!' })], [edge('start', 'next', 'human')]), 'Atendimento');
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
    // One tap clears the search (and any filter), the box included: the folder's own hint is back.
    await page.getByRole('button', { name: 'Limpar filtros' }).click();
    await expect.poll(() => emptyTexts(page)).toEqual(['O bot não está conversando com ninguém', 'As conversas que um bot está respondendo agora aparecem aqui.']);
    expect(await page.inputValue('[data-testid=inbox-search]')).toBe('');
    // A search looks in the folder on screen; one tap looks in every chat instead, the words kept.
    await page.fill('[data-testid=inbox-search]', 'xyz');
    await page.getByRole('button', { name: 'Buscar em todas as conversas' }).click();
    await expect.poll(() => page.getAttribute('[data-testid=folder-all]', 'aria-selected')).toBe('true');
    expect(await page.inputValue('[data-testid=inbox-search]')).toBe('xyz');
    await expect.poll(() => emptyTexts(page)).toEqual(['Nada corresponde a esses filtros', 'Tente outras palavras ou limpe os filtros.']);
    expect(await page.locator('[data-testid=inbox-search-all]').count()).toBe(0);
    await context.close();

    const en = await agentPage(browser, p, bruno, { lang: 'en' });
    await en.page.goto(`${p.app.url}/inbox`);
    await en.page.click('[data-testid=folder-closed]');
    await expect.poll(() => emptyTexts(en.page)).toEqual(['No closed chats', 'Chats show here once they are closed, and can be reopened from here.']);
    await settle(en.page);
    await en.page.screenshot({ path: screenshotPath('inbox-empty-closed-en') });
    await en.context.close();
  });

  it('when nothing matches a /shortcut, then an agent is told to ask an admin or owner and an owner gets a link to Settings', async () => {
    const ana = await ownerAgent(p);
    // One chat each: a chat owned by someone else takes notes only, and notes have no canned responses.
    const waitingChat = async (waId: string, name: string, agent: Agent): Promise<string> => {
      await p.wa.inbound({ waId, name }, textMessage('ajuda'));
      const id: string = await eventually(async () => {
        const list = await api(p.app, 'GET', '/v1/conversations?status=waiting&unassigned=true', undefined, p.token);
        return list.body.items.find((c: { contact: { name: string } }) => c.contact.name === name)?.id;
      });
      expect((await api(p.app, 'POST', `/v1/conversations/${id}/assign`, { assigneeId: agent.userId }, agent.token)).status).toBe(200);
      return id;
    };
    const id = await waitingChat('5511987005566', 'Dona Rosa', bruno);
    const ownerChat = await waitingChat('5511987007788', 'Seu Lima', ana);

    const b = await agentPage(browser, p, bruno, { lang: 'pt-BR' });
    await b.page.goto(`${p.app.url}/inbox`);
    await b.page.click('[data-testid=folder-mine]');
    await row(b.page, id).click();
    await b.page.fill('[data-testid=composer-input]', '/xyz');
    await expect.poll(() => b.page.textContent('[data-testid=canned-picker] > p')).toBe(
      'Nenhuma resposta rápida corresponde. Peça a um administrador ou proprietário do espaço de trabalho para cadastrá-las.',
    );
    expect(await b.page.locator('[data-testid=canned-settings]').count()).toBe(0);
    await settle(b.page);
    await b.page.screenshot({ path: screenshotPath('inbox-no-canned-agent-pt-BR') });
    // A mistyped shortcut is never sent to the customer: Enter keeps it, Escape clears it, and the
    // next words typed go as they are.
    await b.page.press('[data-testid=composer-input]', 'Enter');
    expect(await b.page.inputValue('[data-testid=composer-input]')).toBe('/xyz');
    await b.page.press('[data-testid=composer-input]', 'Escape');
    expect(await b.page.inputValue('[data-testid=composer-input]')).toBe('');
    await b.page.fill('[data-testid=composer-input]', 'Já vejo isso');
    await b.page.press('[data-testid=composer-input]', 'Enter');
    const sent = await eventually(async () => {
      const items: Array<{ direction: string; text: string }> = (await api(p.app, 'GET', `/v1/conversations/${id}/messages`, undefined, bruno.token)).body.items;
      return items.some((m) => m.text === 'Já vejo isso') ? items : undefined;
    });
    expect(sent.filter((m) => m.direction === 'out').map((m) => m.text)).not.toContain('/xyz');
    await b.context.close();

    const a = await agentPage(browser, p, ana, { lang: 'en' });
    await a.page.goto(`${p.app.url}/inbox/${ownerChat}`);
    await a.page.fill('[data-testid=composer-input]', '/xyz');
    await expect.poll(() => a.page.textContent('[data-testid=canned-picker] > p')).toBe('No canned response matches. Add them in Settings → Canned responses');
    await settle(a.page);
    await a.page.screenshot({ path: screenshotPath('inbox-no-canned-owner-en') });
    await a.page.click('[data-testid=canned-settings]');
    await a.page.waitForSelector('[data-testid=settings-tab-canned][data-active]');
    await a.context.close();
  });
});
