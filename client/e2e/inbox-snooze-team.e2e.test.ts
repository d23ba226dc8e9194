// A supervisor keeps an eye on what the team set aside: Ana (the owner) finds Bruno's snoozed chat
// under Adiadas beside her own, each row naming who holds it; Bruno's Adiadas holds his alone.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { api } from '../../server/test/harness';
import { textMessage } from '../../server/test/fakes/whatsapp-payloads';
import { eventually, type Pipeline } from '../../server/test/pipeline';
import { screenshotPath } from './browser';
import { agentPage, row, settle, startInboxSuite, type Agent } from './inbox-page';

let p: Pipeline;
let browser: Browser;
let ana: Agent;
let bruno: Agent;

startInboxSuite((s) => void ({ p, browser, ana, bruno } = s));

/** A customer's chat, taken and snoozed by `holder`. */
async function snoozedBy(holder: Agent, customer: { waId: string; name: string }): Promise<string> {
  await p.wa.inbound(customer, textMessage('ajuda'));
  const id = await eventually(async () => {
    const list = await api(p.app, 'GET', '/v1/conversations?status=waiting', undefined, p.token);
    return list.body.items.find((c: { contact: { name: string } }) => c.contact.name === customer.name)?.id as string | undefined;
  });
  expect((await api(p.app, 'POST', `/v1/conversations/${id}/assign`, { assigneeId: holder.userId }, holder.token)).status).toBe(200);
  const until = new Date(Date.now() + 5 * 3_600_000).toISOString();
  expect((await api(p.app, 'POST', `/v1/conversations/${id}/snooze`, { until }, holder.token)).status).toBe(200);
  return id;
}

const WORDS = {
  'pt-BR': { folder: 'Adiadas', hint: 'Todas as conversas adiadas da equipe, de qualquer atendente' },
  en: { folder: 'Snoozed', hint: 'Every snoozed chat of the team, whoever is answering it' },
} as const;

async function openSnoozed(page: Page): Promise<void> {
  await page.goto(`${p.app.url}/inbox`);
  await page.getByTestId('folder-snoozed').click();
  await page.locator('[data-testid=folder-snoozed][aria-selected=true]').waitFor();
}

describe("the team's snoozed chats", () => {
  it('when Bruno and Ana each snooze a chat, then Ana sees both under Adiadas with who holds each, and Bruno only his', async () => {
    const brunos = await snoozedBy(bruno, { waId: '5511987220001', name: 'Cliente do Bruno' });
    const anas = await snoozedBy(ana, { waId: '5511987220002', name: 'Cliente da Ana' });
    for (const lang of ['pt-BR', 'en'] as const) {
      const words = WORDS[lang];
      const owner = await agentPage(browser, p, ana, { lang, width: 1280, height: 800 });
      await openSnoozed(owner.page);
      const tab = owner.page.getByTestId('folder-snoozed');
      expect(await tab.innerText()).toContain(words.folder);
      expect(await tab.getAttribute('title')).toBe(words.hint);
      await row(owner.page, brunos).waitFor();
      await row(owner.page, anas).waitFor();
      expect(await row(owner.page, brunos).getByTestId('row-assignee').innerText()).toBe('Bruno');
      expect(await row(owner.page, anas).getByTestId('row-assignee').innerText()).toBe(ana.name);
      // Whole, not cut to "Br…" by the snooze's time beside it.
      for (const badge of await owner.page.locator('[data-testid=row-assignee], [data-testid=row-status]').all()) {
        const label = badge.locator('.mantine-Badge-label');
        expect(await label.evaluate((el) => el.scrollWidth <= el.clientWidth), await label.innerText()).toBe(true);
      }
      expect(await owner.page.getByTestId('count-snoozed').innerText()).toBe('2');
      await settle(owner.page);
      await owner.page.screenshot({ path: screenshotPath(`inbox-snooze-team-owner-1280-${lang}`) });
      await owner.context.close();

      const agent = await agentPage(browser, p, bruno, { lang, width: 390, height: 844 });
      await openSnoozed(agent.page);
      await row(agent.page, brunos).waitFor();
      expect(await row(agent.page, anas).count()).toBe(0);
      expect(await agent.page.getByTestId('count-snoozed').innerText()).toBe('1');
      expect(await agent.page.getByTestId('folder-snoozed').getAttribute('title')).toBeNull();
      await settle(agent.page);
      await agent.page.screenshot({ path: screenshotPath(`inbox-snooze-team-agent-390-${lang}`) });
      await agent.context.close();
    }
  });
});
