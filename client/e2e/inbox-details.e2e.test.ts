// An agent at a 1280 px laptop: the contact's details no longer squeeze the thread into 380 px between
// the list and them. Hidden there until the agent shows them (the header's button, or D), they keep
// the agent's choice across reloads; on a wider screen they show beside the thread from the start.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { api } from '../../server/test/harness';
import { textMessage } from '../../server/test/fakes/whatsapp-payloads';
import { eventually, type Pipeline } from '../../server/test/pipeline';
import { screenshotPath } from './browser';
import { addAgent, agentPage, quietFor, settle, startInboxSuite, type Agent } from './inbox-page';

let p: Pipeline;
let browser: Browser;
let ana: Agent;
let maria: Agent;

startInboxSuite(async (s) => {
  ({ p, browser, ana } = s);
  maria = await addAgent(p, 'Maria Aparecida dos Santos Oliveira');
});

/** The customer asks for help and the chat is given to Maria (a long name); its id. */
async function mariasChat(person: { waId: string; name: string }): Promise<string> {
  await p.wa.inbound(person, textMessage('ajuda'));
  const id = await eventually(async () => (await api(p.app, 'GET', '/v1/conversations?status=waiting', undefined, p.token)).body.items.find((c: { contact: { name: string } }) => c.contact.name === person.name)?.id as string | undefined);
  await p.wa.inbound(person, textMessage('Comprei uma geladeira na semana passada e até agora não recebi o código de rastreio. O pedido é o 48213 e o pagamento já foi aprovado faz cinco dias.'));
  expect((await api(p.app, 'POST', `/v1/conversations/${id}/assign`, { assigneeId: maria.userId }, p.token)).status).toBe(200);
  return id;
}

const width = (page: Page, testId: string) => page.getByTestId(testId).evaluate((e) => e.getBoundingClientRect().width);
const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
const sideShown = (page: Page) => page.getByTestId('inbox-side').count().then((n) => n === 1);

const TEXTS = {
  en: { show: 'Show details', hide: 'Hide details', help: 'Keyboard shortcuts', helpLine: "Show or hide the contact's details", assigned: 'Assigned to Maria Aparecida dos Santos Oliveira' },
  'pt-BR': { show: 'Mostrar detalhes', hide: 'Ocultar detalhes', help: 'Atalhos de teclado', helpLine: 'Mostrar ou ocultar os detalhes do contato', assigned: 'Atribuída a Maria Aparecida dos Santos Oliveira' },
};

describe('inbox details beside the thread', () => {
  for (const [lang, waId] of [['en', '5511987008801'], ['pt-BR', '5511987008802']] as const) {
    it(`when an agent works at a 1280 px laptop (${lang}), then the thread is wide, and the details show and hide with the button or D, kept across reloads`, async () => {
      const t = TEXTS[lang];
      const chat = await mariasChat({ waId, name: 'Joana Prado' });
      const { context, page } = await agentPage(browser, p, ana, { lang, width: 1280, height: 800 });
      await page.goto(`${p.app.url}/inbox/${chat}`);
      const toggle = page.getByTestId('toggle-side');
      await page.waitForSelector('[data-testid=thread] [data-testid=take]');
      // No choice made yet: the details wait behind their button, the thread has the room (it had 380 px).
      expect(await sideShown(page)).toBe(false);
      expect(await width(page, 'thread')).toBeGreaterThanOrEqual(560);
      expect(await toggle.getAttribute('aria-label')).toBe(t.show);
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await toggle.getAttribute('aria-keyshortcuts')).toBe('D');
      // Who holds the chat is read whole, not "Assigned to Maria Aparecid…".
      const assignee = page.getByTestId('thread-assignee');
      expect(await assignee.textContent()).toBe(t.assigned);
      expect(await assignee.evaluate((e) => e.scrollWidth <= e.clientWidth && e.scrollHeight <= e.clientHeight)).toBe(true);
      await toggle.hover();
      await expect.poll(() => page.getByRole('tooltip').textContent()).toBe(`${t.show} (D)`);
      await page.screenshot({ path: screenshotPath(`inbox-details-hidden-1280-${lang}`) });

      // The button shows them beside the thread, and takes the focus into them.
      await toggle.click();
      await page.getByTestId('inbox-side').getByTestId('contact-channel').waitFor();
      expect(await focused(page)).toBe('inbox-side');
      expect(await toggle.getAttribute('aria-label')).toBe(t.hide);
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      await page.mouse.move(0, 400);
      await settle(page);
      await page.screenshot({ path: screenshotPath(`inbox-details-shown-1280-${lang}`) });
      // Hidden again with D while they have the focus: the focus goes to the button that brings them back.
      await page.keyboard.press('d');
      await expect.poll(() => sideShown(page)).toBe(false);
      expect(await focused(page)).toBe('toggle-side');
      // D shows them again, and the choice holds after a reload.
      await page.keyboard.press('d');
      await page.getByTestId('inbox-side').waitFor();
      await page.reload();
      await page.getByTestId('inbox-side').getByTestId('contact-channel').waitFor();
      expect(await page.getByTestId('toggle-side').getAttribute('aria-label')).toBe(t.hide);
      // Hidden with the button, they stay hidden after a reload too.
      await page.getByTestId('toggle-side').click();
      await expect.poll(() => sideShown(page)).toBe(false);
      await page.reload();
      await page.waitForSelector('[data-testid=thread] [data-testid=take]');
      await quietFor(page);
      expect(await sideShown(page)).toBe(false);
      expect(await width(page, 'thread')).toBeGreaterThanOrEqual(560);

      // The "?" help lists the key.
      await page.locator('body').click({ position: { x: 700, y: 20 } });
      await page.keyboard.press('Shift+Slash');
      const help = page.getByRole('dialog', { name: t.help });
      await help.waitFor();
      expect(await help.textContent()).toContain(`${t.helpLine}D`);
      await settle(page);
      await page.screenshot({ path: screenshotPath(`inbox-details-help-${lang}`) });
      await context.close();
    });
  }

  it('when an agent works at a 1440 px screen, then the details show beside the thread until the agent hides them', async () => {
    const chat = await mariasChat({ waId: '5511987008803', name: 'Rita Gomes' });
    const { context, page } = await agentPage(browser, p, ana, { lang: 'en', width: 1440, height: 900 });
    await page.goto(`${p.app.url}/inbox/${chat}`);
    await page.getByTestId('inbox-side').getByTestId('contact-channel').waitFor();
    expect(await width(page, 'thread')).toBeGreaterThanOrEqual(520);
    await page.keyboard.press('d');
    await expect.poll(() => sideShown(page)).toBe(false);
    expect(await width(page, 'thread')).toBeGreaterThanOrEqual(820);
    await page.reload();
    await page.waitForSelector('[data-testid=thread] [data-testid=take]');
    await quietFor(page);
    expect(await sideShown(page)).toBe(false);
    // Below 1200 px there is no room beside the thread: D opens them over it, as the button does.
    await page.setViewportSize({ width: 1100, height: 800 });
    await settle(page);
    await page.keyboard.press('d');
    await page.locator('.mantine-Drawer-content').getByTestId('contact-channel').waitFor();
    await context.close();
  });
});
