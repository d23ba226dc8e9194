// An owner who wants to know how customers rate the service: turns the survey on under Settings →
// Inbox (the report, while it is off, says so and links there), closes a chat they held, the customer taps "😀 Ótimo" on WhatsApp, the answer shows in the
// closed chat's thread, and Reports → Customer service counts it. In Portuguese and in English.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { api } from '../../server/test/harness';
import { buttonReply } from '../../server/test/fakes/whatsapp-payloads';
import { eventually, type Pipeline } from '../../server/test/pipeline';
import { screenshotPath } from './browser';
import { agentPage, takenChat, bubbleTexts, settle, startInboxSuite, type Agent } from './inbox-page';

let p: Pipeline;
let browser: Browser;
let ana: Agent;

startInboxSuite((s) => void ({ p, browser, ana } = s));

const WORDS = {
  'pt-BR': { survey: 'Pesquisa de satisfação', closeDialog: 'Encerrar esta conversa?', answers: 'Respostas', great: 'Avaliaram Ótimo', off: 'A pesquisa está desligada', of: 'de', byDay: 'Respostas por dia' },
  en: { survey: 'Satisfaction survey', closeDialog: 'Close this conversation?', answers: 'Answers', great: 'Rated great', off: 'The survey is off', of: 'of', byDay: 'Answers per day' },
} as const;

describe('satisfaction survey', () => {
  it('when the owner turns it on and closes a chat, then the customer\'s tap shows in the closed chat and in the report', async () => {
    let answered = 0;
    for (const lang of ['pt-BR', 'en'] as const) {
      const words = WORDS[lang];
      const { context, page } = await agentPage(browser, p, ana, { lang });
      // Off, the report says so and links to where it is turned on.
      expect((await api(p.app, 'PUT', '/v1/settings/inbox', { satisfactionSurvey: false }, p.token)).status).toBe(200);
      await page.goto(`${p.app.url}/reports`);
      const off = page.getByTestId('report-csat-off');
      await off.waitFor();
      expect(await off.innerText()).toContain(words.off);
      await off.scrollIntoViewIfNeeded();
      await settle(page);
      await page.screenshot({ path: screenshotPath(`survey-report-off-${lang}`) });
      await page.getByTestId('report-csat-turn-on').click();
      await page.waitForURL(/\/settings\?tab=inbox$/);
      const toggle = page.getByTestId('satisfaction-survey');
      await toggle.waitFor();
      expect(await page.getByText(words.survey).count()).toBeGreaterThan(0);
      expect(await toggle.isChecked()).toBe(false);
      await toggle.click({ force: true });
      await page.getByTestId('inbox-settings-save').click();
      await eventually(async () => (await api(p.app, 'GET', '/v1/settings/inbox', undefined, p.token)).body.satisfactionSurvey === true);
      await settle(page);
      await page.screenshot({ path: screenshotPath(`survey-setting-${lang}`) });

      const customer = { waId: lang === 'en' ? '5511987220002' : '5511987220001', name: `Cliente da pesquisa ${lang}` };
      const id = await takenChat(p, ana, customer);
      await page.goto(`${p.app.url}/inbox/${id}`);
      await page.getByTestId('close').click();
      await page.getByRole('dialog', { name: words.closeDialog }).waitFor();
      await page.getByTestId('confirm-close').click();
      await eventually(async () => (await api(p.app, 'GET', `/v1/conversations/${id}`, undefined, p.token)).body.status === 'closed');

      // The customer's phone got the question; they tap the first button.
      const sent = await eventually(() => p.wa.sendsTo(customer.waId).find((s) => s.body.type === 'interactive'));
      const great = sent.body.interactive.action.buttons[0].reply;
      expect(great).toEqual({ id: expect.stringMatching(new RegExp(`^csat:${id}:[0-9a-f-]{36}:3$`)), title: '😀 Ótimo' });
      await p.wa.inbound(customer, buttonReply(great.id, great.title));
      answered++;
      await expect.poll(() => bubbleTexts(page), { timeout: 15_000 }).toContain('😀 Ótimo');
      expect(await bubbleTexts(page)).toContain('Como você avalia o nosso atendimento?');
      expect((await api(p.app, 'GET', `/v1/conversations/${id}`, undefined, p.token)).body.status).toBe('closed');
      await settle(page);
      await page.screenshot({ path: screenshotPath(`survey-answer-thread-${lang}`) });

      await page.goto(`${p.app.url}/reports`);
      const figure = page.getByTestId('report-csat-answers');
      await figure.waitFor();
      await expect.poll(() => figure.innerText()).toContain(String(answered));
      expect(await figure.innerText()).toContain(words.answers.toUpperCase());
      expect(await page.getByTestId('report-csat-great').innerText()).toContain('100%');
      expect(await page.getByTestId('report-csat-great').innerText()).toContain(words.great.toUpperCase());
      expect(await page.getByTestId('report-csat-agents').innerText()).toContain(ana.name);
      // Every survey Ana's closes sent was answered; on, the report no longer says it is off.
      expect(await page.getByTestId('report-csat-agent-rate').innerText()).toBe(`100% ${words.of} ${answered}`);
      expect(await page.getByTestId('report-csat-off').count()).toBe(0);
      // The transfers-per-day card above loads its chart on its own: the shot waits for it.
      await page.getByTestId('report-daily').locator('.recharts-bar-rectangle:visible').first().waitFor();
      // Today's answers show as a bar in the survey's own chart, named in the reader's language.
      const byDay = page.getByTestId('report-csat-daily');
      await byDay.locator('.recharts-bar-rectangle:visible').first().waitFor();
      expect(await byDay.innerText()).toContain(words.byDay);
      expect(await byDay.getByRole('img').getAttribute('aria-label')).toContain(`${answered}`);
      await page.getByTestId('report-csat').scrollIntoViewIfNeeded();
      await settle(page);
      await page.screenshot({ path: screenshotPath(`survey-report-${lang}`) });
      await context.close();
    }
  });
});
