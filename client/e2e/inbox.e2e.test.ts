// The inbox's acceptance journey: a WhatsApp customer's message reaches a flow that transfers to a
// team; agent A sees it arrive live and takes it, agent B sees it taken (and loses the race to take
// it); A answers with a canned response and a private note (the reply reaches WhatsApp, the note
// never does); A hands back and the bot answers the next message. Also at a phone's width.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { edge, flow, keywordTrigger, node } from '../../server/test/flow-docs';
import { addMember } from '../../server/test/agents';
import { api } from '../../server/test/harness';
import { textMessage } from '../../server/test/fakes/whatsapp-payloads';
import { eventually, sentTexts, startPipeline, type Pipeline } from '../../server/test/pipeline';
import { launchBrowser, screenshotPath } from './browser';
import { startAppWithClient } from './builder-page';
import { addAgent, agentPage, bubbleTexts, listedIds, ownerAgent, row, quietFor, settle, signInFresh, swipePointer, swipeTouch, type Agent } from './inbox-page';

type Box = { x: number; y: number; width: number; height: number };

let p: Pipeline;
let browser: Browser;
let ana: Agent;
let bruno: Agent;
const customer = { waId: '5511987001122', name: 'Maria Clara' };

beforeAll(async () => {
  // The sweeper fires due no-agent timeouts: every 500 ms instead of every 5 s, so the automatic
  // message's test waits on its 0.6 s timeout, not on the next sweep.
  p = await startPipeline({}, { appStarter: (env) => startAppWithClient(env, { sweepIntervalMs: 500 }) });
  browser = await launchBrowser();
  ana = await ownerAgent(p);
  bruno = await addAgent(p, 'Bruno');
  const team = await api(p.app, 'POST', '/v1/teams', { name: 'Vendas', memberIds: [ana.userId, bruno.userId] }, p.token);
  expect(team.status).toBe(201);
  const canned = await api(p.app, 'POST', '/v1/canned-responses', { shortcut: 'oi', text: 'Olá {{contact.name}}, aqui é {{agent.name}}! Como posso ajudar?' }, p.token);
  expect(canned.status).toBe(201);
  // A second channel: rows then say which one each chat came in on.
  expect((await api(p.app, 'POST', '/v1/channels', { type: 'webchat', name: 'Site' }, p.token)).status).toBe(201);
  await p.publish(flow([keywordTrigger('ajuda'), node('human', 'transfer', { team: team.body.id, message: 'Já vou te passar para alguém da equipe!' })], [edge('start', 'next', 'human')]), 'Atendimento');
  await p.publish(flow([keywordTrigger('cardapio'), node('menu', 'message', { text: 'Hoje temos bolo de pote e brigadeiro.' })], [edge('start', 'next', 'menu')]), 'Cardápio');
});
afterAll(async () => {
  await browser?.close();
  await p?.close();
});

/** The customer asks for help (the flow hands the chat to people); the waiting chat's id. */
async function waitingChatOf(person: { waId: string; name: string }): Promise<string> {
  await p.wa.inbound(person, textMessage('ajuda'));
  return eventually(async () => (await api(p.app, 'GET', '/v1/conversations?status=waiting', undefined, p.token)).body.items.find((c: any) => c.contact.phone?.endsWith(person.waId.slice(-8)))?.id as string | undefined);
}

/** Each person's chat handed to people and assigned to `agent` (taken by them), in order. */
async function chatsOf(agent: Agent, people: Array<{ waId: string; name: string }>): Promise<string[]> {
  const ids: string[] = [];
  for (const person of people) {
    const id = await waitingChatOf(person);
    expect((await api(p.app, 'POST', `/v1/conversations/${id}/assign`, { assigneeId: agent.userId }, agent.token)).status).toBe(200);
    ids.push(id);
  }
  return ids;
}

describe('team inbox', () => {
  it('when a customer is transferred, then A takes and answers it, B sees it taken, the note stays inside and the bot comes back', async () => {
    const a = await agentPage(browser, p, ana, { lang: 'en' });
    const b = await agentPage(browser, p, bruno, { lang: 'pt-BR' });
    for (const { page } of [a, b]) {
      await page.goto(`${p.app.url}/inbox`);
      await page.waitForSelector('[data-testid=inbox-list-empty]');
    }
    await a.page.screenshot({ path: screenshotPath('inbox-empty-en') });

    // The customer asks for help: the flow transfers to the team and the chat appears live in "waiting".
    await p.wa.inbound(customer, textMessage('ajuda'));
    const firstRow = a.page.locator('[data-testid^=conversation-]').first();
    await firstRow.waitFor({ timeout: 15_000 });
    const id = (await firstRow.getAttribute('data-testid'))!.replace('conversation-', '');
    expect(await firstRow.getAttribute('data-status')).toBe('waiting');
    expect(await row(a.page, id).locator('[data-testid=row-name]').textContent()).toBe('Maria Clara');
    expect(await row(a.page, id).locator('[data-testid=row-channel]').getAttribute('aria-label')).toBe('On Loja WhatsApp');
    await expect.poll(() => a.page.textContent('[data-testid=count-waiting]')).toBe('1');
    // All five folders are in sight, none cut off past the list's edge (in both languages).
    for (const page of [a.page, b.page]) {
      const right = (await page.getByRole('tablist', { name: /folders|pastas/i }).boundingBox())!;
      for (const tab of await page.locator('[data-testid^=folder-]').all()) {
        const box = (await tab.boundingBox())!;
        expect(box.x + box.width, await tab.textContent() ?? '').toBeLessThanOrEqual(right.x + right.width);
      }
    }
    // The tab says so too, for an agent working in another tab.
    await expect.poll(() => a.page.title()).toBe('(1) Inbox · Zyntra');
    await expect.poll(() => b.page.title()).toBe('(1) Caixa de entrada · Zyntra');
    await row(b.page, id).waitFor();
    expect(await row(b.page, id).locator('[data-testid=row-channel]').getAttribute('aria-label')).toBe('Pelo canal Loja WhatsApp');
    await a.page.screenshot({ path: screenshotPath('inbox-waiting-en') });

    // Both open it; A takes it. B's view changes to "taken by Ana" without a reload, and B's late click loses.
    await row(a.page, id).click();
    await row(b.page, id).click();
    await a.page.waitForSelector('[data-testid=owner-banner][data-status=waiting]');
    await b.page.waitForSelector('[data-testid=take]');
    await expect.poll(() => a.page.textContent('[data-testid=contact-channel]')).toBe('Channel: Loja WhatsApp');
    await expect.poll(() => b.page.textContent('[data-testid=contact-channel]')).toBe('Canal: Loja WhatsApp');
    // Bruno, an agent, reads the contact; it is shown as text, not as fields that ignore his typing.
    expect(await b.page.locator('[data-testid=contact-name]').getAttribute('data-variant')).toBe('unstyled');
    expect(await b.page.locator('[data-testid=contact-name]').getAttribute('readonly')).not.toBeNull();
    expect(await a.page.locator('[data-testid=contact-name]').getAttribute('data-variant')).not.toBe('unstyled');
    await a.page.click('[data-testid=take]');
    await a.page.waitForSelector('[data-testid=owner-banner][data-status=human]');
    // The bot card agrees with the banner: paused while a person has the chat.
    await expect.poll(() => a.page.textContent('[data-testid=bot-state]')).toBe('Paused');
    await expect.poll(() => b.page.textContent('[data-testid=thread-assignee]'), { timeout: 10_000 }).toBe(`Atribuída a ${ana.name}`);
    await expect.poll(() => b.page.textContent('[data-testid=reply-blocked]')).toContain(ana.name);
    const taken = await api(p.app, 'POST', `/v1/conversations/${id}/assign`, { assigneeId: bruno.userId }, bruno.token);
    expect(taken.status).toBe(409);
    expect(taken.body.error.assigneeId).toBe(ana.userId);
    // An agent cannot take it from a teammate: no button offers it, and the box says whom to ask.
    await expect.poll(() => b.page.locator('[data-testid=take]').count()).toBe(0);
    expect(await b.page.textContent('[data-testid=reply-blocked]')).toBe(`${ana.name} está atendendo esta conversa. Peça para passar para você (ou para um administrador assumir), ou adicione uma nota interna.`);
    // Nothing in the blocked reply box invites typing: the emoji picker is off with the clip and send.
    expect(await b.page.locator('[data-testid=emoji-button]').isDisabled()).toBe(true);
    // Reply on a bubble is off too, and a finger's swipe does not move the bubble.
    const blockedBubble = b.page.locator('[data-testid=message][data-author=contact]').first();
    expect(await blockedBubble.locator('[data-testid=message-reply]').isDisabled()).toBe(true);
    const letGo = await swipePointer(blockedBubble, [[12, 0], [60, 0]]);
    expect(await blockedBubble.getAttribute('data-swipe')).toBeNull();
    await letGo();
    // Both threads say what happened, between the messages: the bot's transfer, then Ana taking it (live for Bruno).
    const lines = (page: typeof a.page) => page.locator('[data-testid=activity-line]').evaluateAll((els) => els.map((e) => e.textContent!.replace(/ · .*$/, '')));
    await expect.poll(() => lines(a.page), { timeout: 10_000 }).toEqual(['The bot transferred the chat to the Vendas team', 'You took the chat']);
    await expect.poll(() => lines(b.page), { timeout: 10_000 }).toEqual(['O bot transferiu a conversa para a equipe Vendas', `${ana.name} assumiu a conversa`]);
    await settle(b.page);
    await b.page.screenshot({ path: screenshotPath('inbox-taken-by-other-pt-BR') });

    // A answers with the canned response (placeholders filled) and adds a private note.
    const input = a.page.locator('[data-testid=composer-input]');
    await input.fill('/o');
    await a.page.waitForSelector('[data-testid=canned-oi]');
    await a.page.screenshot({ path: screenshotPath('inbox-canned-picker-en') });
    await input.press('Enter');
    const reply = `Olá Maria Clara, aqui é ${ana.name}! Como posso ajudar?`;
    expect(await input.inputValue()).toBe(reply);
    await input.press('Enter');
    await eventually(() => sentTexts(p.wa, customer.waId).includes(reply));
    await expect.poll(() => a.page.locator('[data-testid=message][data-author=agent] [data-testid=ticks]').last().getAttribute('data-status'), { timeout: 10_000 }).toMatch(/sent|delivered|read/);

    await a.page.click('[data-testid=composer] label:has([data-testid=composer-mode-note])');
    await input.fill('Cliente VIP: oferecer frete grátis');
    await input.press('Enter');
    await a.page.waitForSelector('[data-testid=message][data-kind=note]');
    await expect.poll(() => b.page.locator('[data-testid=message][data-kind=note]').count(), { timeout: 10_000 }).toBe(1);
    await new Promise((r) => setTimeout(r, 1000));
    expect(sentTexts(p.wa, customer.waId).some((t) => t.includes('frete'))).toBe(false);
    await a.page.screenshot({ path: screenshotPath('inbox-thread-en') });
    await b.page.screenshot({ path: screenshotPath('inbox-thread-pt-BR') });

    // The customer writes while A reads the chat: it is read at once, with no badge on the open row.
    await p.wa.inbound(customer, textMessage('obrigada, vou ver o cardápio'));
    await expect.poll(() => bubbleTexts(a.page), { timeout: 10_000 }).toContain('obrigada, vou ver o cardápio');
    await expect.poll(async () => (await api(p.app, 'GET', `/v1/conversations/${id}`, undefined, p.token)).body.unreadCount, { timeout: 10_000 }).toBe(0);
    await quietFor(a.page);
    expect(await row(a.page, id).locator('[data-testid=row-unread]').count()).toBe(0);

    // Hand back to the bot: the next message is the bot's to answer again.
    await a.page.click('[data-testid=thread-menu]');
    await a.page.click('[data-testid=handback]');
    await a.page.waitForSelector('[data-testid=owner-banner][data-status=bot]');
    await p.wa.inbound(customer, textMessage('cardapio'));
    await eventually(() => sentTexts(p.wa, customer.waId).includes('Hoje temos bolo de pote e brigadeiro.'));
    await expect.poll(() => bubbleTexts(a.page), { timeout: 10_000 }).toContain('Hoje temos bolo de pote e brigadeiro.');
    const texts = await bubbleTexts(a.page);
    expect(texts.slice(-2)).toEqual(['cardapio', 'Hoje temos bolo de pote e brigadeiro.']);
    // Each line sits where it happened: the transfer after the bot's goodbye (one transaction), Ana
    // taking it before her answer, the hand-back just before the customer's next message.
    expect((await lines(a.page)).at(-1)).toBe('You handed the chat back to the bot');
    const order = await a.page.locator('[data-testid=activity-line], [data-testid=message]').evaluateAll((els) => els.map((e) => e.getAttribute('data-type') ?? e.querySelector('[data-testid=message-text]')?.textContent));
    expect(order.slice(0, 5)).toEqual(['ajuda', 'Já vou te passar para alguém da equipe!', 'transferred', 'assigned', reply]);
    expect(order.indexOf('handed_back')).toBe(order.indexOf('cardapio') - 1);
    await a.page.screenshot({ path: screenshotPath('inbox-handed-back-en') });

    // "?" lists the keyboard shortcuts; Alt+↓ moves between chats.
    await a.page.locator('body').click({ position: { x: 700, y: 20 } });
    await a.page.keyboard.press('Shift+Slash');
    await a.page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await settle(a.page);
    await a.page.screenshot({ path: screenshotPath('inbox-shortcuts-en') });
    // E asks before closing, with Close ready for Enter.
    await a.page.keyboard.press('Escape');
    await expect.poll(() => a.page.getByRole('dialog').count()).toBe(0);
    await a.page.keyboard.press('e');
    await a.page.getByRole('dialog', { name: 'Close this conversation?' }).waitFor();
    await expect.poll(() => a.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('confirm-close');
    await a.page.keyboard.press('Enter');
    await eventually(async () => (await api(p.app, 'GET', `/v1/conversations/${id}`, undefined, p.token)).body.status === 'closed');
    // Maria writes again: her chat is back with the bot, as the tests below find it.
    await p.wa.inbound(customer, textMessage('cardapio'));
    await eventually(async () => (await api(p.app, 'GET', `/v1/conversations/${id}`, undefined, p.token)).body.status === 'bot');
    await a.context.close();
    await b.context.close();
  });

  it('when an agent works from a 375 px phone, then the list opens a full-screen thread with a way back', async () => {
    expect((await api(p.app, 'PATCH', '/v1/settings/workspace', { name: 'Bazar da Ana' }, p.token)).status).toBe(200);
    const phone = await agentPage(browser, p, ana, { lang: 'pt-BR', width: 375, height: 812 });
    const { page } = phone;
    await page.goto(`${p.app.url}/inbox`);
    await page.click('[data-testid=folder-bot]');
    await page.locator('[data-testid^=conversation-]').first().waitFor();
    await page.screenshot({ path: screenshotPath('inbox-phone-list-pt-BR') });
    // The header says which workspace this is, and everything in it fits the phone's width.
    const me = (await api(p.app, 'GET', '/v1/me', undefined, ana.token)).body;
    expect(await page.locator('[data-testid=workspace-name]').isVisible()).toBe(true);
    expect(me.workspace.name).toBe('Bazar da Ana');
    expect(await page.locator('[data-testid=workspace-name]').textContent()).toBe('Bazar da Ana');
    // Read whole, not cut to "Ba…".
    expect(await page.locator('[data-testid=workspace-name] .mantine-Badge-label').evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
    const header = await page.evaluate(() => [...document.querySelectorAll('header *')].map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0).reduce((m, r) => Math.max(m, r.right), 0));
    expect(header).toBeLessThanOrEqual(375);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const [id] = await listedIds(page);
    await row(page, id!).click();
    await page.waitForSelector('[data-testid=composer-input]');
    expect(await page.isVisible('[data-testid=inbox-list]')).toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    // Take, the main action, keeps its word on a phone (a touch user never sees its tooltip), and
    // the header still fits: nothing past the edge, the contact's name keeps some room.
    await page.waitForSelector('[data-testid=take]');
    expect(await page.locator('[data-testid=take] .mantine-Button-label').innerText()).toBe('Assumir');
    const headerRight = await page.getByTestId('toggle-side').evaluate((e) => e.getBoundingClientRect().right);
    expect(headerRight).toBeLessThanOrEqual(375);
    expect((await page.getByTestId('thread-name').boundingBox())!.width).toBeGreaterThan(60);
    // The reply box is 16 px: iOS Safari zooms into any smaller field on focus.
    expect(await page.getByTestId('composer-input').evaluate((e) => getComputedStyle(e).fontSize)).toBe('16px');
    // With the presence dot shown too, the workspace's name is still read whole.
    await page.waitForSelector('[data-testid=presence]');
    expect(await page.locator('[data-testid=workspace-name] .mantine-Badge-label').evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
    await page.screenshot({ path: screenshotPath('inbox-phone-thread-pt-BR') });
    // Icon buttons are a thumb wide, in the header and by the reply box.
    for (const testId of ['thread-back', 'thread-menu', 'toggle-side', 'emoji-button', 'attach', 'composer-send']) {
      const box = (await page.getByTestId(testId).boundingBox())!;
      expect(Math.min(box.width, box.height), testId).toBeGreaterThanOrEqual(40);
    }
    // The list is out of sight: a chat handed to people meanwhile shows on the way back to it.
    const badge = page.getByTestId('thread-back-pending');
    const before = Number(await badge.getAttribute('data-count'));
    await waitingChatOf({ waId: '5511987006601', name: 'Lívia Rocha' });
    await expect.poll(() => badge.getAttribute('data-count'), { timeout: 10_000 }).toBe(String(before + 1));
    expect(await badge.locator('.mantine-Indicator-indicator').textContent()).toBe(String(before + 1));
    expect(await page.getByTestId('thread-back').getAttribute('aria-label')).toBe(`Voltar para a lista: ${before + 1} ${before + 1 === 1 ? 'conversa precisa' : 'conversas precisam'} de você`);
    await settle(page);
    await page.screenshot({ path: screenshotPath('inbox-phone-back-pending-pt-BR') });
    // The details drawer: its title clear of the edge, a close button that says what it does.
    await page.click('[data-testid=toggle-side]');
    const drawer = page.locator('.mantine-Drawer-content');
    await drawer.locator('[data-testid=contact-tags]').waitFor();
    const title = (await drawer.locator('.mantine-Drawer-title').boundingBox())!;
    expect(title.x - (await drawer.boundingBox())!.x).toBeGreaterThanOrEqual(12);
    expect(await drawer.locator('.mantine-Drawer-close').getAttribute('aria-label')).toBe('Fechar');
    await settle(page);
    await page.screenshot({ path: screenshotPath('inbox-phone-details-pt-BR') });
    await drawer.locator('.mantine-Drawer-close').click();
    await page.click('[data-testid=thread-back]');
    await page.waitForSelector('[data-testid=inbox-list]');

    // An old link (to a conversation deleted, or another workspace's: the API answers 404 alike) says so and leads back to the list.
    await page.goto(`${p.app.url}/inbox/${randomUUID()}`);
    await page.waitForSelector('[data-testid=thread-unavailable][data-missing=true]');
    expect(await page.textContent('[data-testid=thread-unavailable]')).toContain('Esta conversa não existe');
    await page.screenshot({ path: screenshotPath('inbox-phone-missing-pt-BR') });
    await page.click('[data-testid=thread-unavailable-back]');
    await page.waitForSelector('[data-testid=inbox-list], [data-testid=inbox-list-empty]');
    expect(page.url()).toBe(`${p.app.url}/inbox`);

    // Settings on the phone: the tabs are one row that scrolls, the open tab in view, its content on the first screen.
    await page.goto(`${p.app.url}/settings?tab=webhooks`);
    await page.waitForSelector('[data-testid=webhook-url]');
    const tabTops = await page.locator('[data-testid^=settings-tab-]').evaluateAll((tabs) => new Set(tabs.map((t) => Math.round(t.getBoundingClientRect().top))).size);
    expect(tabTops).toBe(1);
    const open = (await page.getByTestId('settings-tab-webhooks').boundingBox())!;
    expect(open.x + open.width).toBeLessThanOrEqual(375);
    // A shadow at the edges says more tabs are hidden that way (the row scrolls, its scrollbar hidden).
    expect(await page.getByRole('tablist').evaluate((el) => el.scrollWidth > el.clientWidth && getComputedStyle(el).backgroundImage.includes('radial-gradient'))).toBe(true);
    await settle(page);
    await page.screenshot({ path: screenshotPath('settings-tabs-phone-pt-BR') });
    await phone.context.close();
  });

  it('when a toast shows on a phone while a thread is open, then it sits below the thread\'s header, clear of back, Take and the menu, and above the reply box', async () => {
    const clear = (a: Box, b: Box) => a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
    for (const [lang, waId] of [['pt-BR', '5511987005501'], ['en', '5511987005502']] as const) {
      const agent = await addMember(p.app, p.tenantId, lang === 'en' ? 'Carla' : 'Camila', 'agent');
      const id = await waitingChatOf({ waId, name: 'Joana Prado' });
      // Signing in greets the agent with a toast; they open the waiting chat while it is still up.
      const { context, page } = await signInFresh(browser, p, agent.email, lang, { width: 375, height: 812 });
      const toast = page.locator('.mantine-Notification-root').first();
      await toast.waitFor();
      // On the list it keeps clear of the list's own controls at the top and of the offer at its foot.
      await row(page, id).waitFor();
      await settle(page);
      const onList = (await toast.boundingBox())!;
      for (const testId of ['start-open', 'inbox-search', 'inbox-filters', 'inbox-alerts', 'folder-waiting', 'folder-all', 'notification-offer']) {
        expect(clear(onList, (await page.getByTestId(testId).boundingBox())!), `the toast covers ${testId}`).toBe(true);
      }
      await page.screenshot({ path: screenshotPath(`inbox-phone-list-toast-${lang}`) });
      await row(page, id).click();
      await page.waitForSelector('[data-testid=take]');
      await settle(page);
      expect(await toast.isVisible()).toBe(true);
      const box = (await toast.boundingBox())!;
      for (const testId of ['thread-back', 'thread-name', 'take', 'thread-menu', 'toggle-side', 'composer']) {
        expect(clear(box, (await page.getByTestId(testId).boundingBox())!), `the toast covers ${testId}`).toBe(true);
      }
      // Just below the header, not lost in the middle of the thread.
      const header = (await page.getByTestId('thread-back').evaluate((e) => e.closest('[data-testid=thread-header]')!.getBoundingClientRect().bottom));
      expect(box.y).toBeGreaterThanOrEqual(header);
      expect(box.y).toBeLessThanOrEqual(header + 16);
      await page.screenshot({ path: screenshotPath(`inbox-phone-toast-${lang}`) });

      // In the details drawer the toast for what was done there sits at the bottom, clear of the
      // drawer's title, its close button and the contact's first fields; closed, it goes back up.
      await page.getByTestId('toggle-side').click();
      const drawer = page.locator('.mantine-Drawer-content');
      await drawer.getByTestId('contact-opt-out').click();
      await page.getByTestId('contact-opt-out-confirm').click();
      const done = page.locator('.mantine-Notification-root', { hasText: lang === 'en' ? 'opted out' : 'descadastrad' });
      await done.waitFor();
      await settle(page);
      const inDrawer = (await done.boundingBox())!;
      for (const part of [drawer.locator('.mantine-Drawer-header'), drawer.getByTestId('contact-name'), drawer.getByTestId('contact-consent')]) {
        expect(clear(inDrawer, (await part.boundingBox())!), `the toast covers ${await part.textContent()}`).toBe(true);
      }
      expect(inDrawer.y + inDrawer.height).toBeGreaterThan(812 - 80);
      await page.screenshot({ path: screenshotPath(`inbox-phone-drawer-toast-${lang}`) });
      await drawer.locator('.mantine-Drawer-close').click();
      const composer = (await page.getByTestId('composer').boundingBox())!;
      await expect.poll(async () => (await done.boundingBox())!.y).toBeLessThan(composer.y / 2);
      expect(clear((await done.boundingBox())!, composer)).toBe(true);
      await context.close();
    }
  });

  it('when a canned response names a value this chat lacks, then the blank is selected and the reply waits until the agent fills it', async () => {
    const nameless = { waId: '5511987003344', name: 'Sem Nome' };
    const id = await waitingChatOf(nameless);
    const detail = await api(p.app, 'GET', `/v1/conversations/${id}`, undefined, p.token);
    // A contact whose name nobody knows (as every web-chat visitor is).
    expect((await api(p.app, 'PATCH', `/v1/contacts/${detail.body.contact.id}`, { name: null }, p.token)).status).toBe(200);
    expect((await api(p.app, 'POST', '/v1/canned-responses', { shortcut: 'bomdia', text: 'Bom dia, {{contact.name | "tudo bem"}}?' }, p.token)).status).toBe(201);
    const { context, page } = await agentPage(browser, p, ana, { lang: 'pt-BR' });
    await page.goto(`${p.app.url}/inbox/${id}`);
    const input = page.locator('[data-testid=composer-input]');
    await input.waitFor();
    await input.fill('/o');
    await page.waitForSelector('[data-testid=canned-oi]');
    await input.press('Enter');
    expect(await input.inputValue()).toBe(`Olá {{contact.name}}, aqui é ${ana.name}! Como posso ajudar?`);
    await expect.poll(() => page.textContent('[data-testid=composer-blank]')).toBe('Substitua {{contact.name}} antes de enviar: esta conversa não tem um valor para ele.');
    expect(await page.isDisabled('[data-testid=composer-send]')).toBe(true);
    await settle(page);
    await page.screenshot({ path: screenshotPath('inbox-canned-blank-pt-BR') });
    // Enter does not send it; typing replaces the selected blank.
    await input.press('Enter');
    await input.pressSequentially('Joana');
    const reply = `Olá Joana, aqui é ${ana.name}! Como posso ajudar?`;
    expect(await input.inputValue()).toBe(reply);
    expect(await page.isVisible('[data-testid=composer-blank]')).toBe(false);
    await input.press('Enter');
    await eventually(() => sentTexts(p.wa, nameless.waId).includes(reply));
    expect(sentTexts(p.wa, nameless.waId).some((t) => t.includes('{{'))).toBe(false);
    // With a default, as flows write it, the reply goes as it is: nothing to fill.
    await input.fill('/bomd');
    await page.waitForSelector('[data-testid=canned-bomdia]');
    await input.press('Enter');
    expect(await input.inputValue()).toBe('Bom dia, tudo bem?');
    expect(await page.isVisible('[data-testid=composer-blank]')).toBe(false);
    await input.press('Enter');
    await eventually(() => sentTexts(p.wa, nameless.waId).includes('Bom dia, tudo bem?'));
    await context.close();
  });

  it("when an agent half-writes an answer and switches chats, then the text stays with its own chat; after Send the box keeps the focus", async () => {
    const people = [{ waId: '5511987005501', name: 'João Pereira' }, { waId: '5511987005502', name: 'Conceição Araújo' }];
    const [joao, conceicao] = (await chatsOf(ana, people)) as [string, string];
    const { context, page } = await agentPage(browser, p, ana, { lang: 'en' });
    await page.goto(`${p.app.url}/inbox/${joao}`);
    const input = page.locator('[data-testid=composer-input]');
    await input.waitFor();
    await input.fill('Draft for João: your refund was approved');
    await page.click('[data-testid=folder-mine]');
    await row(page, conceicao).click();
    await page.waitForURL(`**/inbox/${conceicao}`);
    await expect.poll(() => input.inputValue()).toBe('');
    // Enter on an empty box sends nothing to Conceição.
    await input.press('Enter');
    await row(page, joao).click();
    await expect.poll(() => input.inputValue()).toBe('Draft for João: your refund was approved');
    // A reload keeps it too.
    await page.reload();
    await expect.poll(() => page.locator('[data-testid=composer-input]').inputValue(), { timeout: 15_000 }).toBe('Draft for João: your refund was approved');

    // Sent with the button, the box keeps the focus: the next words land in it, not on the inbox's letter shortcuts.
    await page.click('[data-testid=composer-send]');
    await eventually(() => sentTexts(p.wa, people[0]!.waId).includes('Draft for João: your refund was approved'));
    await page.keyboard.type('Just checked');
    expect(await input.inputValue()).toBe('Just checked');
    expect(page.url()).toContain(joao);
    await settle(page);
    await page.screenshot({ path: screenshotPath('inbox-draft-kept-en') });
    expect(sentTexts(p.wa, people[1]!.waId).filter((t) => t.includes('refund'))).toEqual([]);

    // Reply on the customer's message: the box quotes it (Escape drops it), and the answer reaches
    // WhatsApp quoting it and shows the quote in the thread.
    const asked = page.locator('[data-testid=message][data-author=contact]').first();
    const askedId = await asked.getAttribute('data-message-id');
    const quoting = page.locator('[data-testid=composer-reply-to]');
    await asked.hover();
    await asked.locator('[data-testid=message-reply]').click();
    await quoting.waitFor();
    await input.press('Escape');
    await quoting.waitFor({ state: 'detached' });
    expect(await input.inputValue()).toBe('Just checked');
    await asked.hover();
    await asked.locator('[data-testid=message-reply]').click();
    await expect.poll(() => quoting.textContent()).toContain('ajuda');
    await settle(page);
    await page.screenshot({ path: screenshotPath('inbox-reply-quoting-en') });
    await input.press('Enter');
    const quoted = await eventually(() => p.wa.sendsTo(people[0]!.waId).find((x) => x.body.text?.body === 'Just checked'));
    expect(quoted.body.context).toEqual({ message_id: expect.stringMatching(/^wamid\./) });
    await quoting.waitFor({ state: 'detached' });
    const answer = page.locator('[data-testid=message][data-author=agent]').filter({ hasText: 'Just checked' });
    await expect.poll(() => answer.locator('[data-testid=message-quote]').textContent()).toContain('ajuda');
    const stored = await api(p.app, 'GET', `/v1/conversations/${joao}/messages`, undefined, ana.token);
    expect(stored.body.items.find((m: any) => m.text === 'Just checked').replyTo).toMatchObject({ id: askedId, author: 'contact', text: 'ajuda' });
    await answer.locator('[data-testid=ticks]:not([data-status=pending])').waitFor();
    await settle(page);
    await page.screenshot({ path: screenshotPath('inbox-reply-sent-en') });
    // A mouse dragged across a bubble selects its words, as ever: only a finger or a pen swipes.
    const words = (await asked.locator('[data-testid=message-text]').boundingBox())!;
    const bubbleBox = (await asked.boundingBox())!;
    await page.mouse.move(words.x - 2, words.y + words.height / 2);
    await page.mouse.down();
    await page.mouse.move(bubbleBox.x + bubbleBox.width - 2, words.y + words.height / 2, { steps: 8 });
    expect(await asked.getAttribute('data-swipe')).toBeNull();
    await page.mouse.up();
    expect(await page.evaluate(() => getSelection()?.toString())).toContain('ajuda');
    expect(await quoting.count()).toBe(0);
    await context.close();

    // On a phone, Reply is on every bubble (no hover there) and takes a fingertip-wide tap.
    const phone = await agentPage(browser, p, ana, { lang: 'pt-BR', width: 390, height: 844 });
    await phone.page.goto(`${p.app.url}/inbox/${joao}`);
    const reply = phone.page.locator('[data-testid=message][data-author=contact] [data-testid=message-reply]').first();
    await reply.waitFor();
    const box = (await reply.boundingBox())!;
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(40);
    await reply.tap();
    await expect.poll(() => phone.page.locator('[data-testid=composer-reply-to]').textContent()).toContain('Respondendo a');
    await settle(phone.page);
    await phone.page.screenshot({ path: screenshotPath('inbox-phone-reply-quoting-pt-BR') });

    // A swipe to the right answers a bubble too, as in WhatsApp: the bubble follows the finger with
    // the reply arrow behind it; let go early, it springs back; let go past the mark, the box quotes it.
    const phoneQuoting = phone.page.locator('[data-testid=composer-reply-to]');
    await phone.page.locator('[data-testid=composer-reply-cancel]').tap();
    await phoneQuoting.waitFor({ state: 'detached' });
    await phone.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const asking = phone.page.locator('[data-testid=message][data-author=contact]').first();
    const left = async () => (await asking.boundingBox())!.x;
    const home = await left();
    await (await swipePointer(asking, [[12, 0], [30, 0]]))();
    await expect.poll(left).toBe(home);
    // Up or down first is the thread's scroll, even when the finger then goes right.
    await (await swipePointer(asking, [[2, 12], [80, 14]]))();
    expect(await asking.getAttribute('data-swipe')).toBeNull();
    await quietFor(phone.page);
    expect(await phoneQuoting.count()).toBe(0);
    const lift = await swipePointer(asking, [[12, 0], [30, 0], [56, 0], [90, 0]]);
    expect(await asking.getAttribute('data-swipe')).toBe('armed');
    expect(await left()).toBeCloseTo(home + 64, 0);
    expect(await asking.locator('[data-testid=message-swipe-arrow]').isVisible()).toBe(true);
    await phone.page.screenshot({ path: screenshotPath('inbox-phone-swipe-reply-pt-BR') });
    await lift();
    await expect.poll(() => phoneQuoting.textContent()).toContain('Respondendo a');
    expect(await phoneQuoting.textContent()).toContain('ajuda');
    await expect.poll(() => phone.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('composer-input');
    await expect.poll(left).toBe(home);
    expect(await asking.locator('[data-testid=message-swipe-arrow]').isVisible()).toBe(false);
    // The Reply button stays on the phone: the one-tap way, and the one a screen reader reaches.
    expect(await asking.locator('[data-testid=message-reply]').isVisible()).toBe(true);
    await settle(phone.page);
    await phone.page.screenshot({ path: screenshotPath('inbox-phone-swipe-replied-pt-BR') });
    await phone.context.close();

    // In English, with reduced motion, by a real touch on the screen (Chromium makes the pointer
    // events and applies touch-action): the agent's own bubble swipes too, and goes back at once.
    // A short screen, so the thread scrolls.
    const en = await agentPage(browser, p, ana, { lang: 'en', width: 390, height: 600 });
    await en.page.emulateMedia({ reducedMotion: 'reduce' });
    await en.page.goto(`${p.app.url}/inbox/${joao}`);
    const mine = en.page.locator('[data-testid=message][data-author=agent]').filter({ hasText: 'Just checked' });
    await mine.waitFor();
    const enQuoting = en.page.locator('[data-testid=composer-reply-to]');
    const mineHome = (await mine.boundingBox())!.x;
    // A finger going down on a bubble scrolls the thread (and answers nothing), even turning right after.
    const scrolled = () => en.page.locator('[data-testid=thread-messages]').evaluate((el) => el.scrollTop);
    const bottom = await scrolled();
    const liftScroll = await swipeTouch(en.page, mine, [[0, 6], [3, 14], [3, 40], [3, 80], [60, 90]]);
    // Read with the finger still down: the synthetic lift sometimes flings the list back to its end.
    await expect.poll(scrolled).toBeLessThan(bottom - 40);
    await liftScroll();
    await quietFor(en.page);
    expect(await enQuoting.count()).toBe(0);
    await mine.scrollIntoViewIfNeeded();
    const release = await swipeTouch(en.page, mine, [[6, 0], [14, 1], [36, 2], [58, 2]]);
    // Touch moves reach the page once per frame.
    await expect.poll(() => mine.getAttribute('data-swipe')).toBe('armed');
    expect((await mine.boundingBox())!.x).toBeCloseTo(mineHome + 58, 0);
    await en.page.screenshot({ path: screenshotPath('inbox-phone-swipe-reply-en') });
    await release();
    await expect.poll(() => enQuoting.textContent()).toContain('Replying to');
    expect(await enQuoting.textContent()).toContain('Just checked');
    expect(await mine.evaluate((el) => el.getAnimations().length)).toBe(0);
    expect((await mine.boundingBox())!.x).toBe(mineHome);
    await settle(en.page);
    await en.page.screenshot({ path: screenshotPath('inbox-phone-swipe-replied-en') });
    await en.context.close();
  });

  it('when a reply fails to go and the agent opens another chat, then coming back it still says so, and Retry sends it once', async () => {
    const people = [{ waId: '5511987005601', name: 'Patrícia Gomes' }, { waId: '5511987005602', name: 'Rui Barbosa' }];
    const [patricia, rui] = (await chatsOf(ana, people)) as [string, string];
    const { context, page } = await agentPage(browser, p, ana, { lang: 'pt-BR' });
    await page.goto(`${p.app.url}/inbox/${patricia}`);
    const input = page.locator('[data-testid=composer-input]');
    await input.waitFor();
    // The network drops this one request.
    const sendPath = `**/v1/conversations/${patricia}/messages`;
    await page.route(sendPath, (route) => (route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue()));
    await input.fill('Seu pedido sai amanhã cedo');
    await input.press('Enter');
    await page.locator('[data-testid=message-failure]').waitFor();
    await page.click('[data-testid=folder-mine]');
    await row(page, rui).click();
    await page.waitForURL(`**/inbox/${rui}`);
    await page.locator('[data-testid=message-text]', { hasText: 'ajuda' }).waitFor();
    await expect.poll(() => page.locator('[data-testid=message-failure]').count()).toBe(0);
    await row(page, patricia).click();
    const failed = page.locator('[data-testid=message]', { has: page.locator('[data-testid=message-failure]') });
    await failed.waitFor();
    expect(await failed.locator('[data-testid=message-text]').textContent()).toBe('Seu pedido sai amanhã cedo');
    // Signed with the agent's name, as it will be once sent.
    expect(await failed.textContent()).toContain(ana.name);
    await settle(page);
    await page.screenshot({ path: screenshotPath('inbox-failed-send-kept-pt-BR') });
    await page.unroute(sendPath);
    await failed.getByRole('button', { name: 'Tentar de novo' }).click();
    await eventually(() => sentTexts(p.wa, people[0]!.waId).includes('Seu pedido sai amanhã cedo'));
    await expect.poll(() => page.locator('[data-testid=message-failure]').count()).toBe(0);
    expect(sentTexts(p.wa, people[0]!.waId).filter((t) => t === 'Seu pedido sai amanhã cedo')).toHaveLength(1);
    await context.close();
  });

  it('when an agent holds a chat, then the owner can take it over after a confirmation naming the agent, and the agent sees it pass', async () => {
    const person = { waId: '5511987005701', name: 'Sandra Melo' };
    const [id] = (await chatsOf(bruno, [person])) as [string];
    const a = await agentPage(browser, p, ana, { lang: 'pt-BR' });
    const b = await agentPage(browser, p, bruno, { lang: 'pt-BR' });
    await b.page.goto(`${p.app.url}/inbox/${id}`);
    // The owner finds the chat a colleague holds under "Todas", by searching the customer's name.
    await a.page.goto(`${p.app.url}/inbox`);
    await a.page.click('[data-testid=folder-all]');
    await a.page.fill('[data-testid=inbox-search]', 'Sandra');
    await expect.poll(() => listedIds(a.page), { timeout: 10_000 }).toEqual([id]);
    await settle(a.page);
    await a.page.screenshot({ path: screenshotPath('inbox-all-folder-search-pt-BR') });
    await row(a.page, id).click();
    const take = a.page.locator('[data-testid=take]');
    await expect.poll(() => take.textContent(), { timeout: 15_000 }).toBe('Transferir para mim');
    expect(await a.page.textContent('[data-testid=reply-blocked]')).toContain('Bruno');
    await take.click();
    await a.page.getByText('Transferir a conversa de Bruno para você?').waitFor();
    await settle(a.page);
    await a.page.screenshot({ path: screenshotPath('inbox-take-over-confirm-pt-BR') });
    await a.page.click('[data-testid=confirm-take-over]');
    await a.page.getByText('A conversa agora é sua.').waitFor();
    await expect.poll(() => a.page.locator('[data-testid=reply-blocked]').count()).toBe(0);
    await expect.poll(() => b.page.textContent('[data-testid=thread-assignee]'), { timeout: 10_000 }).toBe(`Atribuída a ${ana.name}`);
    await a.page.locator('[data-testid=composer-input]').fill('Oi Sandra, sigo daqui');
    await a.page.locator('[data-testid=composer-input]').press('Enter');
    await eventually(() => sentTexts(p.wa, person.waId).includes('Oi Sandra, sigo daqui'));
    await a.context.close();
    await b.context.close();
  });

  it('when an agent hands their chat to a colleague, then they are asked first, and then see who holds it instead of actions the server would refuse', async () => {
    const person = { waId: '5511987005801', name: 'Rita Lopes' };
    const carla = await addAgent(p, 'Carla');
    const [id] = (await chatsOf(bruno, [person])) as [string];
    const b = await agentPage(browser, p, bruno, { lang: 'en' });
    await b.page.goto(`${p.app.url}/inbox/${id}`);
    // Given to his team, it waits in the team's queue, which he can take it from again: no warning.
    await b.page.click('[data-testid=thread-menu]');
    await b.page.click('[data-testid^=assign-team-]');
    await b.page.getByText('Hand this chat to Vendas?').waitFor();
    expect(await b.page.getByRole('dialog').textContent()).toContain('it waits in the Vendas queue for whoever in the team takes it first');
    expect(await b.page.getByText('cannot take it back').count()).toBe(0);
    await b.page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => b.page.getByRole('dialog').count()).toBe(0);
    await b.page.click('[data-testid=thread-menu]');
    await b.page.click(`[data-testid=assign-user-${carla.userId}]`);
    await b.page.getByText('Hand this chat to Carla?').waitFor();
    expect(await b.page.getByText('cannot take it back').count()).toBe(1);
    await settle(b.page);
    await b.page.screenshot({ path: screenshotPath('inbox-hand-over-confirm-en') });
    // Nothing happened before the answer.
    expect((await api(p.app, 'GET', `/v1/conversations/${id}`, undefined, p.token)).body.assigneeId).toBe(bruno.userId);
    await b.page.click('[data-testid=confirm-assign]');
    await expect.poll(() => b.page.textContent('[data-testid=thread-assignee]'), { timeout: 10_000 }).toBe('Assigned to Carla');
    // Carla's now: no close button, and the menu says who holds it instead of offering what would fail.
    expect(await b.page.locator('[data-testid=close]').count()).toBe(0);
    await b.page.click('[data-testid=thread-menu]');
    await b.page.locator('[data-testid=held-by-other]').waitFor();
    expect(await b.page.textContent('[data-testid=held-by-other]')).toBe('Carla is answering it: only an owner or admin can reassign it');
    expect(await b.page.locator('[data-testid^=assign-user-], [data-testid=menu-close], [data-testid=handback]').count()).toBe(0);
    await settle(b.page);
    await b.page.screenshot({ path: screenshotPath('inbox-held-by-colleague-menu-en') });
    // The owner gives it back to Bruno, asked first since Carla holds it.
    const a = await agentPage(browser, p, ana, { lang: 'en' });
    await a.page.goto(`${p.app.url}/inbox/${id}`);
    await a.page.click('[data-testid=thread-menu]');
    // Carla, who holds it, is listed as answering it and not offered it again.
    await expect.poll(() => a.page.textContent(`[data-testid=assign-user-${carla.userId}]`)).toBe('Carla · answering');
    expect(await a.page.isDisabled(`[data-testid=assign-user-${carla.userId}]`)).toBe(true);
    await a.page.click(`[data-testid=assign-user-${bruno.userId}]`);
    await a.page.getByText('Take this chat from Carla?').waitFor();
    await settle(a.page);
    await a.page.screenshot({ path: screenshotPath('inbox-reassign-confirm-en') });
    await a.page.click('[data-testid=confirm-assign]');
    await eventually(async () => (await api(p.app, 'GET', `/v1/conversations/${id}`, undefined, p.token)).body.assigneeId === bruno.userId);
    await expect.poll(() => b.page.textContent('[data-testid=thread-assignee]'), { timeout: 10_000 }).toBe('Assigned to Bruno');
    await a.context.close();
    await b.context.close();
  });

  it('when a supervisor manages teams, canned responses, inbox settings and reads the report, then every page works in both languages', async () => {
    // A marketer never sees a chat: she is neither offered for a team nor counted among the agents.
    const marta = await addMember(p.app, p.tenantId, 'Marta Reis', 'marketer');
    const { context, page } = await agentPage(browser, p, ana, { lang: 'pt-BR' });
    await page.goto(`${p.app.url}/settings?tab=teams`);
    await page.waitForSelector('[data-testid^=team-]');
    expect(await page.getByText('Conversas abertas por atendente:').locator('..').textContent()).not.toContain(marta.name);
    await page.fill('[data-testid=new-team-name]', 'Suporte');
    await page.click('[data-testid=create-team]');
    await expect.poll(async () => (await api(p.app, 'GET', '/v1/teams', undefined, p.token)).body.items.map((t: any) => t.name).sort()).toEqual(['Suporte', 'Vendas']);
    await page.waitForSelector('input[value=Suporte]');
    // Two people picked one after the other: the list stays open between picks and both are saved.
    const suporte = (await api(p.app, 'GET', '/v1/teams', undefined, p.token)).body.items.find((t: { name: string }) => t.name === 'Suporte');
    await page.click(`[data-testid=team-members-${suporte.id}]`);
    for (const person of [ana.name, bruno.name]) await page.getByRole('option', { name: person, exact: true }).click({ timeout: 3_000 });
    expect(await page.getByRole('option', { name: marta.name }).count()).toBe(0);
    await page.getByText('Só quem usa a caixa de entrada: proprietários, administradores e atendentes.').first().waitFor();
    await page.screenshot({ path: screenshotPath('settings-teams-picker-pt-BR') });
    await expect.poll(async () => (await api(p.app, 'GET', `/v1/teams/${suporte.id}`, undefined, p.token)).body.memberIds.sort()).toEqual([ana.userId, bruno.userId].sort());
    await page.keyboard.press('Escape');
    // A name another team has is refused in words that say why.
    await page.fill('[data-testid=new-team-name]', 'Vendas');
    await page.click('[data-testid=create-team]');
    await page.getByText('Já existe uma equipe com este nome.').waitFor();
    await page.screenshot({ path: screenshotPath('settings-teams-pt-BR') });

    await page.click('[data-testid=settings-tab-canned]');
    await page.waitForSelector('[data-testid=canned-row-oi]');
    await page.click('[data-testid=canned-add]');
    await page.fill('[data-testid=canned-shortcut]', 'horario');
    // A placeholder of the owner's own ({{nome}}) is never filled in: the form says which ones are
    // (a blank left to type over, such as a price, may still be saved).
    await page.fill('[data-testid=canned-text]', 'Abrimos de segunda a sábado, das 9h às 18h, {{nome}}.');
    const unknown = page.locator('[data-testid=canned-unknown-placeholder]');
    await expect.poll(() => unknown.textContent()).toBe('A caixa de entrada não preenche {{nome}}: o atendente escreve por cima em cada resposta. Era o nome ou o telefone do cliente, ou o nome do atendente? Use {{contact.name}}, {{contact.phone}}, {{agent.name}}.');
    expect(await page.isEnabled('[data-testid=canned-save]')).toBe(true);
    await page.screenshot({ path: screenshotPath('settings-canned-unknown-placeholder-pt-BR') });
    await page.fill('[data-testid=canned-text]', 'Abrimos de segunda a sábado, das 9h às 18h, {{contact.name}}.');
    await expect.poll(() => unknown.count()).toBe(0);
    await page.click('[data-testid=canned-save]');
    await page.waitForSelector('[data-testid=canned-row-horario]');
    await page.screenshot({ path: screenshotPath('settings-canned-pt-BR') });

    await page.click('[data-testid=settings-tab-inbox]');
    await page.waitForSelector('[data-testid=auto-assign]');
    await page.click('[data-testid=timeout-on]');
    await page.fill('[data-testid=timeout-message]', 'Nossa equipe está ocupada, já já respondemos!');
    await page.click('[data-testid=inbox-settings-save]');
    await expect.poll(async () => (await api(p.app, 'GET', '/v1/settings/inbox', undefined, p.token)).body.noAgentMessage).toBe('Nossa equipe está ocupada, já já respondemos!');
    await page.screenshot({ path: screenshotPath('settings-inbox-pt-BR') });

    await page.click('[data-testid=presence]');
    await page.click('[data-testid=presence-away]');
    await expect.poll(async () => (await api(p.app, 'GET', '/v1/me/presence', undefined, p.token)).body.status).toBe('away');

    await page.click('[data-testid=nav-reports]');
    await page.waitForSelector('[data-testid=reports-page]');
    await page.waitForSelector('[data-testid=report-agents]');
    expect(await page.textContent('[data-testid=report-agents]')).toContain(ana.name);
    const handoffs = (await api(p.app, 'GET', '/v1/reports/response-times', undefined, p.token)).body.handoffs;
    expect(handoffs.answered).toBeGreaterThan(0);
    expect(await page.textContent('[data-testid=handoffs-answered]')).toContain(`Respondidas${handoffs.answered}`);
    expect(await page.textContent('[data-testid=handoffs-unanswered]')).toContain(`Encerradas sem resposta${handoffs.unanswered}`);
    // Transfers per day: the same transfers, on the browser's days (all of this test's are today's), in bars
    // stacked by what became of them.
    const daily = (await api(p.app, 'GET', '/v1/reports/transfers/daily?tz=UTC', undefined, p.token)).body.days as { total: number }[];
    expect(daily.reduce((n, d) => n + d.total, 0)).toBe(handoffs.total);
    const chart = page.getByTestId('report-daily').getByRole('img');
    await expect.poll(() => chart.getAttribute('aria-label')).toMatch(new RegExp(`^${handoffs.total} transferências? para pessoas em 7 dias$`));
    await page.getByTestId('report-daily').locator('.recharts-bar-rectangle:visible').first().waitFor();
    expect(await page.getByTestId('report-daily').locator('.recharts-legend-wrapper').textContent()).toBe('RespondidasSem resposta aindaEncerradas sem resposta');
    // A preset sets the range to that many days up to today, on the local calendar.
    await page.getByText('30 dias').click();
    const thirty = await page.evaluate(() => {
      const d = new Date();
      d.setDate(d.getDate() - 29);
      return d.toLocaleDateString('pt-BR');
    });
    // Shown as Portuguese writes a day (dd/mm/aaaa), whatever the browser's own locale.
    await expect.poll(() => page.getByTestId('reports-from').inputValue()).toBe(thirty);
    await page.waitForSelector('[data-testid=report-agents]');
    await page.getByTestId('report-daily').locator('.recharts-bar-rectangle:visible').last().hover();
    await page.getByTestId('report-daily').locator('.recharts-tooltip-wrapper').getByText('Respondidas').waitFor();
    await page.screenshot({ path: screenshotPath('reports-pt-BR'), fullPage: true });
    // The bots tab: how much the published flow solved alone, and how much its Transfer step passed on.
    const bots = (await api(p.app, 'GET', '/v1/reports/bots', undefined, p.token)).body;
    expect(bots.totals.handedToPerson).toBeGreaterThan(0);
    await page.click('[data-testid=reports-tab-bots]');
    await page.waitForSelector('[data-testid=report-bot-flows]');
    expect(await page.textContent('[data-testid=report-bots-conversations]')).toBe(`Conversas${bots.totals.conversations}`);
    expect(await page.textContent('[data-testid=report-bots-handed]')).toBe(`Passadas para uma pessoa${bots.totals.handedToPerson}Por uma etapa de Transferir`);
    expect(await page.locator('[data-testid=report-bot-flows] tbody tr').count()).toBe(bots.flows.length);
    await page.screenshot({ path: screenshotPath('reports-bots-pt-BR') });
    await page.click('[data-testid=reports-tab-service]');
    await page.evaluate(() => localStorage.setItem('zyntra.lang', 'en'));
    await page.reload();
    await page.waitForSelector('[data-testid=report-agents]');
    await page.getByTestId('report-daily').locator('.recharts-bar-rectangle:visible').first().waitFor();
    expect(await page.getByTestId('report-daily').locator('.recharts-legend-wrapper').textContent()).toBe('AnsweredNot answered yetEnded unanswered');
    await page.screenshot({ path: screenshotPath('reports-en'), fullPage: true });
    await page.click('[data-testid=reports-tab-bots]');
    await page.waitForSelector('[data-testid=report-bot-flows]');
    const share = Math.round((100 * bots.totals.botOnly) / bots.totals.conversations);
    expect(await page.textContent('[data-testid=report-bots-bot-only]')).toContain(`Solved by the bot${share}%`);
    await page.screenshot({ path: screenshotPath('reports-bots-en') });
    // A start typed after the end is said in words, not as "could not be loaded".
    // English reads the month first.
    await page.getByTestId('reports-from').fill('01/02/2099');
    await page.getByTestId('reports-from').blur();
    expect(await page.getByTestId('reports-from').inputValue()).toBe('Jan 2, 2099');
    await expect.poll(() => page.textContent('[data-testid=reports-range-problem]')).toBe('The start date is after the end date.');
    expect(await page.getByText('The report could not be loaded.').count()).toBe(0);
    await context.close();
  });

  it('when nobody takes a transferred chat in time, then the automatic message reads in the thread as sent to the customer by the product', async () => {
    const sorry = 'Nossa equipe está ocupada, já já respondemos!';
    const set = await api(p.app, 'PUT', '/v1/settings/inbox', { autoAssign: false, noAgentTimeoutMinutes: 0.01, noAgentMessage: sorry, noAgentFlowId: null }, p.token);
    expect(set.status).toBe(200);
    const joana = { waId: '5511987009900', name: 'Joana' };
    await p.wa.inbound(joana, textMessage('ajuda'));
    await eventually(() => sentTexts(p.wa, joana.waId).includes(sorry), 30_000);
    const listed = (await api(p.app, 'GET', '/v1/conversations?limit=50', undefined, p.token)).body.items as { id: string; contact: { name: string } }[];
    const id = listed.find((c) => c.contact.name === 'Joana')!.id;
    for (const [lang, label] of [['pt-BR', 'Mensagem automática'], ['en', 'Automatic message']] as const) {
      const { context, page } = await agentPage(browser, p, ana, { lang });
      await page.goto(`${p.app.url}/inbox/${id}`);
      const bubble = page.locator('[data-testid=message][data-author=system]');
      await bubble.waitFor({ timeout: 15_000 });
      expect(await bubble.innerText()).toContain(label);
      expect(await bubble.locator('[data-testid=message-text]').textContent()).toBe(sorry);
      // On the sent side, like the bot's and the agents' messages, not as a note in the middle.
      const [box, list] = [await bubble.boundingBox(), await page.locator('[data-testid=thread-messages]').boundingBox()];
      expect(box!.x + box!.width).toBeGreaterThan(list!.x + list!.width * 0.75);
      await settle(page);
      await page.screenshot({ path: screenshotPath(`inbox-automatic-message-${lang}`) });
      await context.close();
    }
  });

  it('when a channel is added while an agent works, then its chats name it without a reload', async () => {
    const { context, page } = await agentPage(browser, p, ana, { lang: 'en' });
    await page.goto(`${p.app.url}/inbox`);
    await page.click('[data-testid=folder-bot]');
    await page.locator('[data-testid^=conversation-]').first().waitFor();
    const shop = await api(p.app, 'POST', '/v1/channels', { type: 'webchat', name: 'Loja Online' }, p.token);
    expect(shop.status).toBe(201);
    const visitor = (await api(p.app, 'POST', `/v1/webchat/${shop.body.id}/sessions`, {})).body;
    expect((await api(p.app, 'POST', `/v1/webchat/${shop.body.id}/messages`, { text: 'cardapio' }, visitor.token)).status).toBe(202);
    const id = await eventually(async () => (await api(p.app, 'GET', `/v1/conversations?channelId=${shop.body.id}`, undefined, p.token)).body.items[0]?.id as string | undefined);
    await expect.poll(() => row(page, id).locator('[data-testid=row-channel]').getAttribute('aria-label'), { timeout: 15_000 }).toBe('On Loja Online');
    await row(page, id).click();
    await expect.poll(() => page.textContent('[data-testid=contact-channel]')).toBe('Channel: Loja Online');
    await context.close();
  });
});
