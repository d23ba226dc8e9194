// A customer's visit to a small business's own page with the web-chat widget pasted in as Settings
// shows it: on a phone and on a computer, in Portuguese and in English, on a page whose own styles
// (a serif `*` font, loud `button {}` rules, a cookie bar at the top z-index) would clash with it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { edge, flow, keywordTrigger, node } from '../../server/test/flow-docs';
import { api, signupWorkspace, startTestApp, type TestApp } from '../../server/test/harness';
import { embedSnippet } from '../src/settings/channels/channel-forms';
import { launchBrowser, screenshotPath } from './browser';

let app: TestApp;
let browser: Browser;
let site: Server;
let siteUrl: string;
let ownerToken: string;

const LANGS = ['pt-BR', 'en'] as const;
type Lang = (typeof LANGS)[number];
const channelOf: Partial<Record<Lang, string>> = {};

const TEXTS = {
  'pt-BR': { open: 'Abrir chat', close: 'Fechar chat', send: 'Enviar', field: 'Digite uma mensagem…', unread: 'Abrir chat, 1 mensagem nova' },
  en: { open: 'Open chat', close: 'Close chat', send: 'Send', field: 'Type a message…', unread: 'Open chat, 1 new message' },
};

/** A bakery's page as its owner made it, the snippet pasted before </body>. */
const bakeryPage = (snippet: string) => `<!doctype html>
<html lang="pt-BR"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Padaria Pão Quente</title>
<style>
  * { box-sizing: border-box; margin: 0; padding: 0; font-family: Georgia, 'Times New Roman', serif; }
  body { color: #3b2a1a; background: #fffaf2; line-height: 1.9; letter-spacing: .08em; }
  div { position: relative; }
  button { background: #b5651d; color: #fff; border: 3px solid #000; padding: 20px 40px; font-size: 22px; text-transform: uppercase; }
  header { position: sticky; top: 0; background: #7a3e0b; color: #fff; padding: 16px 24px; z-index: 1000; }
  main { max-width: 760px; margin: 0 auto; padding: 24px; }
  .cookie { position: fixed; left: 0; right: 0; bottom: 0; background: #212529; color: #fff; padding: 16px 24px; z-index: 2147483647; display: flex; justify-content: space-between; align-items: center; }
  .cookie button { padding: 8px 16px; font-size: 16px; }
</style></head>
<body><header><strong>Padaria Pão Quente</strong></header>
<main><h1>Pães artesanais desde 1987</h1>${'<p>Fermentação natural, farinha orgânica e muito carinho. Encomendas de bolos para festas com uma semana de antecedência.</p>'.repeat(30)}</main>
<div class="cookie">Usamos cookies para melhorar sua experiência. <button>Aceitar</button></div>
${snippet}
</body></html>`;

beforeAll(async () => {
  app = await startTestApp({}, { clientDistDir: resolve(import.meta.dirname, '..', 'dist') });
  const owner = await signupWorkspace(app);
  ownerToken = owner.token;
  for (const lang of LANGS) {
    const channel = await api(app, 'POST', '/v1/channels', { type: 'webchat', name: `Site ${lang}`, config: { language: lang } }, owner.token);
    channelOf[lang] = channel.body.id;
  }
  const doc = flow(
    [
      keywordTrigger('oi'),
      node('menu', 'message', { text: 'Olá! Como posso ajudar?', buttons: [{ id: 'horario', title: 'Horário' }, { id: 'human', title: 'Falar com atendente' }] }),
      node('h', 'message', { text: 'Abrimos de segunda a sábado, das 9h às 18h.' }),
      node('human', 'transfer', { team: null, message: 'Certo! Vou chamar alguém da equipe.', tags: [] }),
    ],
    [edge('start', 'next', 'menu'), edge('menu', 'btn:horario', 'h'), edge('menu', 'btn:human', 'human')],
  );
  const created = await api(app, 'POST', '/v1/flows', { name: 'Site', document: doc }, owner.token);
  await api(app, 'POST', `/v1/flows/${created.body.id}/publish`, {}, owner.token);
  // The snippet exactly as Settings → Channels shows it for the app's address.
  site = createServer((req, res) => {
    const lang = req.url?.startsWith('/en') ? 'en' : 'pt-BR';
    const snippet = embedSnippet(app.url, channelOf[lang]!);
    // The owner who moved the launcher above the cookie bar, as the README shows.
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(bakeryPage(req.url?.endsWith('?raised') ? snippet.replace(' async>', ' data-bottom="90" async>') : snippet));
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  siteUrl = `http://localhost:${(site.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((r) => site?.close(r));
  await app?.close();
});

const phone = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
const computer = { viewport: { width: 1280, height: 800 } };

async function openPage(lang: Lang, device: typeof phone | typeof computer, browserLang: Lang = lang): Promise<Page> {
  const context = await browser.newContext({ ...device, locale: browserLang === 'en' ? 'en-US' : 'pt-BR', timezoneId: ZONE });
  const page = await context.newPage();
  await page.goto(`${siteUrl}/${lang === 'en' ? 'en' : ''}`);
  await page.locator('#zyntra-webchat .launcher').waitFor();
  return page;
}

/** The customer's own time zone: the times under the messages are theirs. */
const ZONE = 'America/Sao_Paulo';
const clock = (lang: Lang, at: Date | string, withDate = false) =>
  new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: ZONE, ...(withDate ? { day: 'numeric', month: 'short' } : {}) }).format(new Date(at));

/** What a finger or a pointer would reach at the middle of a widget part: the widget, or the page's element over it. */
const reaches = (page: Page, selector: string) =>
  page.locator(`#zyntra-webchat ${selector}`).evaluate((e) => {
    const r = e.getBoundingClientRect();
    const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return at?.id === 'zyntra-webchat' ? 'widget' : at?.outerHTML.slice(0, 40);
  });

async function sayOi(page: Page) {
  const widget = page.locator('#zyntra-webchat');
  await widget.locator('input').fill('Oi');
  await widget.locator('input').press('Enter');
  await widget.locator('.choice').first().waitFor({ timeout: 15_000 });
}

/** The newest conversation on a channel (the visitor's), for answering as the team. */
async function conversationOn(lang: Lang): Promise<string> {
  const list = await api(app, 'GET', `/v1/conversations?channelId=${channelOf[lang]}`, undefined, ownerToken);
  return list.body.items[0].id as string;
}

describe('a customer visits a small business page with the widget', () => {
  for (const lang of LANGS) {
    it(`when a customer on a phone opens the chat (${lang}), then it takes the screen over the page's cookie bar, every control is a 44 px target named in the channel's language, long words wrap and the field stays above the keyboard`, async () => {
      const page = await openPage(lang, phone);
      const t = TEXTS[lang];
      const widget = page.locator('#zyntra-webchat');
      const launcher = widget.locator('.launcher');
      expect(await widget.getAttribute('lang')).toBe(lang);
      expect([await launcher.getAttribute('aria-label'), await launcher.getAttribute('aria-expanded')]).toEqual([t.open, 'false']);
      await page.screenshot({ path: screenshotPath(`widget-visit-phone-page-${lang}`) });
      await launcher.click();
      const panel = await widget.locator('.panel').boundingBox();
      expect(panel).toEqual({ x: 0, y: 0, width: 390, height: 844 });
      // The page's cookie bar (z-index 2147483647) does not sit over the chat the customer opened.
      expect(await reaches(page, 'input')).toBe('widget');
      expect(await reaches(page, '.send')).toBe('widget');
      // The field does not take the focus (the keyboard would rise over the chat); the × has it.
      expect(await widget.locator('.close').evaluate((e) => e.getRootNode() instanceof ShadowRoot && (e.getRootNode() as ShadowRoot).activeElement === e)).toBe(true);
      expect(await widget.locator('.close').getAttribute('aria-label')).toBe(t.close);
      expect(await widget.locator('input').getAttribute('aria-label')).toBe(t.field);
      expect(await widget.locator('.send').textContent()).toBe(t.send);
      await sayOi(page);
      // Each message has its time under it, HH:mm today, read after the message's own words.
      const times = await widget.locator('.log > time').allTextContents();
      const now = Date.now();
      expect(times.length).toBe(2);
      for (const time of times) expect([clock(lang, new Date(now - 60_000)), clock(lang, new Date(now))]).toContain(time);
      expect(await widget.locator('.log').ariaSnapshot()).toMatch(new RegExp(`Oi[^]*${times[0]}[^]*Como posso ajudar\\?[^]*${times[1]}`));
      for (const target of ['.close', '.send', '.choice']) {
        for (const box of await widget.locator(target).evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect))) {
          expect({ target, height: box.height >= 44, width: box.width >= 44 }).toEqual({ target, height: true, width: true });
        }
      }
      const word = 'Pneumoultramicroscopicossilicovulcanoconiótico'.repeat(3);
      await widget.locator('input').fill(`${word} 😀🎂 https://padaria.example.com.br/encomendas/bolos-de-aniversario-personalizados?utm_source=chat`);
      await widget.locator('input').press('Enter');
      const log = widget.locator('.log');
      await expect.poll(() => widget.locator('.bubble.in').count()).toBe(2);
      expect(await log.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
      const bubble = (await widget.locator('.bubble.in').last().boundingBox())!;
      expect(bubble.x + bubble.width).toBeLessThanOrEqual(390);
      // Its time right under it, at its right edge, small and muted.
      const time = (await widget.locator('.log > time').last().boundingBox())!;
      expect([time.y >= bubble.y + bubble.height, time.y - bubble.y - bubble.height < 8, Math.abs(time.x + time.width - bubble.x - bubble.width) < 8]).toEqual([true, true, true]);
      await page.screenshot({ path: screenshotPath(`widget-visit-phone-chat-${lang}`) });

      // The on-screen keyboard leaves 500 px: the field and the send button are still on the screen.
      await page.setViewportSize({ width: 390, height: 500 });
      await widget.locator('input').focus();
      // The chat follows the new height on the viewport's resize event: read it once that has come.
      await expect.poll(async () => { const box = (await widget.locator('input').boundingBox())!; return box.y + box.height; }).toBeLessThanOrEqual(500);
      const field = (await widget.locator('input').boundingBox())!;
      expect(field.y).toBeGreaterThan(100);
      expect(await reaches(page, '.send')).toBe('widget');
      await page.screenshot({ path: screenshotPath(`widget-visit-phone-keyboard-${lang}`) });

      // Closed with the ×: the launcher is back, its name says "open" again and it has the focus.
      await page.setViewportSize({ width: 390, height: 844 });
      await widget.locator('.close').click();
      expect([await launcher.getAttribute('aria-label'), await launcher.getAttribute('aria-expanded')]).toEqual([t.open, 'false']);
      expect(await launcher.evaluate((e) => (e.getRootNode() as ShadowRoot).activeElement === e)).toBe(true);
      await page.context().close();
    });

    it(`when a customer on a computer chats (${lang}), then the page's own fonts and button styles stay out of the widget, a tapped answer leaves the focus in the field and Escape closes; days later each message shows its date and time in the channel's language`, async () => {
      // A browser in the other language: the times follow the channel, as the texts do.
      const page = await openPage(lang, computer, lang === 'en' ? 'pt-BR' : 'en');
      const widget = page.locator('#zyntra-webchat');
      await widget.locator('.launcher').click();
      await sayOi(page);
      const looks = async (selector: string) =>
        widget.locator(selector).first().evaluate((e) => {
          const s = getComputedStyle(e);
          return { serif: s.fontFamily.includes('Georgia'), spacing: s.letterSpacing, upper: s.textTransform, border: s.borderTopWidth === '3px' };
        });
      for (const selector of ['.bubble.out', '.choice', 'input', '.send', '.header .title']) {
        expect({ selector, ...(await looks(selector)) }).toEqual({ selector, serif: false, spacing: 'normal', upper: 'none', border: false });
      }
      // The page keeps its own look.
      expect(await page.locator('h1').evaluate((e) => getComputedStyle(e).fontFamily)).toContain('Georgia');
      expect(await reaches(page, '.launcher')).toBe('widget');
      await widget.locator('.choice', { hasText: 'Horário' }).click();
      expect(await widget.locator('input').evaluate((e) => (e.getRootNode() as ShadowRoot).activeElement === e)).toBe(true);
      await expect.poll(() => widget.locator('.bubble.out').count(), { timeout: 15_000 }).toBe(2);
      await page.screenshot({ path: screenshotPath(`widget-visit-computer-${lang}`) });
      await page.keyboard.press('Escape');
      expect(await widget.locator('.panel.open').count()).toBe(0);
      expect(await widget.locator('.launcher').getAttribute('aria-expanded')).toBe('false');

      // Back two days later: each message, read from the history, shows the day it was sent, and its time.
      await page.clock.setFixedTime(new Date(Date.now() + 2 * 86_400_000));
      await page.reload();
      await widget.locator('.launcher').click();
      await expect.poll(() => widget.locator('.log > time').count(), { timeout: 15_000 }).toBe(4);
      const stored = (await api(app, 'GET', `/v1/conversations/${await conversationOn(lang)}/messages`, undefined, ownerToken)).body.items as Array<{ createdAt: string }>;
      const shown = await widget.locator('.log > time').evaluateAll((els) => els.map((e) => [e.getAttribute('datetime'), e.textContent]));
      expect(shown.map(([at]) => at).sort()).toEqual(stored.map((m) => m.createdAt).sort());
      expect(shown.map(([, text]) => text)).toEqual(shown.map(([at]) => clock(lang, at!, true)));
      expect(shown[0]![1]).toMatch(lang === 'en' ? /^[A-Z][a-z]{2} \d{1,2}, \d{2}:\d{2}$/ : /^\d{1,2} de [a-zç]{3}\., \d{2}:\d{2}$/);
      await page.screenshot({ path: screenshotPath(`widget-visit-computer-later-${lang}`) });
      await page.context().close();
    });
  }

  it('when the owner raises the launcher with data-bottom, then it stands above the cookie bar and the bar\'s button is the customer\'s to tap', async () => {
    const context = await browser.newContext({ ...computer, locale: 'pt-BR' });
    const page = await context.newPage();
    await page.goto(`${siteUrl}/?raised`);
    const launcher = page.locator('#zyntra-webchat .launcher');
    await launcher.waitFor();
    expect((await launcher.boundingBox())!.y + 56).toBe(800 - 90);
    const accept = await page.locator('.cookie button').boundingBox();
    expect(await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.textContent, [accept!.x + accept!.width - 4, accept!.y + accept!.height / 2])).toBe('Aceitar');
    await launcher.click();
    const panel = (await page.locator('#zyntra-webchat .panel').boundingBox())!;
    expect(panel.y + panel.height).toBeLessThanOrEqual(800 - 90 - 56);
    await page.screenshot({ path: screenshotPath('widget-visit-computer-raised-pt-BR') });
    await context.close();
  });

  it('when a customer on a phone goes through the open chat with Tab and Shift+Tab, then the focus goes round the chat and never reaches the page behind it, and Escape gives it back to the chat button; on a computer Tab still goes on to the page', async () => {
    const page = await openPage('pt-BR', phone);
    const widget = page.locator('#zyntra-webchat');
    const launcher = widget.locator('.launcher');
    /** The focused control: a class (or tag) inside the open chat, else where on the page it went. */
    const focused = () =>
      page.evaluate(() => {
        const inner = document.activeElement?.shadowRoot?.activeElement;
        if (!inner) return `page: ${document.activeElement?.outerHTML.slice(0, 30)}`;
        return inner.closest('.panel') ? `chat: ${inner.className || inner.tagName}` : `widget: ${inner.className}`;
      });
    await launcher.click();
    expect(await widget.locator('.panel').getAttribute('aria-modal')).toBe('true');
    await sayOi(page);
    // A tapped answer leaves the focus nowhere on a phone (the keyboard stays down): Tab starts at the chat's top.
    await widget.locator('.choice', { hasText: 'Horário' }).click();
    await expect.poll(() => widget.locator('.bubble.out').count(), { timeout: 15_000 }).toBe(2);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('chat: close');
    const controls = await widget.locator('.panel').evaluate((p) => p.querySelectorAll('button, input, a[href]').length);
    for (const key of ['Tab', 'Shift+Tab']) {
      const went: string[] = [];
      for (let i = 0; i < controls * 2 + 2; i++) {
        await page.keyboard.press(key);
        went.push(await focused());
      }
      expect(went.filter((at) => !at.startsWith('chat: '))).toEqual([]);
      expect(new Set(went)).toEqual(new Set(['chat: close', 'chat: INPUT', 'chat: send']));
    }
    await page.screenshot({ path: screenshotPath('widget-visit-phone-tab-pt-BR') });
    await page.keyboard.press('Escape');
    expect(await widget.locator('.panel.open').count()).toBe(0);
    expect(await focused()).toBe('widget: launcher');
    // Closed, the page is the customer's again: Shift+Tab from the chat button reaches the cookie bar's button.
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('page: <button>Aceitar</button>');
    await page.context().close();

    // On a computer the chat is a box beside the page: Shift+Tab from its × goes on to the chat button.
    const desk = await openPage('pt-BR', computer);
    const chat = desk.locator('#zyntra-webchat');
    await chat.locator('.launcher').click();
    expect(await chat.locator('.panel').getAttribute('aria-modal')).toBe('false');
    // The field takes the focus once the chat is connected; then the customer goes back up to the ×.
    await expect.poll(() => chat.locator('input').evaluate((e) => (e.getRootNode() as ShadowRoot).activeElement === e)).toBe(true);
    await chat.locator('.close').focus();
    await desk.keyboard.press('Shift+Tab');
    expect(await chat.locator('.launcher').evaluate((e) => (e.getRootNode() as ShadowRoot).activeElement === e)).toBe(true);
    await desk.context().close();
  });

  it('when the team answers after the hand-over while the customer reads another page on their phone, then the launcher counts the reply there and says so to a screen reader, and opening clears it for good', async () => {
    const page = await openPage('pt-BR', phone);
    const widget = page.locator('#zyntra-webchat');
    await widget.locator('.launcher').click();
    await sayOi(page);
    await widget.locator('.choice', { hasText: 'Falar com atendente' }).click();
    await expect.poll(() => widget.locator('.bubble.out').allTextContents(), { timeout: 15_000 }).toContain('Certo! Vou chamar alguém da equipe.');
    const id = await conversationOn('pt-BR');
    // Off to the next page of the site: on a phone the chat does not open by itself.
    await page.reload();
    await page.locator('#zyntra-webchat .launcher').waitFor();
    await page.waitForTimeout(1_000);
    expect(await widget.locator('.panel.open').count()).toBe(0);
    expect(await widget.locator('.unread').textContent()).toBe('');
    expect((await api(app, 'POST', `/v1/conversations/${id}/messages`, { text: 'Oi! Aqui é a Ana. Seu bolo fica pronto às 15h.' }, ownerToken)).status).toBe(201);
    await expect.poll(() => widget.locator('.unread').textContent(), { timeout: 15_000 }).toBe('1');
    expect(await widget.locator('.launcher').getAttribute('aria-label')).toBe(TEXTS['pt-BR'].unread);
    await page.screenshot({ path: screenshotPath('widget-visit-phone-unread-pt-BR') });
    // And on the page after that, still counted: the customer has not read it yet.
    await page.reload();
    await expect.poll(() => widget.locator('.unread').textContent(), { timeout: 15_000 }).toBe('1');
    await widget.locator('.launcher').click();
    await expect.poll(() => widget.locator('.bubble.out.agent').allTextContents(), { timeout: 15_000 }).toEqual(['Oi! Aqui é a Ana. Seu bolo fica pronto às 15h.']);
    expect(await widget.locator('.unread').textContent()).toBe('');
    await page.screenshot({ path: screenshotPath('widget-visit-phone-agent-pt-BR') });
    await page.reload();
    await page.locator('#zyntra-webchat .launcher').waitFor();
    await page.waitForTimeout(1_500);
    expect(await widget.locator('.unread').textContent()).toBe('');
    expect(await widget.locator('.launcher').getAttribute('aria-label')).toBe(TEXTS['pt-BR'].open);
    await page.context().close();
  });
});
