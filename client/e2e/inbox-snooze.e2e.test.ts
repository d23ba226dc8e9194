// An agent on a phone whose customer will "send the receipt tomorrow": the chat is snoozed from the
// thread's ⋯ menu, leaves Minhas for Adiadas (saying until when), and "Reativar agora" brings it back.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { api } from '../../server/test/harness';
import type { Pipeline } from '../../server/test/pipeline';
import { screenshotPath } from './browser';
import { agentPage, takenChat, row, settle, startInboxSuite, type Agent } from './inbox-page';

let p: Pipeline;
let browser: Browser;
let ana: Agent;

startInboxSuite((s) => void ({ p, browser, ana } = s));

const WORDS = {
  'pt-BR': { snooze: 'Adiar', tomorrow: 'Até amanhã, 09:00', banner: 'Adiada até amanhã, 09:00', row: 'até amanhã, 09:00', wake: 'Reativar agora', mine: 'Minhas', snoozed: 'Adiadas' },
  en: { snooze: 'Snooze', tomorrow: 'Until tomorrow, 9:00 AM', banner: 'Snoozed until tomorrow, 9:00 AM', row: 'until tomorrow, 9:00 AM', wake: 'Reactivate now', mine: 'Mine', snoozed: 'Snoozed' },
} as const;

const openFolder = async (page: Page, folder: 'mine' | 'snoozed') => {
  await page.getByTestId(`folder-${folder}`).click();
  await page.locator(`[data-testid=folder-${folder}][aria-selected=true]`).waitFor();
};

describe('snoozing a chat', () => {
  it('when an agent snoozes a chat from the menu on a phone, then it leaves Minhas for Adiadas with its time, and "Reativar agora" brings it back', async () => {
    for (const lang of ['pt-BR', 'en'] as const) {
      const words = WORDS[lang];
      const id = await takenChat(p, ana, { waId: lang === 'en' ? '5511987110002' : '5511987110001', name: `Cliente do comprovante ${lang}` });
      const { context, page } = await agentPage(browser, p, ana, { lang, width: 390, height: 844 });
      await page.goto(`${p.app.url}/inbox/${id}`);
      await page.getByTestId('thread-menu').click();
      await page.getByTestId('snooze-tomorrow').waitFor();
      await settle(page);
      expect(await page.getByRole('menu').innerText()).toContain(words.snooze);
      expect(await page.getByTestId('snooze-tomorrow').innerText()).toBe(words.tomorrow);
      await page.screenshot({ path: screenshotPath(`inbox-snooze-menu-390-${lang}`) });
      await page.getByTestId('snooze-tomorrow').click();

      // The thread says until when, with the way back.
      const banner = page.getByTestId('snooze-banner');
      await banner.waitFor();
      expect(await page.getByTestId('snooze-until').innerText()).toContain(words.banner);
      expect(await page.getByTestId('unsnooze').innerText()).toBe(words.wake);
      const box = (await banner.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      await settle(page);
      await page.screenshot({ path: screenshotPath(`inbox-snooze-banner-390-${lang}`) });

      // Minhas no longer holds it; Adiadas does, saying until when.
      await page.getByTestId('thread-back').click();
      await openFolder(page, 'mine');
      expect(await page.getByTestId('folder-mine').innerText()).toContain(words.mine);
      await row(page, id).waitFor({ state: 'detached' });
      await openFolder(page, 'snoozed');
      expect(await page.getByTestId('folder-snoozed').innerText()).toContain(words.snoozed);
      await row(page, id).waitFor();
      expect(await row(page, id).getByTestId('row-snoozed').innerText()).toBe(words.row);
      await settle(page);
      await page.screenshot({ path: screenshotPath(`inbox-snooze-folder-390-${lang}`) });

      // "Reativar agora" brings it back to Minhas, and the history says who snoozed and woke it.
      await row(page, id).click();
      await page.getByTestId('unsnooze').click();
      await page.getByTestId('snooze-banner').waitFor({ state: 'detached' });
      await page.locator('[data-testid=activity-line][data-type=unsnoozed]').waitFor();
      await page.getByTestId('thread-back').click();
      await row(page, id).waitFor({ state: 'detached' });
      await openFolder(page, 'mine');
      await row(page, id).waitFor();
      expect((await api(p.app, 'GET', `/v1/conversations/${id}`, undefined, ana.token)).body.snoozedUntil).toBeNull();
      await context.close();
    }
  });

  it('when a snooze runs out while the inbox is open, then the chat comes back to Minhas without a reload', async () => {
    const id = await takenChat(p, ana, { waId: '5511987110003', name: 'Cliente que volta sozinho' });
    const until = new Date(Date.now() + 10_000).toISOString();
    expect((await api(p.app, 'POST', `/v1/conversations/${id}/snooze`, { until }, ana.token)).status).toBe(200);
    const { context, page } = await agentPage(browser, p, ana, { lang: 'pt-BR', width: 390, height: 844 });
    await page.goto(`${p.app.url}/inbox`);
    await openFolder(page, 'mine');
    // The earlier test's chats, back in Minhas: the list has loaded, without this one.
    await page.locator('[data-testid^=conversation-]').first().waitFor();
    expect(Date.now()).toBeLessThan(Date.parse(until));
    expect(await row(page, id).count()).toBe(0);
    await row(page, id).waitFor({ timeout: 20_000 });
    await context.close();
  });
});
