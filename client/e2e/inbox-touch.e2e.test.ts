// An agent's day on a phone (390 px, touch) and on a 1280 px laptop with the list and the details
// open beside the thread: Take says what it does in words, the header's other buttons are named
// icons, and the contact's name keeps some room; a tap leaves no tooltip over the thread; a toast and
// the offer of browser notifications at the list's foot never cover each other.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addMember } from '../../server/test/agents';
import { api } from '../../server/test/harness';
import { textMessage } from '../../server/test/fakes/whatsapp-payloads';
import { eventually, type Pipeline } from '../../server/test/pipeline';
import { screenshotPath } from './browser';
import { agentPage, row, quietFor, settle, signInFresh, startInboxSuite, type Agent } from './inbox-page';

let p: Pipeline;
let browser: Browser;
let ana: Agent;
let bruno: Agent;

startInboxSuite((s) => void ({ p, browser, ana, bruno } = s));

/** A customer's chat, handed to people and then taken by `agent`. */
async function chatOf(customer: { waId: string; name: string }, agent: Agent): Promise<string> {
  const id = await waitingChat(customer);
  expect((await api(p.app, 'POST', `/v1/conversations/${id}/assign`, { assigneeId: agent.userId }, agent.token)).status).toBe(200);
  return id;
}

type Box = { x: number; y: number; width: number; height: number };
const apart = (a: Box, b: Box) => a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;

/** Whether a tap at the middle of `testId` lands on it (nothing drawn over it). */
const reachable = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate((e) => {
    const r = e.getBoundingClientRect();
    return e.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
  });

/** The tooltips on screen, by their words (Mantine takes a closed one off the page). */
const tooltips = (page: Page) => page.getByRole('tooltip').allInnerTexts();

/** A customer asks for help: their chat, handed to people (waiting). */
async function waitingChat(customer: { waId: string; name: string }): Promise<string> {
  await p.wa.inbound(customer, textMessage('ajuda'));
  return eventually(async () => {
    const list = await api(p.app, 'GET', '/v1/conversations?status=waiting', undefined, p.token);
    return list.body.items.find((c: { contact: { name: string } }) => c.contact.name === customer.name)?.id;
  });
}

const WORDS = {
  'pt-BR': { take: 'Assumir', takeOver: 'Transferir para mim', back: 'Voltar para a lista', more: 'Mais ações', details: 'Mostrar detalhes' },
  en: { take: 'Take', takeOver: 'Take over', back: 'Back to the list', more: 'More actions', details: 'Show details' },
} as const;

/** The header's buttons as a person and a screen reader meet them: the words shown, and the name given. */
const headerButtons = (page: Page) =>
  page.locator('[data-testid=thread-header] button').evaluateAll((els) =>
    els.filter((e) => e.getBoundingClientRect().width > 0).map((e) => ({ testId: e.getAttribute('data-testid'), text: (e as HTMLElement).innerText.trim(), name: e.getAttribute('aria-label') ?? (e as HTMLElement).innerText.trim() })),
  );

describe('the inbox on a phone', () => {
  it('when an agent opens a waiting chat on a 390 px phone or a 1280 px laptop, then Take says so in words, the other header buttons are named icons and the name keeps room', async () => {
    const waiting = await waitingChat({ waId: '5511987007701', name: 'Maria Aparecida dos Santos' });
    const held = await waitingChat({ waId: '5511987007702', name: 'Joaquim Ferreira' });
    expect((await api(p.app, 'POST', `/v1/conversations/${held}/assign`, { assigneeId: bruno.userId }, bruno.token)).status).toBe(200);
    for (const lang of ['pt-BR', 'en'] as const) {
      const words = WORDS[lang];
      for (const [width, height] of [[390, 844], [1280, 800]] as const) {
        // Bruno, an agent, on the waiting chat; Ana, the owner, on the chat Bruno holds.
        for (const [who, id, label] of [[bruno, waiting, words.take], [ana, held, words.takeOver]] as const) {
          const { context, page } = await agentPage(browser, p, who, { lang, width, height });
          await page.goto(`${p.app.url}/inbox/${id}`);
          const take = page.getByTestId('take');
          await take.waitFor();
          await settle(page);
          // The words themselves are on screen, not only in a tooltip or a label for screen readers.
          expect(await take.innerText()).toBe(label);
          expect((await take.locator('.mantine-Button-label').boundingBox())!.width).toBeGreaterThan(30);
          const buttons = await headerButtons(page);
          for (const b of buttons) expect(b.name, `${b.testId} has no name`).not.toBe('');
          if (width === 390) {
            // On the phone: back, Take, the menu and the details; each icon named in the agent's language.
            expect(buttons.map((b) => b.testId)).toEqual(['thread-back', 'take', 'thread-menu', 'toggle-side']);
            // (The way back also counts the chats waiting in the list.)
            expect(buttons.map((b) => b.name.split(':')[0])).toEqual([words.back, label, words.more, words.details]);
          } else {
            // The details wait behind their button at 1280 px: the thread has room for the close tick beside Take.
            expect(await page.getByTestId('inbox-list').isVisible()).toBe(true);
            expect(await page.getByTestId('close').isVisible()).toBe(true);
            // Shown, between the list and the details the thread is narrow: the tick gives way (Close is in the menu).
            await page.getByTestId('toggle-side').click();
            await page.getByTestId('inbox-side').waitFor();
            await page.mouse.move(0, 400);
            await settle(page);
            expect(await page.getByTestId('close').isVisible()).toBe(false);
          }
          const right = await page.getByTestId('toggle-side').evaluate((e) => e.getBoundingClientRect().right);
          expect(right).toBeLessThanOrEqual(width);
          // The customer's name keeps a readable width beside Take over too (on a phone its buttons go below it).
          const nameBox = (await page.getByTestId('thread-name').boundingBox())!;
          expect(nameBox.width, `${label} at ${width} px left the name ${nameBox.width} px`).toBeGreaterThanOrEqual(120);
          expect(apart(nameBox, (await take.boundingBox())!)).toBe(true);
          await page.screenshot({ path: screenshotPath(`inbox-touch-take-${who === bruno ? 'waiting' : 'held'}-${width}-${lang}`) });
          await context.close();
        }
      }
    }
  });

  it('when an agent taps icon buttons on a touch screen, then no tooltip stays over the thread; with a mouse, resting on one still names it', async () => {
    const id = await chatOf({ waId: '5511987007703', name: 'Rosa Lima' }, bruno);
    await p.wa.inbound({ waId: '5511987007703', name: 'Rosa Lima' }, textMessage('Vocês entregam hoje?'));
    for (const lang of ['pt-BR', 'en'] as const) {
      const { context, page } = await agentPage(browser, p, bruno, { lang, width: 390, height: 844 });
      await page.goto(`${p.app.url}/inbox/${id}`);
      const reply = page.getByTestId('message-reply');
      await expect.poll(() => reply.count()).toBeGreaterThanOrEqual(3);
      // A finger's tap, as the browser reports it...
      await reply.nth(0).tap();
      await page.getByTestId('composer-reply-to').waitFor();
      await quietFor(page, 1000);
      expect(await tooltips(page)).toEqual([]);
      // ...and a tap that arrives as mouse events (touch emulation sends it so): "Reply" stayed up,
      // over the message, until the next tap elsewhere.
      await reply.nth(2).click();
      await quietFor(page, 1000);
      expect(await tooltips(page)).toEqual([]);
      await page.getByTestId('composer-input').fill(lang === 'en' ? 'Yes, until 6 pm.' : 'Sim, até as 18h.');
      await page.getByTestId('composer-send').click();
      await expect.poll(() => page.getByTestId('composer-input').inputValue()).toBe('');
      await quietFor(page, 1000);
      expect(await tooltips(page)).toEqual([]);
      await page.screenshot({ path: screenshotPath(`inbox-touch-after-taps-${lang}`) });
      await context.close();
    }
    // With a mouse the tooltips still show, and go when it leaves.
    const { context, page } = await agentPage(browser, p, bruno, { lang: 'en', width: 1440, height: 900 });
    await page.goto(`${p.app.url}/inbox/${id}`);
    await page.getByTestId('message-reply').first().hover();
    await expect.poll(() => tooltips(page)).toEqual(['Reply']);
    await page.mouse.move(720, 880);
    await expect.poll(() => tooltips(page)).toEqual([]);
    await context.close();
  });

  it('when a toast shows while the inbox offers browser notifications, then neither covers the other, on a phone and on a laptop', async () => {
    const id = await waitingChat({ waId: '5511987007704', name: 'Tereza Nunes' });
    for (const [lang, width, height] of [['pt-BR', 390, 844], ['en', 390, 844], ['pt-BR', 1280, 800], ['en', 1280, 800]] as const) {
      // A new agent in a fresh browser: signing in greets them with a toast, and the list offers notifications.
      const agent = await addMember(p.app, p.tenantId, lang === 'en' ? 'Carla' : 'Camila', 'agent');
      const { context, page } = await signInFresh(browser, p, agent.email, lang, { width, height });
      const toast = page.locator('.mantine-Notification-root').first();
      await toast.waitFor();
      const offer = page.getByTestId('notification-offer');
      await offer.waitFor();
      await row(page, id).waitFor();
      await settle(page);
      expect(await toast.isVisible()).toBe(true);
      const [t, o] = [(await toast.boundingBox())!, (await offer.boundingBox())!];
      expect(apart(t, o), `the toast ${JSON.stringify(t)} covers the offer ${JSON.stringify(o)}`).toBe(true);
      // Both wholly on screen, and the offer's buttons take a tap.
      for (const b of [t, o]) expect(b.y >= 0 && b.y + b.height <= height).toBe(true);
      expect(await reachable(page, 'notification-offer-enable')).toBe(true);
      expect(await reachable(page, 'notification-offer-dismiss')).toBe(true);
      await page.screenshot({ path: screenshotPath(`inbox-touch-toast-offer-${width}-${lang}`) });
      await context.close();
    }
  });
});
