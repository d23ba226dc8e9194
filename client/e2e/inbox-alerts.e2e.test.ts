// An agent busy in one chat (or in another tab) hears when a customer writes in another of their
// chats: the tab's title counts it, the tone plays and, with the tab hidden, a browser notification
// shows. Their own replies, notes, and customers of other agents' chats stay quiet; a teammate's
// note that mentions them alerts them. A new agent has
// the tone on from the start (silent, without errors, until their first click, as browsers demand)
// and is offered browser notifications, asked for only when they click.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { api } from '../../server/test/harness';
import { textMessage } from '../../server/test/fakes/whatsapp-payloads';
import { eventually, type Pipeline } from '../../server/test/pipeline';
import { screenshotPath } from './browser';
import { addAgent, agentPage, bubbleTexts, row, quietFor, settle, startInboxSuite, type Agent } from './inbox-page';

let p: Pipeline;
let browser: Browser;
let ana: Agent;
let bruno: Agent;
const rosa = { waId: '5511987006601', name: 'Dona Rosa' };
const lima = { waId: '5511987006602', name: 'Seu Lima' };
const davi = { waId: '5511987006603', name: 'Davi' };
const eva = { waId: '5511987006604', name: 'Eva Souza' };
const caio = { waId: '5511987006605', name: 'Caio Reis' };
const iara = { waId: '5511987006606', name: 'Iara Melo' };
const joel = { waId: '5511987006607', name: 'Joel Dias' };
const rui = { waId: '5511987006608', name: 'Rui Costa' };
const sol = { waId: '5511987006609', name: 'Sol Ramos' };
const tina = { waId: '5511987006610', name: 'Tina Prado' };
const uma = { waId: '5511987006611', name: 'Uma Neves' };
const vera = { waId: '5511987006612', name: 'Vera Lins' };
const wal = { waId: '5511987006613', name: 'Wal Rocha' };
const xavi = { waId: '5511987006614', name: 'Xavi Lopes' };
const yara = { waId: '5511987006615', name: 'Yara Reis' };

startInboxSuite((s) => void ({ p, browser, ana, bruno } = s));

/** A customer asks for help: their chat, handed to people (waiting). */
async function waitingChat(customer: { waId: string; name: string }): Promise<string> {
  await p.wa.inbound(customer, textMessage('ajuda'));
  return eventually(async () => {
    const list = await api(p.app, 'GET', '/v1/conversations?status=waiting', undefined, p.token);
    return list.body.items.find((c: { contact: { name: string } }) => c.contact.name === customer.name)?.id;
  });
}

/** A customer's chat, handed to people and then assigned to `agent`, with nothing left unread. */
async function chatOf(customer: { waId: string; name: string }, agent: Agent): Promise<string> {
  const id = await waitingChat(customer);
  expect((await api(p.app, 'POST', `/v1/conversations/${id}/assign`, { assigneeId: agent.userId }, agent.token)).status).toBe(200);
  expect((await api(p.app, 'POST', `/v1/conversations/${id}/read`, undefined, agent.token)).status).toBe(204);
  return id;
}

/**
 * Counts tones (two oscillators each), permission prompts and notifications, and lets the test hide
 * the tab: headless Chromium has no sound output, no notification permission and never hides a page.
 * `permission`: the browser's answer so far ("default": never asked). The page counts as used (the
 * browser's user activation, which lets it play sound) only after a click or a key, as for a person:
 * playwright's own reads of the page would count as one.
 */
function observeAlerts(o?: { permission: string }): void {
  const w = window as unknown as { tones: number; prompts: number; notes: Array<{ title: string; body?: string }>; hidden: boolean; used: boolean };
  w.tones = 0;
  w.prompts = 0;
  w.notes = [];
  w.hidden = false;
  w.used = false;
  for (const type of ['pointerdown', 'keydown']) window.addEventListener(type, () => void (w.used = true), { capture: true });
  Object.defineProperty(Navigator.prototype, 'userActivation', { get: () => ({ hasBeenActive: w.used, isActive: false }) });
  class CountingAudio extends AudioContext {
    override createOscillator() {
      w.tones += 0.5;
      return super.createOscillator();
    }
  }
  window.AudioContext = CountingAudio;
  class FakeNotification {
    static permission = o?.permission ?? 'granted';
    static requestPermission = async () => {
      w.prompts += 1;
      FakeNotification.permission = 'granted';
      return 'granted';
    };
    onclick: (() => void) | null = null;
    constructor(title: string, o?: { body?: string }) {
      w.notes.push({ title, body: o?.body });
    }
    close() {}
  }
  (window as unknown as { Notification: unknown }).Notification = FakeNotification;
  Object.defineProperty(document, 'visibilityState', { get: () => (w.hidden ? 'hidden' : 'visible') });
  Object.defineProperty(document, 'hidden', { get: () => w.hidden });
}

const alerts = (page: Page) => page.evaluate(() => {
  const w = window as unknown as { tones: number; notes: Array<{ title: string; body?: string }> };
  return { tones: w.tones, notes: w.notes };
});
const prompts = (page: Page) => page.evaluate(() => (window as unknown as { prompts: number }).prompts);

describe('inbox alerts', () => {
  it("when a customer writes in the agent's chat while another is open or the tab is hidden, then the title counts it and the alerts fire", async () => {
    const other = await chatOf(davi, ana);
    const open = await chatOf(lima, bruno);
    const { context, page } = await agentPage(browser, p, bruno, { lang: 'pt-BR' });
    await context.addInitScript(observeAlerts);
    await page.goto(`${p.app.url}/inbox/${open}`);
    await page.waitForSelector('[data-testid=composer-input]');
    await page.click('[data-testid=inbox-alerts]');
    // The tone is on from the start; browser notifications are turned on here.
    expect(await page.getByLabel('Tocar um som').isChecked()).toBe(true);
    await page.getByLabel('Notificação do navegador').check({ force: true });
    await settle(page);
    await page.screenshot({ path: screenshotPath('inbox-alerts-menu-pt-BR') });
    await page.keyboard.press('Escape');
    await expect.poll(() => alerts(page)).toEqual({ tones: 0, notes: [] });
    await expect.poll(() => page.title()).toBe('Caixa de entrada · Zyntra');

    // Assigned while the page is open: the chat is Bruno's from that event on. (Its hand-over to
    // people alerts already, as before; taking it himself does not.)
    const mine = await chatOf(rosa, bruno);
    await expect.poll(() => alerts(page)).toEqual({ tones: 1, notes: [] });
    // Quiet: Bruno's own reply and note, and a customer of Ana's chat.
    expect((await api(p.app, 'POST', `/v1/conversations/${mine}/messages`, { text: 'Oi, Dona Rosa!' }, bruno.token)).status).toBeLessThan(300);
    expect((await api(p.app, 'POST', `/v1/conversations/${mine}/notes`, { text: 'cliente antiga' }, bruno.token)).status).toBeLessThan(300);
    await p.wa.inbound(davi, textMessage('alguém aí?'));
    await eventually(async () => (await api(p.app, 'GET', `/v1/conversations/${other}`, undefined, p.token)).body.unreadCount === 1);
    await quietFor(page, 1500);
    expect(await alerts(page)).toEqual({ tones: 1, notes: [] });
    expect(await page.title()).toBe('Caixa de entrada · Zyntra');

    // Rosa writes while Bruno reads Lima's chat: the tone plays, the title counts her chat.
    await p.wa.inbound(rosa, textMessage('o pedido chegou quebrado'));
    await expect.poll(() => page.title(), { timeout: 10_000 }).toBe('(1) Caixa de entrada · Zyntra');
    await expect.poll(() => alerts(page)).toEqual({ tones: 2, notes: [] });
    await page.click('[data-testid=folder-mine]');
    await row(page, mine).waitFor();
    await settle(page);
    await page.screenshot({ path: screenshotPath('inbox-alert-other-chat-pt-BR') });

    // With the tab hidden, even the open chat alerts, with a notification, and stays unread.
    await page.evaluate(() => {
      (window as unknown as { hidden: boolean }).hidden = true;
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await p.wa.inbound(lima, textMessage('e o meu reembolso?'));
    await expect.poll(() => alerts(page), { timeout: 10_000 }).toEqual({
      tones: 3,
      notes: [{ title: 'Um cliente respondeu', body: 'Nova mensagem em uma das suas conversas.' }],
    });
    await expect.poll(() => page.title()).toBe('(2) Caixa de entrada · Zyntra');
    await expect.poll(() => bubbleTexts(page)).toContain('e o meu reembolso?');

    // Back in the tab, Lima's chat (open) is read, then Rosa's when Bruno opens it: nothing left to count.
    await page.evaluate(() => {
      (window as unknown as { hidden: boolean }).hidden = false;
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await expect.poll(() => page.title(), { timeout: 10_000 }).toBe('(1) Caixa de entrada · Zyntra');
    await row(page, mine).click();
    await expect.poll(() => bubbleTexts(page)).toContain('o pedido chegou quebrado');
    await expect.poll(() => page.title(), { timeout: 10_000 }).toBe('Caixa de entrada · Zyntra');
    await context.close();

    const en = await agentPage(browser, p, bruno, { lang: 'en' });
    await en.page.goto(`${p.app.url}/inbox`);
    await en.page.click('[data-testid=inbox-alerts]');
    await en.page.getByText('Be alerted when a chat is handed to people or assigned to you, a teammate mentions you in a note, or a customer writes in one of your chats.').waitFor();
    await settle(en.page);
    await en.page.screenshot({ path: screenshotPath('inbox-alerts-menu-en') });
    await en.context.close();
  });

  it('when a new agent opens the inbox, then the tone is on (silent until their first click, with no errors), chats given to them alert, and browser notifications are offered and asked for only on a click', async () => {
    for (const [lang, first, second, third] of [['pt-BR', eva, caio, iara], ['en', joel, null, null]] as const) {
      const agent = await addAgent(p, lang === 'en' ? 'Dora' : 'Otto');
      // The English agent is on a phone: the offer sits under the list there too.
      const { context, page } = await agentPage(browser, p, agent, lang === 'en' ? { lang, width: 375, height: 812 } : { lang });
      await context.addInitScript(observeAlerts, { permission: 'default' });
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
      await page.goto(`${p.app.url}/inbox`);
      await page.locator('[data-testid=notification-offer]').waitFor();
      // Before any click the browser may not play a sound: the chat shows in the list, silently.
      const firstId = await waitingChat(first);
      await page.getByText(first.name).waitFor();
      await quietFor(page, 500);
      expect(await alerts(page)).toEqual({ tones: 0, notes: [] });
      expect(await prompts(page)).toBe(0);
      await settle(page);
      await page.screenshot({ path: screenshotPath(`inbox-notification-offer-${lang}`) });
      if (!second || !third) {
        // "Not now" ends the offer on this browser, without asking.
        await page.click('[data-testid=notification-offer-dismiss]');
        await page.locator('[data-testid=notification-offer]').waitFor({ state: 'detached' });
        await page.reload();
        await page.getByText(first.name).waitFor();
        expect(await page.locator('[data-testid=notification-offer]').count()).toBe(0);
        expect(await prompts(page)).toBe(0);
        expect(problems).toEqual([]);
        await context.close();
        continue;
      }

      // After a click the tone plays for a chat handed to people, and for one a supervisor gives the agent.
      await page.click('[data-testid=folder-waiting]');
      await waitingChat(second);
      await expect.poll(() => alerts(page)).toEqual({ tones: 1, notes: [] });
      expect((await api(p.app, 'POST', `/v1/conversations/${firstId}/assign`, { assigneeId: agent.userId }, p.token)).status).toBe(200);
      await expect.poll(() => alerts(page)).toEqual({ tones: 2, notes: [] });

      // Browser notifications: the permission is asked on "Ativar", once; the offer then goes.
      await page.click('[data-testid=notification-offer-enable]');
      await page.locator('[data-testid=notification-offer]').waitFor({ state: 'detached' });
      expect(await prompts(page)).toBe(1);
      await page.click('[data-testid=inbox-alerts]');
      expect(await page.getByLabel('Tocar um som').isChecked()).toBe(true);
      expect(await page.getByLabel('Notificação do navegador').isChecked()).toBe(true);
      // A choice the agent saves is kept: the tone off stays off after a reload.
      await page.getByLabel('Tocar um som').uncheck({ force: true });
      await page.keyboard.press('Escape');
      await page.reload();
      await page.click('[data-testid=inbox-alerts]');
      expect(await page.getByLabel('Tocar um som').isChecked()).toBe(false);
      await page.keyboard.press('Escape');
      await waitingChat(third);
      await page.getByText(third.name).waitFor();
      await quietFor(page, 800);
      expect(await alerts(page)).toEqual({ tones: 0, notes: [] });
      expect(problems).toEqual([]);
      await context.close();
    }
  });

  it('when the agent has the inbox open in two tabs, then a chat handed to people beeps once, in the tab used or come back to last, not once per tab', async () => {
    const agent = await addAgent(p, 'Lia');
    const { context, page } = await agentPage(browser, p, agent, { lang: 'pt-BR' });
    await context.addInitScript(observeAlerts);
    const second = await context.newPage();
    for (const tab of [page, second]) {
      await tab.goto(`${p.app.url}/inbox`);
      await tab.click('[data-testid=folder-waiting]');
    }
    const both = async () => (await alerts(page)).tones + (await alerts(second)).tones;
    const id = await waitingChat(rui);
    await expect.poll(both).toBe(1);
    // The tab used last is the one that plays.
    expect((await alerts(second)).tones).toBe(1);
    for (const tab of [page, second]) await tab.getByText(rui.name).waitFor();
    await quietFor(page, 1600); // given to her at once, as by automatic assignment, it would be the same alert
    expect((await api(p.app, 'POST', `/v1/conversations/${id}/assign`, { assigneeId: agent.userId }, p.token)).status).toBe(200);
    await expect.poll(both).toBe(2);
    // Back in the first tab, it plays the next one.
    await page.bringToFront();
    await page.click('[data-testid=folder-waiting]');
    await waitingChat(sol);
    await expect.poll(both).toBe(3);
    expect((await alerts(page)).tones).toBe(1);
    await quietFor(page, 800);
    expect(await both()).toBe(3);
    // Back to the second tab with the keyboard (Ctrl+Tab reaches no page): the tab she comes back
    // to, used before, plays the next one.
    await page.evaluate(() => {
      (window as unknown as { hidden: boolean }).hidden = true;
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await second.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await quietFor(second, 300);
    await waitingChat(tina);
    await expect.poll(both).toBe(4);
    expect((await alerts(page)).tones).toBe(1);
    await context.close();
  });

  it('when Ana mentions Bruno in a note, picking him with the keyboard, then the note shows the mention and Bruno is alerted, the mention of him stronger on his screen', async () => {
    const id = await chatOf(uma, ana);
    // Bruno, on his phone, with browser notifications on and the inbox in the background.
    const b = await agentPage(browser, p, bruno, { lang: 'pt-BR', width: 390, height: 844 });
    await b.context.addInitScript(observeAlerts);
    await b.context.addInitScript(() => localStorage.setItem('zyntra.inbox.alerts', JSON.stringify({ state: { sound: true, desktop: true }, version: 0 })));
    await b.page.goto(`${p.app.url}/inbox`);
    await b.page.waitForSelector('[data-testid=inbox-alerts]');
    await quietFor(b.page, 1000);
    await b.page.evaluate(() => {
      (window as unknown as { hidden: boolean }).hidden = true;
      document.dispatchEvent(new Event('visibilitychange'));
    });

    const a = await agentPage(browser, p, ana, { lang: 'en' });
    await a.page.goto(`${p.app.url}/inbox/${id}`);
    const input = a.page.locator('[data-testid=composer-input]');
    await input.waitFor();
    await a.page.click('[data-testid=composer] label:has([data-testid=composer-mode-note])');
    await input.click();
    await input.pressSequentially('@b');
    const option = a.page.locator(`[data-testid=mention-picker] [data-testid=mention-option-${bruno.userId}]`);
    await option.waitFor();
    await expect.poll(() => option.getAttribute('aria-selected')).toBe('true');
    await settle(a.page);
    await a.page.screenshot({ path: screenshotPath('inbox-mention-picker-en') });
    await input.press('ArrowDown');
    await input.press('Enter');
    await expect.poll(() => a.page.locator('[data-testid=mention-picker]').count()).toBe(0);
    await input.pressSequentially('can you check her refund?');
    expect(await input.inputValue()).toBe('@Bruno can you check her refund?');
    // An @ typed and closed with Escape picks nobody; Enter then sends the note.
    await input.pressSequentially(' @');
    await a.page.locator('[data-testid=mention-picker]').waitFor();
    await input.press('Escape');
    await expect.poll(() => a.page.locator('[data-testid=mention-picker]').count()).toBe(0);
    await input.press('Backspace');
    await input.press('Backspace');
    // A reload keeps the half-written note and whom its @Bruno names.
    await a.page.reload();
    await input.waitFor();
    await expect.poll(() => input.inputValue()).toBe('@Bruno can you check her refund?');
    await a.page.click('[data-testid=composer] label:has([data-testid=composer-mode-note])');
    await input.click();
    await input.press('End');
    await input.press('Enter');
    const mention = a.page.locator('[data-testid=message][data-kind=note] [data-testid=note-mention]');
    await expect.poll(() => mention.allTextContents()).toEqual(['@Bruno']);
    expect(await mention.getAttribute('data-me')).toBeNull();
    await settle(a.page);
    await a.page.screenshot({ path: screenshotPath('inbox-note-mention-en') });
    const notes = (await api(p.app, 'GET', `/v1/conversations/${id}/messages`, undefined, p.token)).body.items.filter((m: { type: string }) => m.type === 'note');
    expect(notes).toEqual([expect.objectContaining({ text: '@Bruno can you check her refund?', mentions: [bruno.userId] })]);

    await expect.poll(() => alerts(b.page), { timeout: 10_000 }).toMatchObject({
      notes: [{ title: `${ana.name} mencionou você`, body: 'Em uma nota interna de uma conversa.' }],
    });
    await b.page.goto(`${p.app.url}/inbox/${id}`);
    const his = b.page.locator('[data-testid=message][data-kind=note] [data-testid=note-mention]');
    await expect.poll(() => his.getAttribute('data-me')).toBe('true');
    expect(await his.getAttribute('title')).toBe('Você foi mencionado');
    await settle(b.page);
    await b.page.screenshot({ path: screenshotPath('inbox-note-mention-phone-pt-BR') });
    // Mentioned again while looking at the inbox, not that chat: the page says so too, and a tap
    // on it opens the chat.
    await b.page.goto(`${p.app.url}/inbox`);
    await b.page.waitForSelector('[data-testid=inbox-alerts]');
    await quietFor(b.page, 1000);
    expect((await api(p.app, 'POST', `/v1/conversations/${id}/notes`, { text: '@Bruno e agora?', mentions: [bruno.userId] }, ana.token)).status).toBe(201);
    const toast = b.page.locator('[data-testid=mention-toast]');
    await expect.poll(() => toast.textContent(), { timeout: 10_000 }).toBe(`${ana.name} mencionou vocêEm uma nota interna. Toque para abrir a conversa.`);
    await settle(b.page);
    await b.page.screenshot({ path: screenshotPath('inbox-mention-toast-phone-pt-BR') });
    await toast.click();
    await expect.poll(() => new URL(b.page.url()).pathname).toBe(`/inbox/${id}`);
    await expect.poll(() => toast.count()).toBe(0);
    await a.context.close();
    await b.context.close();
  });

  it('when a teammate assigns a chat to the agent while the inbox is in sight, then the page says who gave them which chat, and a tap opens it', async () => {
    // Bruno on his phone with the list open and browser notifications off (the default): the tone
    // alone is easy to miss on a phone on silent.
    const b = await agentPage(browser, p, bruno, { lang: 'pt-BR', width: 390, height: 844 });
    const a = await agentPage(browser, p, ana, { lang: 'en', width: 1280, height: 800 });
    for (const [page, to, from, customer, texts] of [
      [b.page, bruno, ana, vera, [`${ana.name} atribuiu uma conversa a você`, `A conversa com ${vera.name}. Toque para abrir.`]],
      [a.page, ana, bruno, wal, [`${bruno.name} assigned a chat to you`, `The chat with ${wal.name}. Click to open it.`]],
    ] as const) {
      await page.goto(`${p.app.url}/inbox`);
      const id = await waitingChat(customer);
      await page.getByText(customer.name).waitFor();
      // The list may be drawn before the live line is up; an assignment before that is not heard live.
      await page.locator('[data-testid=inbox-page][data-live=online]').waitFor();
      expect((await api(p.app, 'POST', `/v1/conversations/${id}/assign`, { assigneeId: to.userId }, from.token)).status).toBe(200);
      const toast = page.locator('[data-testid=assigned-toast]');
      await expect.poll(() => toast.textContent(), { timeout: 10_000 }).toBe(texts.join(''));
      await settle(page);
      await page.screenshot({ path: screenshotPath(`inbox-assigned-toast-${page === b.page ? 'phone-pt-BR' : 'en'}`) });
      await toast.click();
      await expect.poll(() => new URL(page.url()).pathname).toBe(`/inbox/${id}`);
      await expect.poll(() => toast.count()).toBe(0);
    }
    // Given the chat already open on the screen: its thread says so, no toast on top of it.
    const open = await waitingChat(xavi);
    await b.page.goto(`${p.app.url}/inbox/${open}`);
    await b.page.locator('[data-testid=thread-header]').waitFor();
    expect((await api(p.app, 'POST', `/v1/conversations/${open}/assign`, { assigneeId: bruno.userId }, ana.token)).status).toBe(200);
    await b.page.locator('[data-testid=activity-line]', { hasText: 'atribuiu a conversa a você' }).waitFor();
    await quietFor(b.page, 800);
    expect(await b.page.locator('[data-testid=assigned-toast]').count()).toBe(0);
    await a.context.close();
    await b.context.close();
  });

  it('when a customer whose chat the agent closed writes again, then automatic assignment gives it back to that agent, and the page says so', async () => {
    const id = await chatOf(yara, bruno);
    expect((await api(p.app, 'POST', `/v1/conversations/${id}/close`, {}, bruno.token)).status).toBe(200);
    const b = await agentPage(browser, p, bruno, { lang: 'pt-BR', width: 390, height: 844 });
    await b.page.goto(`${p.app.url}/inbox`);
    await b.page.locator('[data-testid=inbox-page][data-live=online]').waitFor();
    await api(p.app, 'PUT', '/v1/me/presence', { status: 'online' }, bruno.token);
    expect((await api(p.app, 'PUT', '/v1/settings/inbox', { autoAssign: true, maxOpenPerAgent: 50 }, p.token)).status).toBe(200);
    try {
      // No flow answers this: the chat is back with people, and with Bruno, who knows the story.
      await p.wa.inbound(yara, textMessage('chegou meu pedido?'));
      const toast = b.page.locator('[data-testid=assigned-toast]', { hasText: yara.name });
      await expect.poll(() => toast.textContent(), { timeout: 10_000 }).toBe(`Um cliente escreveu de novo: a conversa voltou para vocêA conversa com ${yara.name}. Toque para abrir.`);
      await settle(b.page);
      await b.page.screenshot({ path: screenshotPath('inbox-returning-toast-phone-pt-BR') });
      await toast.click();
      await b.page.locator('[data-testid=activity-line]', { hasText: 'De volta para você, que a encerrou antes' }).waitFor();
      await settle(b.page);
      await b.page.screenshot({ path: screenshotPath('inbox-returning-thread-phone-pt-BR') });
    } finally {
      await api(p.app, 'PUT', '/v1/settings/inbox', { autoAssign: false, maxOpenPerAgent: 5 }, p.token);
      await b.context.close();
    }
  });
});
