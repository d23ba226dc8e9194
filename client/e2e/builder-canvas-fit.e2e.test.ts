// A flow drawn from scratch, as a marketer sees it: a short flow opens (and fits) at its normal size,
// cards that grew taller are kept apart by tidy-up, a greyed-out Publish says why in words, and an
// AI reply step in a workspace without an AI provider is warned about before it is published.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { api, type TestApp } from '../../server/test/harness';
import { screenshotPath } from './browser';
import { openFlow, signedInPage, tidyUp } from './builder-page';
import { startSignedUpSuite } from './suites';

let app: TestApp;
let browser: Browser;
let token: string;

// No LLM_BASE_URL: this workspace has no AI provider, neither its own nor the server's.
startSignedUpSuite('Floricultura', (s) => ({ app, browser, token } = s));

const node = (id: string, type: string, x: number, y: number, config: Record<string, unknown>) => ({ id, type, position: { x, y }, config });
const message = (text: string, buttons: { id: string; title: string }[] = []) => ({ text, buttons, list: null, media: null, typingDelayMs: 0 });
const trigger = (keyword: string) => node('start', 'trigger', 0, 0, { keywords: [{ match: 'exact', value: keyword }], newContact: false, fallback: false, channelIds: [], priority: 0 });
const end = (id: string, x: number, y: number) => node(id, 'message', x, y, message('Obrigado, até logo!'));
const edge = (source: string, sourceHandle: string, target: string) => ({ id: `${source}.${sourceHandle}`, source, sourceHandle, target });
const doc = (nodes: unknown[], edges: unknown[]) => ({ schemaVersion: 1, nodes, edges, settings: { variables: [] } });

async function flowPage(document: unknown, o: { lang?: 'en' | 'pt-BR'; phone?: boolean; publish?: boolean } = {}): Promise<Page> {
  const created = await api(app, 'POST', '/v1/flows', { name: `Flores ${Date.now()}`, document }, token);
  expect(created.status).toBe(201);
  if (o.publish) expect((await api(app, 'POST', `/v1/flows/${created.body.id}/publish`, {}, token)).status).toBe(201);
  const page = await signedInPage(browser, app, token, o.lang ?? 'en', o.phone ?? false);
  if (!o.phone) await page.setViewportSize({ width: 1280, height: 800 });
  await openFlow(page, app, created.body.id);
  return page;
}

const zoomOf = (page: Page) => page.locator('.react-flow__viewport').evaluate((e) => new DOMMatrix(getComputedStyle(e).transform).a);

/** Waits until the view holds still (an opening fit or a fit-view animation ran its course). */
async function settled(page: Page): Promise<number> {
  for (let i = 0; i < 40; i++) {
    const style = await page.locator('.react-flow__viewport').getAttribute('style');
    await page.waitForTimeout(120);
    if (style === (await page.locator('.react-flow__viewport').getAttribute('style'))) break;
  }
  return zoomOf(page);
}

const cardBoxes = (page: Page) =>
  page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => ({ id: e.getAttribute('data-id')!, ...e.getBoundingClientRect().toJSON() as { x: number; y: number; width: number; height: number } })));

const threeSteps = doc(
  [trigger('flores'), node('hello', 'message', 320, 0, message('Oi! Quer ver o catálogo de flores?')), end('bye', 640, 0)],
  [edge('start', 'next', 'hello'), edge('hello', 'next', 'bye')],
);

describe('drawing a flow from scratch', () => {
  it('when a 3-step flow opens, or is fitted with either fit-view button, then its cards stay at normal size, centred', async () => {
    const page = await flowPage(threeSteps);
    expect(await settled(page)).toBeLessThanOrEqual(1);
    expect(await zoomOf(page)).toBeGreaterThanOrEqual(0.9);
    // The canvas's own fit-view button (bottom left) once blew a short flow up to twice its size.
    await page.click('.react-flow__controls-fitview');
    expect(await settled(page)).toBeLessThanOrEqual(1);
    await page.click('[data-testid=fit-view]');
    expect(await settled(page)).toBeLessThanOrEqual(1);
    // Centred: the middle of the cards is near the middle of the canvas.
    const pane = (await page.locator('.react-flow').boundingBox())!;
    const boxes = await cardBoxes(page);
    const left = Math.min(...boxes.map((b) => b.x));
    const right = Math.max(...boxes.map((b) => b.x + b.width));
    expect(Math.abs((left + right) / 2 - (pane.x + pane.width / 2))).toBeLessThan(40);
    await page.screenshot({ path: screenshotPath('builder-fit-short-en') });

    // On a phone it opens readable (never below the zoom where card text can be read), and no larger than normal.
    const phone = await flowPage(threeSteps, { lang: 'pt-BR', phone: true });
    const zoom = await settled(phone);
    expect(zoom).toBeLessThanOrEqual(1);
    expect(zoom).toBeGreaterThanOrEqual(0.6);
    await phone.screenshot({ path: screenshotPath('builder-fit-short-pt-BR') });
    await phone.click('.react-flow__controls-fitview');
    expect(await settled(phone)).toBeLessThanOrEqual(1);
  });

  const grownFlow = () => {
    const long = 'Temos rosas, girassóis, orquídeas e lírios para todas as ocasiões. '.repeat(6);
    const buttons = ['Rosas', 'Girassóis', 'Orquídeas', 'Lírios'].map((title, i) => ({ id: `b${i}`, title }));
    return doc(
      [
        trigger('catalogo'),
        node('menu', 'message', 320, 0, message('O que você procura?', [{ id: 'ver', title: 'Ver flores' }, { id: 'falar', title: 'Falar' }])),
        // Drawn where a short card would fit: the long one runs down over 'short'.
        node('long', 'message', 640, 0, message(long, buttons)),
        node('short', 'message', 640, 120, message('Um momento!')),
        ...buttons.map((b, i) => end(`end${i}`, 960, i * 120)),
        end('bye', 960, 600),
      ],
      [edge('start', 'next', 'menu'), edge('menu', 'btn:ver', 'long'), edge('menu', 'btn:falar', 'short'), edge('short', 'next', 'bye'), ...buttons.map((b, i) => edge('long', `btn:${b.id}`, `end${i}`))],
    );
  };

  const overlapsOn = async (page: Page) => {
    const boxes = await cardBoxes(page);
    return boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => !(a.x + a.width <= b.x + 0.5 || b.x + b.width <= a.x + 0.5 || a.y + a.height <= b.y + 0.5 || b.y + b.height <= a.y + 0.5)).map((b) => `${a.id}/${b.id}`));
  };

  it('when a message card grew tall over the card below it and tidy-up runs, then no two cards overlap', async () => {
    const page = await flowPage(grownFlow());
    expect(await overlapsOn(page)).toContain('long/short');
    await tidyUp(page);
    expect(await overlapsOn(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('builder-tidy-tall-card-en') });
  });

  it('when tidy-up runs on a phone, where the tall card was never on screen, then no two cards overlap either', async () => {
    const page = await flowPage(grownFlow(), { lang: 'pt-BR', phone: true });
    // The flow opens on its start, readable: the tall card is off screen, and not drawn.
    expect(await page.locator('.react-flow__node[data-id=long]').count()).toBe(0);
    await tidyUp(page);
    await page.click('.react-flow__controls-fitview');
    await settled(page);
    expect(await overlapsOn(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('builder-tidy-tall-card-pt-BR') });
  });

  it('when Publish is greyed out, then the reason shows under it in words, in the 1280 px header and on a 390 px phone', async () => {
    // Published as it is: nothing new to publish.
    const en = await flowPage(threeSteps, { publish: true });
    const reason = en.getByTestId('publish-reason');
    await expect.poll(() => reason.textContent()).toBe('Nothing new to publish');
    expect(await en.isDisabled('[data-testid=publish]')).toBe(true);
    const header = (await en.locator('header').first().boundingBox())!;
    const shown = (await reason.boundingBox())!;
    expect(header.height).toBeLessThanOrEqual(56);
    expect(shown.y + shown.height).toBeLessThanOrEqual(header.y + header.height);
    await en.screenshot({ path: screenshotPath('builder-publish-reason-en') });

    // A message without text is an error: the reason counts the errors, in Portuguese on a phone.
    const pt = await flowPage(doc([trigger('flores'), node('hello', 'message', 320, 0, message(''))], [edge('start', 'next', 'hello')]), { lang: 'pt-BR', phone: true });
    const motivo = pt.getByTestId('publish-reason');
    await expect.poll(() => motivo.textContent()).toMatch(/^Corrija \d+ erros? para publicar$/);
    await pt.screenshot({ path: screenshotPath('builder-publish-reason-pt-BR') });
    const box = (await motivo.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await pt.screenshot({ path: screenshotPath('builder-publish-reason-pt-BR') });
  });

  it('when an AI reply step is in a workspace with no AI provider, then the problems list warns where an admin sets one up, and Publish asks first', async () => {
    const ai = node('ai', 'ai_reply', 320, 0, { systemPrompt: 'Você é a florista da loja.', model: '', temperature: 0.7, historyWindow: 10, maxTokens: 512, timeoutSeconds: 30, saveAs: null });
    const aiFlow = doc([trigger('flores'), ai, end('bye', 640, 0)], [edge('start', 'next', 'ai'), edge('ai', 'ok', 'bye')]);
    const page = await flowPage(aiFlow);
    await page.click('[data-testid=problems-toggle]');
    const warning = page.locator('[data-testid=problems-warnings] [data-testid=problem-item][data-node-id=ai]');
    await expect.poll(() => warning.textContent().catch(() => '')).toContain('an admin sets one up in Settings → AI replies');
    await page.screenshot({ path: screenshotPath('builder-ai-no-provider-en') });
    expect(await page.locator('[data-testid=problems-errors]').count()).toBe(0);
    await page.click('[data-testid=publish]');
    await page.waitForSelector('[data-testid=publish-confirm]');
    expect(await page.locator('[data-testid=publish-confirm]').textContent()).toContain('Settings → AI replies');
    await page.click('[data-testid=publish-confirm-button]');
    await expect.poll(() => page.getByTestId('publish-reason').textContent().catch(() => ''), { timeout: 10_000 }).toBe('Nothing new to publish');

    const pt = await flowPage(aiFlow, { lang: 'pt-BR', phone: true });
    await pt.click('[data-testid=problems-toggle]');
    await expect.poll(() => pt.locator('[data-testid=problem-item][data-node-id=ai]').textContent().catch(() => '')).toContain('Configurações → Respostas com IA');
    await pt.screenshot({ path: screenshotPath('builder-ai-no-provider-pt-BR') });
  });

  it('when an admin sets up or removes an AI provider in another tab, then the open builder follows when its window has the focus back, without a reload', async () => {
    const ai = node('ai', 'ai_reply', 320, 0, { systemPrompt: 'Você é a florista da loja.', model: '', temperature: 0.7, historyWindow: 10, maxTokens: 512, timeoutSeconds: 30, saveAs: null });
    const aiFlow = doc([trigger('flores'), ai, end('bye', 640, 0)], [edge('start', 'next', 'ai'), edge('ai', 'ok', 'bye')]);
    const focusBack = (p: Page) => p.evaluate(() => window.dispatchEvent(new Event('focus')));
    const page = await flowPage(aiFlow);
    await page.click('[data-testid=problems-toggle]');
    // The step's other problems (its outputs not connected) stay: only this one comes and goes.
    const warning = page.locator('[data-testid=problem-item][data-node-id=ai]', { hasText: 'Settings → AI replies' });
    await expect.poll(() => warning.count()).toBe(1);
    const flowReads: string[] = [];
    page.on('request', (r) => /\/v1\/flows\/[^/]+$/.test(new URL(r.url()).pathname) && r.method() === 'GET' && flowReads.push(r.url()));
    expect((await api(app, 'PUT', '/v1/settings/ai', { baseUrl: 'https://llm.example.com/v1', model: 'm' }, token)).status).toBe(200);
    await focusBack(page);
    await expect.poll(() => warning.count()).toBe(0);
    // The flow document was not read again for it.
    expect(flowReads).toEqual([]);
    await page.screenshot({ path: screenshotPath('builder-ai-provider-set-en') });

    const pt = await flowPage(aiFlow, { lang: 'pt-BR' });
    await pt.click('[data-testid=problems-toggle]');
    const aviso = pt.locator('[data-testid=problem-item][data-node-id=ai]', { hasText: 'Configurações → Respostas com IA' });
    // The list is drawn (the step's other problems), with no word of the provider, which is set up.
    await expect.poll(() => pt.locator('[data-testid=problem-item][data-node-id=ai]').count()).toBeGreaterThan(0);
    expect(await aviso.count()).toBe(0);
    expect((await api(app, 'PUT', '/v1/settings/ai', { baseUrl: null }, token)).status).toBe(200);
    await focusBack(pt);
    await expect.poll(() => aviso.count()).toBe(1);
    await pt.screenshot({ path: screenshotPath('builder-ai-provider-removed-pt-BR') });
  });
});
