// The embeddable web-chat widget on a plain HTML page of another origin, talking to a published flow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { edge, flow, keywordTrigger, node } from '../../server/test/flow-docs';
import { api, signupWorkspace, startTestApp, type TestApp } from '../../server/test/harness';
import { eventually } from '../../server/test/pipeline';
import { launchBrowser, screenshotPath } from './browser';

let app: TestApp;
let browser: Browser;
let site: Server;
let siteUrl: string;
let storageKey: string;
let ownerToken: string;
let brandedUrl: string;

beforeAll(async () => {
  app = await startTestApp({}, { clientDistDir: resolve(import.meta.dirname, '..', 'dist') });
  const owner = await signupWorkspace(app);
  ownerToken = owner.token;
  const channel = await api(app, 'POST', '/v1/channels', { type: 'webchat', name: 'Site' }, owner.token);
  storageKey = `zyntra.webchat.${channel.body.id}`;
  const doc = flow(
    [
      keywordTrigger('oi'),
      node('menu', 'message', { text: 'Olá! Como posso ajudar?', buttons: [{ id: 'horario', title: 'Horário' }, { id: 'preco', title: 'Preços' }] }),
      node('h', 'message', { text: 'Abrimos de segunda a sábado, das 9h às 18h.' }),
      node('p', 'message', { text: 'O bolo de pote custa R$ 12.' }),
    ],
    [edge('start', 'next', 'menu'), edge('menu', 'btn:horario', 'h'), edge('menu', 'btn:preco', 'p')],
  );
  const created = await api(app, 'POST', '/v1/flows', { name: 'Site', document: doc }, owner.token);
  await api(app, 'POST', `/v1/flows/${created.body.id}/publish`, {}, owner.token);
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>Doceria</title></head>
    <body style="font-family:sans-serif;padding:40px"><h1>Doceria da Ana</h1><p>Os melhores doces da cidade.</p>
    <script src="${app.url}/widget.js" data-channel="${channel.body.id}" async></script></body></html>`;
  // A second channel set up in English with the shop's own colour and title.
  const branded = await api(app, 'POST', '/v1/channels', { type: 'webchat', name: 'Site EN', config: { language: 'en', color: '#7950f2', title: 'Ana’s Sweets' } }, owner.token);
  // This page knows its visitor (a signed-in customer) and names them.
  const brandedHtml = html.replace(channel.body.id, branded.body.id).replace(' async></script>', ' data-visitor-name="Joana Cliente" async></script>');
  site = createServer((req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(req.url === '/en' ? brandedHtml : html));
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  siteUrl = `http://localhost:${(site.address() as AddressInfo).port}/`;
  brandedUrl = `${siteUrl}en`;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((r) => site?.close(r));
  await app?.close();
});

/** A new visitor (a fresh browser context) on the shop's page says "Oi" and gets the bot's menu; `id` is their conversation. */
async function visitorSaysOi() {
  const page = await browser.newPage({ locale: 'pt-BR' });
  await page.goto(siteUrl);
  const widget = page.locator('#zyntra-webchat');
  await widget.locator('.launcher').click();
  await widget.locator('input').fill('Oi');
  await widget.locator('input').press('Enter');
  await expect.poll(() => widget.locator('.bubble.out').count(), { timeout: 15_000 }).toBe(1);
  const list = await api(app, 'GET', '/v1/conversations?status=bot', undefined, ownerToken);
  return { page, widget, id: list.body.items[0].id as string };
}

describe('web-chat widget', () => {
  it("when the channel is set to English with its own colour, then a visitor whose browser speaks Portuguese sees the channel's language and colour", async () => {
    const page = await browser.newPage({ locale: 'pt-BR' });
    await page.goto(brandedUrl);
    const widget = page.locator('#zyntra-webchat');
    await widget.locator('.launcher').click();
    await expect.poll(() => widget.locator('.header .title').textContent()).toBe('Ana’s Sweets');
    expect(await widget.locator('input').getAttribute('placeholder')).toBe('Type a message…');
    expect(await widget.locator('.header').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(121, 80, 242)');
    expect(await widget.locator('.launcher').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(121, 80, 242)');
    await page.screenshot({ path: screenshotPath('widget-branded-en') });
    // The name the page gave reaches the inbox's contact with the first message.
    await widget.locator('input').fill('hello');
    await widget.locator('input').press('Enter');
    const named = await eventually(async () => (await api(app, 'GET', '/v1/contacts?q=Joana%20Cliente', undefined, ownerToken)).body.items[0]);
    expect(named.name).toBe('Joana Cliente');
    // The default channel speaks Portuguese even to an English browser.
    const other = await browser.newPage({ locale: 'en-US' });
    await other.goto(siteUrl);
    await other.locator('#zyntra-webchat .launcher').click();
    await expect.poll(() => other.locator('#zyntra-webchat .header .title').textContent()).toBe('Fale com a gente');
    await other.screenshot({ path: screenshotPath('widget-default-pt-BR') });
  });

  it('when a visitor chats on a plain page, then the bot answers, buttons work and the chat survives a reload', async () => {
    const { page, widget } = await visitorSaysOi();
    expect(await widget.locator('.bubble.out').allTextContents()).toEqual(['Olá! Como posso ajudar?']);
    await widget.locator('.choice', { hasText: 'Horário' }).click();
    await expect.poll(() => widget.locator('.bubble.out').count(), { timeout: 15_000 }).toBe(2);
    expect(await widget.locator('.bubble.out').last().textContent()).toBe('Abrimos de segunda a sábado, das 9h às 18h.');
    await page.screenshot({ path: screenshotPath('widget-chat') });

    await page.reload();
    await expect
      .poll(() => page.locator('#zyntra-webchat .bubble').allTextContents(), { timeout: 15_000 })
      .toEqual(['Oi', 'Olá! Como posso ajudar?', 'Horário', 'Abrimos de segunda a sábado, das 9h às 18h.']);
    await page.screenshot({ path: screenshotPath('widget-after-reload') });

    // The visitor id is no secret (agents see it): a browser that only knows it starts a new, empty chat.
    const saved = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), storageKey)) ?? 'null');
    expect(saved).toEqual({ visitorId: expect.any(String), resumeSecret: expect.stringMatching(/^[\w-]{43}$/) });
    for (const forged of [saved.visitorId, JSON.stringify({ visitorId: saved.visitorId, resumeSecret: 'A'.repeat(43) })]) {
      const other = await browser.newContext({ locale: 'pt-BR' });
      const intruder = await other.newPage();
      await intruder.goto(siteUrl);
      await intruder.evaluate(([key, value]) => localStorage.setItem(key!, value!), [storageKey, forged]);
      await intruder.reload();
      const chat = intruder.locator('#zyntra-webchat');
      if (!(await chat.locator('.panel.open').count())) await chat.locator('.launcher').click();
      await expect.poll(() => chat.locator('.empty').count(), { timeout: 15_000 }).toBe(1);
      expect(await chat.locator('.bubble').count()).toBe(0);
      const mine = JSON.parse((await intruder.evaluate((key) => localStorage.getItem(key), storageKey)) ?? 'null');
      expect(mine.visitorId).not.toBe(saved.visitorId);
      if (forged === saved.visitorId) await intruder.screenshot({ path: screenshotPath('widget-foreign-visitor-id') });
      await other.close();
    }
  });

  it('when the visitor closes the panel with its ×, then it stays closed on the next page; on a phone a chat under way does not open by itself', async () => {
    const { page, widget } = await visitorSaysOi();
    expect(await widget.locator('.header .close').getAttribute('aria-label')).toBe('Fechar chat');
    await widget.locator('.header .close').click();
    expect(await widget.locator('.panel.open').count()).toBe(0);
    await page.reload();
    await page.locator('#zyntra-webchat .launcher').waitFor();
    await page.waitForTimeout(500);
    expect(await page.locator('#zyntra-webchat .panel.open').count()).toBe(0);
    // Opened again on a phone, then a new page: the page is what the visitor sees, the launcher waits.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('#zyntra-webchat .launcher').click();
    await page.locator('#zyntra-webchat .panel.open').waitFor();
    await page.screenshot({ path: screenshotPath('widget-phone-open') });
    await page.reload();
    await page.locator('#zyntra-webchat .launcher').waitFor();
    await page.waitForTimeout(500);
    expect(await page.locator('#zyntra-webchat .panel.open').count()).toBe(0);
    await page.close();
  });

  it("when a person from the team answers, then the visitor sees that person's name, not the bot's look", async () => {
    const { page, widget, id } = await visitorSaysOi();
    const sent = await api(app, 'POST', `/v1/conversations/${id}/messages`, { text: 'Oi! Aqui é a Ana, acompanhe a encomenda em correios.com.br/rastreio' }, ownerToken);
    expect(sent.status).toBe(201);
    await expect.poll(() => widget.locator('.bubble.out.agent').allTextContents(), { timeout: 15_000 }).toEqual(['Oi! Aqui é a Ana, acompanhe a encomenda em correios.com.br/rastreio']);
    expect(await widget.locator('.who').allTextContents()).toEqual(['Ana']);
    // The address opens the site in a new tab.
    expect(await widget.locator('.bubble.out.agent a.link').evaluate((a: HTMLAnchorElement) => [a.href, a.target])).toEqual(['https://correios.com.br/rastreio', '_blank']);
    await page.screenshot({ path: screenshotPath('widget-agent-reply-pt-BR') });

    await page.reload();
    await expect.poll(() => page.locator('#zyntra-webchat .who').allTextContents(), { timeout: 15_000 }).toEqual(['Ana']);
    expect(await page.locator('#zyntra-webchat .bubble.out:not(.agent)').count()).toBe(1);

    // An answer to the visitor's own message quotes its first words above it.
    const thread = await api(app, 'GET', `/v1/conversations/${id}/messages`, undefined, ownerToken);
    const asked = thread.body.items.find((m: any) => m.direction === 'in');
    expect((await api(app, 'POST', `/v1/conversations/${id}/messages`, { text: 'Sim, pode pedir!', replyTo: asked.id }, ownerToken)).status).toBe(201);
    await expect.poll(() => page.locator('#zyntra-webchat .bubble.out.agent .quote').allTextContents(), { timeout: 15_000 }).toEqual([asked.text]);
    await page.screenshot({ path: screenshotPath('widget-agent-quote-pt-BR') });
  });

  it('when a person from the team types, then the visitor sees who is typing until the reply arrives; the visitor typing is told to the team', async () => {
    const { page, widget, id } = await visitorSaysOi();
    expect((await api(app, 'POST', `/v1/conversations/${id}/typing`, { on: true }, ownerToken)).status).toBe(204);
    await expect.poll(() => widget.locator('.typing').textContent(), { timeout: 10_000 }).toBe('Ana está digitando…');
    await page.screenshot({ path: screenshotPath('widget-agent-typing-pt-BR') });
    expect((await api(app, 'POST', `/v1/conversations/${id}/messages`, { text: 'Já te respondo!' }, ownerToken)).status).toBe(201);
    await expect.poll(() => widget.locator('.bubble.out.agent').allTextContents(), { timeout: 15_000 }).toEqual(['Já te respondo!']);
    expect(await widget.locator('.typing').count()).toBe(0);

    // The visitor's typing goes to the team: "on" while typing, "off" when the message is sent.
    const typed = (on: boolean) => page.waitForRequest((r) => r.url().endsWith('/typing') && r.method() === 'POST' && r.postDataJSON()?.on === on);
    const started = typed(true);
    await widget.locator('input').pressSequentially('Quero um bolo');
    await started;
    const stopped = typed(false);
    await widget.locator('input').press('Enter');
    await stopped;
    await page.close();
  });

  it('when an agent sends a photo and a PDF into a long chat, then the visitor sees the whole photo and a link named after the file, also after a reload', async () => {
    const { page, id } = await visitorSaysOi();
    // Enough lines that the log scrolls: a clipped item in an overflowing column used to shrink to 2 px.
    for (let i = 1; i <= 8; i++) expect((await api(app, 'POST', `/v1/conversations/${id}/messages`, { text: `Linha ${i} do cardápio` }, ownerToken)).status).toBe(201);
    // A real picture to send: the shop's page itself, as a PNG.
    const photo = await page.screenshot({ clip: { x: 0, y: 40, width: 320, height: 180 } });
    const upload = async (body: Buffer, type: string, name: string) => {
      const res = await fetch(`${app.url}/v1/media`, { method: 'POST', headers: { authorization: `Bearer ${ownerToken}`, 'content-type': type, 'x-file-name': encodeURIComponent(name) }, body: new Uint8Array(body) });
      expect(res.status).toBe(201);
      return ((await res.json()) as { id: string }).id;
    };
    const photoId = await upload(photo, 'image/png', 'vitrine.png');
    const pdfId = await upload(Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'), 'application/pdf', 'cardapio.pdf');
    expect((await api(app, 'POST', `/v1/conversations/${id}/messages`, { mediaId: photoId, text: 'Nossa vitrine de hoje' }, ownerToken)).status).toBe(201);
    expect((await api(app, 'POST', `/v1/conversations/${id}/messages`, { mediaId: pdfId }, ownerToken)).status).toBe(201);

    const shows = async () => {
      await expect.poll(() => page.locator('#zyntra-webchat .media img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 15_000 }).toBeGreaterThan(10);
      // The photo (320 × 180, drawn at most 240 wide in the panel) is shown whole, not squeezed by the scrolling log.
      const box = await page.locator('#zyntra-webchat .media:has(img)').boundingBox();
      const img = await page.locator('#zyntra-webchat .media img').boundingBox();
      expect(box!.height).toBeGreaterThan(100);
      expect(Math.abs(box!.height - img!.height)).toBeLessThan(5);
      expect((await page.locator('#zyntra-webchat .media.file').boundingBox())!.height).toBeGreaterThan(28);
      expect(await page.locator('#zyntra-webchat .media.file').textContent()).toBe('cardapio.pdf');
      expect(await page.locator('#zyntra-webchat .bubble.out.agent').allTextContents()).toContain('Nossa vitrine de hoje');
      // The photo grew the log after it was scrolled: the newest line (the PDF) is still in view.
      await expect.poll(() => page.locator('#zyntra-webchat .log').evaluate((log) => log.scrollHeight - log.scrollTop - log.clientHeight)).toBeLessThan(2);
      // A link the browser can open, saving the file under its own name, and no storage key in what the page was given.
      const file = await fetch((await page.locator('#zyntra-webchat .media.file').getAttribute('href'))!);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-disposition')).toBe('attachment; filename=cardapio.pdf');
    };
    await shows();
    await page.screenshot({ path: screenshotPath('widget-agent-media-pt-BR') });
    await page.reload();
    await shows();
    const history = await page.evaluate(async ([url, key]) => {
      const saved = JSON.parse(localStorage.getItem(key!) ?? '{}');
      const session = await (await fetch(`${url}/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(saved) })).json();
      return (await fetch(`${url}/messages`, { headers: { authorization: `Bearer ${session.token}` } })).text();
    }, [`${app.url}/v1/webchat/${storageKey.split('.').pop()}`, storageKey]);
    expect(history).toContain('cardapio.pdf');
    expect(history).not.toContain('storageKey');
  });

  it('when an agent closes the chat, then the visitor is told at once and after a reload, and writing again carries on below', async () => {
    const { page, widget, id } = await visitorSaysOi();
    const closedLine = widget.locator('.closed');
    expect(await closedLine.count()).toBe(0);
    expect((await api(app, 'POST', `/v1/conversations/${id}/close`, {}, ownerToken)).status).toBe(200);
    await expect.poll(() => closedLine.textContent(), { timeout: 15_000 }).toBe('Esta conversa foi encerrada. Escreva de novo se precisar de algo mais.');
    // Under the last message, and the old menu's buttons are gone with the chat they belonged to.
    expect(await widget.locator('.log > :last-child').getAttribute('class')).toBe('closed');
    expect(await widget.locator('.choices').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('widget-closed-pt-BR') });
    await page.reload();
    await expect.poll(() => page.locator('#zyntra-webchat .log > :last-child').getAttribute('class'), { timeout: 15_000 }).toBe('closed');
    expect(await page.locator('#zyntra-webchat .closed').count()).toBe(1);
    // Writing again: the new message goes below the line, which stays as a divider.
    await page.locator('#zyntra-webchat input').fill('Vocês entregam no sábado?');
    await page.locator('#zyntra-webchat input').press('Enter');
    await expect.poll(() => page.locator('#zyntra-webchat .log > :nth-last-child(2)').textContent()).toBe('Vocês entregam no sábado?');
    expect(await page.locator('#zyntra-webchat .log > :last-child').getAttribute('class')).toBe('time in');
    expect(await page.locator('#zyntra-webchat .closed').count()).toBe(1);
    await eventually(async () => (await api(app, 'GET', `/v1/conversations/${id}`, undefined, ownerToken)).body.status !== 'closed');
  });

  it('when the visitor loses the network, then a message that did not go says so and goes once on a tap, nothing shows twice, and a closed panel stays closed with a count of replies', async () => {
    const { page, widget, id } = await visitorSaysOi();
    const context = page.context();
    await context.setOffline(true);
    await widget.locator('input').fill('Vocês entregam no Centro?');
    await widget.locator('input').press('Enter');
    await expect.poll(() => widget.locator('.retry').textContent()).toBe('Não enviada. Toque para tentar de novo.');
    await page.screenshot({ path: screenshotPath('widget-not-sent-pt-BR') });
    await context.setOffline(false);
    await widget.locator('.retry').click();
    await expect.poll(() => widget.locator('.retry').count()).toBe(0);
    const visitorTexts = async () => ((await api(app, 'GET', `/v1/conversations/${id}/messages`, undefined, ownerToken)).body.items as { direction: string; text: string }[]).filter((m) => m.direction === 'in').map((m) => m.text).sort();
    await expect.poll(visitorTexts, { timeout: 15_000 }).toEqual(['Oi', 'Vocês entregam no Centro?']);
    // The socket comes back and reads the history: the visitor's own lines are not added again.
    await expect.poll(() => widget.locator('.bubble.in').allTextContents(), { timeout: 15_000 }).toEqual(['Oi', 'Vocês entregam no Centro?']);
    await page.waitForTimeout(1_500);
    expect(await widget.locator('.bubble.in').allTextContents()).toEqual(['Oi', 'Vocês entregam no Centro?']);

    // Closed by the visitor: a reply shows as a count on the launcher, and the next page keeps it closed.
    await widget.locator('.launcher').click();
    expect((await api(app, 'POST', `/v1/conversations/${id}/messages`, { text: 'Entregamos sim!' }, ownerToken)).status).toBe(201);
    await expect.poll(() => widget.locator('.unread').textContent(), { timeout: 15_000 }).toBe('1');
    await page.screenshot({ path: screenshotPath('widget-unread-pt-BR') });
    await page.reload();
    await page.locator('#zyntra-webchat .launcher').waitFor();
    await page.waitForTimeout(1_000);
    expect(await page.locator('#zyntra-webchat .panel').isVisible()).toBe(false);
    await page.locator('#zyntra-webchat .launcher').click();
    await expect.poll(() => page.locator('#zyntra-webchat .bubble.out.agent').allTextContents(), { timeout: 15_000 }).toContain('Entregamos sim!');
    expect(await page.locator('#zyntra-webchat .unread').textContent()).toBe('');
  });
});
