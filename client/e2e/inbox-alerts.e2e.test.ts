// An agent busy in one chat (or in another tab) hears when a customer writes in another of their
// chats: the tab's title counts it, the tone plays and, with the tab hidden, a browser notification
// shows. Their own replies, notes, and customers of other agents' chats stay quiet.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { edge, flow, keywordTrigger, node } from '../../server/test/flow-docs';
import { api } from '../../server/test/harness';
import { textMessage } from '../../server/test/fakes/whatsapp-payloads';
import { eventually, startPipeline, type Pipeline } from '../../server/test/pipeline';
import { launchBrowser, screenshotPath } from './browser';
import { startAppWithClient } from './builder-page';
import { addAgent, agentPage, bubbleTexts, ownerAgent, row, settle, type Agent } from './inbox-page';

let p: Pipeline;
let browser: Browser;
let ana: Agent;
let bruno: Agent;
const rosa = { waId: '5511987006601', name: 'Dona Rosa' };
const lima = { waId: '5511987006602', name: 'Seu Lima' };
const davi = { waId: '5511987006603', name: 'Davi' };

beforeAll(async () => {
  p = await startPipeline({}, { appStarter: startAppWithClient });
  browser = await launchBrowser();
  ana = await ownerAgent(p);
  bruno = await addAgent(p, 'Bruno');
  await p.publish(flow([keywordTrigger('ajuda'), node('human', 'transfer', { message: 'Já chamo alguém!' })], [edge('start', 'next', 'human')]), 'Atendimento');
});
afterAll(async () => {
  await browser?.close();
  await p?.close();
});

/** A customer's chat, handed to people and then assigned to `agent`, with nothing left unread. */
async function chatOf(customer: { waId: string; name: string }, agent: Agent): Promise<string> {
  await p.wa.inbound(customer, textMessage('ajuda'));
  const id: string = await eventually(async () => {
    const list = await api(p.app, 'GET', '/v1/conversations?status=waiting', undefined, p.token);
    return list.body.items.find((c: { contact: { name: string } }) => c.contact.name === customer.name)?.id;
  });
  expect((await api(p.app, 'POST', `/v1/conversations/${id}/assign`, { assigneeId: agent.userId }, agent.token)).status).toBe(200);
  expect((await api(p.app, 'POST', `/v1/conversations/${id}/read`, undefined, agent.token)).status).toBe(204);
  return id;
}

/**
 * Counts tones (two oscillators each) and records notifications, and lets the test hide the tab:
 * headless Chromium has no sound output, no notification permission and never hides a page.
 */
function observeAlerts(): void {
  const w = window as unknown as { tones: number; notes: Array<{ title: string; body?: string }>; hidden: boolean };
  w.tones = 0;
  w.notes = [];
  w.hidden = false;
  class CountingAudio extends AudioContext {
    override createOscillator() {
      w.tones += 0.5;
      return super.createOscillator();
    }
  }
  window.AudioContext = CountingAudio;
  class FakeNotification {
    static permission = 'granted';
    static requestPermission = async () => 'granted';
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

describe('inbox alerts', () => {
  it("when a customer writes in the agent's chat while another is open or the tab is hidden, then the title counts it and the alerts fire", async () => {
    const other = await chatOf(davi, ana);
    const open = await chatOf(lima, bruno);
    const { context, page } = await agentPage(browser, p, bruno, { lang: 'pt-BR' });
    await context.addInitScript(observeAlerts);
    await page.goto(`${p.app.url}/inbox/${open}`);
    await page.waitForSelector('[data-testid=composer-input]');
    await page.click('[data-testid=inbox-alerts]');
    await page.getByLabel('Tocar um som').check({ force: true });
    await page.getByLabel('Notificação do navegador').check({ force: true });
    await settle(page);
    await page.screenshot({ path: screenshotPath('inbox-alerts-menu-pt-BR') });
    await page.keyboard.press('Escape');
    await expect.poll(() => alerts(page)).toEqual({ tones: 1, notes: [] }); // the switch plays a sample
    await expect.poll(() => page.title()).toBe('Caixa de entrada · Zyntra');

    // Assigned while the page is open: the chat is Bruno's from that event on. (Its hand-over to
    // people alerts already, as before.)
    const mine = await chatOf(rosa, bruno);
    await expect.poll(() => alerts(page)).toEqual({ tones: 2, notes: [] });
    // Quiet: Bruno's own reply and note, and a customer of Ana's chat.
    expect((await api(p.app, 'POST', `/v1/conversations/${mine}/messages`, { text: 'Oi, Dona Rosa!' }, bruno.token)).status).toBeLessThan(300);
    expect((await api(p.app, 'POST', `/v1/conversations/${mine}/notes`, { text: 'cliente antiga' }, bruno.token)).status).toBeLessThan(300);
    await p.wa.inbound(davi, textMessage('alguém aí?'));
    await eventually(async () => (await api(p.app, 'GET', `/v1/conversations/${other}`, undefined, p.token)).body.unreadCount === 1);
    await settle(page, 1500);
    expect(await alerts(page)).toEqual({ tones: 2, notes: [] });
    expect(await page.title()).toBe('Caixa de entrada · Zyntra');

    // Rosa writes while Bruno reads Lima's chat: the tone plays, the title counts her chat.
    await p.wa.inbound(rosa, textMessage('o pedido chegou quebrado'));
    await expect.poll(() => page.title(), { timeout: 10_000 }).toBe('(1) Caixa de entrada · Zyntra');
    await expect.poll(() => alerts(page)).toEqual({ tones: 3, notes: [] });
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
      tones: 4,
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
    await en.page.getByText('Be alerted when a chat is handed to people or a customer writes in one of your chats.').waitFor();
    await settle(en.page);
    await en.page.screenshot({ path: screenshotPath('inbox-alerts-menu-en') });
    await en.context.close();
  });
});
