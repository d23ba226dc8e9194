// A search that finds a chat by something said in it shows that message in the row, the term
// marked, not the chat's last message (which would not say why the chat was listed). In en on a
// laptop and pt-BR on a phone.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type pg from 'pg';
import { edge, flow, keywordTrigger, node } from '../../server/test/flow-docs';
import { earlierConversation } from '../../server/test/earlier-conversation';
import { textMessage } from '../../server/test/fakes/whatsapp-payloads';
import { eventually, type Pipeline } from '../../server/test/pipeline';
import { screenshotPath } from './browser';
import { addAgent, agentPage, bubbleTexts, ownerAgent, row, settle, type Agent } from './inbox-page';
import { startPipelineSuite } from './suites';

let p: Pipeline;
let browser: Browser;
let db: pg.Client;
let ana: Agent;
const ids: Record<string, string> = {};
const rita = { waId: '5511987330071', name: 'Rita Moraes' };

const chatOf = (waId: string) =>
  eventually(async () => (await db.query('SELECT cv.id, cv.contact_id FROM conversations cv JOIN contacts ct ON ct.id = cv.contact_id WHERE ct.phone = $1', [waId])).rows[0] as { id: string; contact_id: string } | undefined);

startPipelineSuite(async (s) => {
  ({ p, browser, db } = s);
  ana = await ownerAgent(p);
  const bruno = await addAgent(p, 'Bruno');
  await p.publish(flow([keywordTrigger('ajuda'), node('human', 'transfer', { message: 'Já chamo alguém!' })], [edge('start', 'next', 'human')]), 'Atendimento');
  await p.wa.inbound(rita, textMessage('ajuda'));
  const now = await chatOf(rita.waId);
  ids.now = now.id;
  // Last week Rita wrote about a damaged box, and Bruno handled it.
  ids.earlier = (await earlierConversation(db, {
    tenantId: p.tenantId, channelId: p.channelId, contactId: now.contact_id, daysAgo: 8, assigneeId: bruno.userId,
    texts: ['A caixa do meu pedido veio amassada, o que eu faço?', 'Vamos trocar sem custo, desculpe o transtorno!'],
  })).id;
});

async function searchAll(page: Page, term: string) {
  await page.click('[data-testid=folder-all]');
  await page.fill('[data-testid=inbox-search]', term);
  await row(page, ids.earlier).locator('[data-testid=row-match]').waitFor({ timeout: 10_000 });
}

describe('inbox search', () => {
  it('when an agent searches all chats for words a customer wrote last week (en, laptop), then the row shows that message with the words marked', async () => {
    const { page, context } = await agentPage(browser, p, ana, { lang: 'en', width: 1280, height: 860 });
    await page.goto(`${p.app.url}/inbox`);
    await searchAll(page, 'amassada');
    const found = row(page, ids.earlier).locator('[data-testid=row-match]');
    // Cut to start a few words before the term, so a narrow row still shows it.
    expect(await found.textContent()).toBe('…meu pedido veio amassada, o que eu faço?');
    expect(await found.locator('mark').textContent()).toBe('amassada');
    // The rows the search did not find by a message keep their last message.
    expect(await page.locator('[data-testid=row-match]').count()).toBe(1);
    await settle(page);
    await page.screenshot({ path: screenshotPath('inbox-search-match-en') });
    await page.click(`[data-testid=conversation-${ids.earlier}]`);
    await expect.poll(() => bubbleTexts(page)).toContain('A caixa do meu pedido veio amassada, o que eu faço?');
    await context.close();
  });

  it('when an agent on a phone searches (pt-BR, 390 px), then the found message fits the row, and words typed without accents mark the accented ones', async () => {
    const { page, context } = await agentPage(browser, p, ana, { lang: 'pt-BR', width: 390, height: 844 });
    await page.goto(`${p.app.url}/inbox`);
    await searchAll(page, 'caixa do meu');
    const found = row(page, ids.earlier).locator('[data-testid=row-match]');
    expect(await found.locator('mark').textContent()).toBe('caixa do meu');
    const box = (await found.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    // Typed without accents, as on a phone: the message's own spelling is marked.
    await page.fill('[data-testid=inbox-search]', 'o que eu faco');
    await expect.poll(() => found.locator('mark').textContent()).toBe('o que eu faço');
    await settle(page);
    await page.screenshot({ path: screenshotPath('inbox-search-match-phone-pt-BR') });
    await context.close();
  });
});
