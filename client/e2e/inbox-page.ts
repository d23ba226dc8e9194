// Shared setup for the inbox's browser tests: the WhatsApp pipeline with the built client, a second
// agent in the same workspace, and agent pages signed in like the SPA would be (one context each).
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { addAgent as addWorkspaceAgent } from '../../server/test/agents';
import { edge, flow, keywordTrigger, node } from '../../server/test/flow-docs';
import { api } from '../../server/test/harness';
import { textMessage } from '../../server/test/fakes/whatsapp-payloads';
import { eventually, type Pipeline } from '../../server/test/pipeline';
import { startPipelineSuite } from './suites';

export type Agent = { token: string; userId: string; name: string };

/** A second member (role agent) of the pipeline's workspace. */
export async function addAgent(p: Pipeline, name: string): Promise<Agent> {
  const agent = await addWorkspaceAgent(p.app, p.tenantId, name);
  return { token: agent.token, userId: agent.id, name };
}

export async function ownerAgent(p: Pipeline): Promise<Agent> {
  const me = await api(p.app, 'GET', '/v1/me', undefined, p.token);
  return { token: p.token, userId: me.body.user.id, name: me.body.user.name };
}

export type InboxSuite = { p: Pipeline; browser: Browser; ana: Agent; bruno: Agent };

/**
 * A file's inbox, started before its tests and closed after them: the pipeline with the built
 * client, a browser, the owner Ana and the agent Bruno, and a published flow that hands a customer's
 * "ajuda" to people ("Já chamo alguém!"). `ready` receives them, then may add the file's own setup.
 */
export function startInboxSuite(ready: (s: InboxSuite) => void | Promise<void>): void {
  startPipelineSuite(async ({ p, browser }) => {
    const s = { p, browser, ana: await ownerAgent(p), bruno: await addAgent(p, 'Bruno') };
    await p.publish(flow([keywordTrigger('ajuda'), node('human', 'transfer', { message: 'Já chamo alguém!' })], [edge('start', 'next', 'human')]), 'Atendimento');
    await ready(s);
  });
}

/** A customer's chat, handed to people by the suite's "ajuda" flow and taken by `agent`: its id. */
export async function takenChat(p: Pipeline, agent: Agent, customer: { waId: string; name: string }): Promise<string> {
  await p.wa.inbound(customer, textMessage('ajuda'));
  const id = await eventually(async () => {
    const list = await api(p.app, 'GET', '/v1/conversations?status=waiting', undefined, p.token);
    return list.body.items.find((c: { contact: { name: string } }) => c.contact.name === customer.name)?.id as string | undefined;
  });
  const taken = await api(p.app, 'POST', `/v1/conversations/${id}/assign`, { assigneeId: agent.userId }, agent.token);
  if (taken.status !== 200) throw new Error(`assign answered ${taken.status}`);
  return id;
}

/**
 * A fresh browser context (no stored sign-in) in `lang`, signed in through the login form as the
 * member with `email`: the way a new agent arrives, greeted by the sign-in toast. Under 500 px wide
 * it is a phone (touch).
 */
export async function signInFresh(browser: Browser, p: Pipeline, email: string, lang: 'en' | 'pt-BR', viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }> {
  const phone = viewport.width < 500;
  const context = await browser.newContext({ locale: lang === 'en' ? 'en-US' : 'pt-BR', viewport, isMobile: phone, hasTouch: phone });
  await context.addInitScript((l) => localStorage.setItem('zyntra.lang', l), lang);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('[browser]', err.message));
  await page.goto(`${p.app.url}/login`);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', 'senha-forte-9');
  await page.click('[data-testid=login-submit]');
  return { context, page };
}

type PageOpts = { lang?: 'en' | 'pt-BR'; width?: number; height?: number };

/** A fresh browser context (its own storage and sockets) signed in as `agent`. */
export async function agentPage(browser: Browser, p: Pipeline, agent: Agent, o: PageOpts = {}): Promise<{ context: BrowserContext; page: Page }> {
  const me = await api(p.app, 'GET', '/v1/me', undefined, agent.token);
  const auth = JSON.stringify({ state: { token: agent.token, refreshToken: null, user: me.body.user, workspace: me.body.workspace, role: me.body.role }, version: 1 });
  const context = await browser.newContext({
    locale: o.lang === 'pt-BR' ? 'pt-BR' : 'en-US',
    viewport: { width: o.width ?? 1440, height: o.height ?? 900 },
    isMobile: (o.width ?? 1440) < 500,
    hasTouch: (o.width ?? 1440) < 500,
  });
  await context.addInitScript(
    ([a, l]) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('zyntra.auth', a!);
        localStorage.setItem('zyntra.lang', l!);
        sessionStorage.setItem('seeded', '1');
      }
    },
    [auth, o.lang ?? 'en'],
  );
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('[browser]', err.message));
  return { context, page };
}

export const row = (page: Page, conversationId: string) => page.locator(`[data-testid=conversation-${conversationId}]`);

/** The ids of the conversations in the list, top first. */
export const listedIds = (page: Page) =>
  page.locator('[data-testid^=conversation-]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.replace('conversation-', '')));

/** Texts of the thread's bubbles, oldest first (notes included). */
export const bubbleTexts = (page: Page) => page.locator('[data-testid=message] [data-testid=message-text]').allTextContents();

/**
 * Waits for the page's transitions (Mantine's modals, menus, drawers and toasts fade and slide with
 * CSS transitions) so a screenshot or a measured box is not caught half-way: two frames for a
 * transition just asked for to start, then until no finite animation runs, then two frames more for
 * one that the last one's end set off. Infinite ones (a loader's spin) are not waited for. At most `capMs`.
 */
export const settle = (page: Page, capMs = 2_000) =>
  page.evaluate(async (cap) => {
    const end = performance.now() + cap;
    const frame = () => new Promise((r) => {
      requestAnimationFrame(() => r(null));
      setTimeout(r, 50); // a page in the background gets no frames
    });
    const running = () => document.getAnimations().filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().endTime !== Infinity);
    for (let calm = 0; calm < 2 && performance.now() < end;) {
      await frame();
      await frame();
      const now = running();
      if (now.length === 0) calm++;
      else {
        calm = 0;
        await Promise.race([Promise.all(now.map((a) => a.finished.catch(() => null))), new Promise((r) => setTimeout(r, Math.max(0, end - performance.now())))]);
      }
    }
  }, capMs);

/**
 * Lets `ms` pass: for a check that something did NOT happen (no tone, no send, no tooltip, no
 * navigation) after what could have set it off; there is no event to wait for, only time.
 */
export const quietFor = (page: Page, ms = 350) => page.waitForTimeout(ms);

type Path = Array<[dx: number, dy: number]>;

/** A finger's pointer events dispatched on `target`: down at its middle, then through `path` (offsets from there); the returned function lifts it there. */
export async function swipePointer(target: Locator, path: Path): Promise<() => Promise<void>> {
  const box = (await target.boundingBox())!;
  const at = ([dx, dy]: [number, number]) => ({ pointerId: 7, pointerType: 'touch', isPrimary: true, clientX: box.x + box.width / 2 + dx, clientY: box.y + box.height / 2 + dy });
  await target.dispatchEvent('pointerdown', at([0, 0]));
  for (const step of path) await target.dispatchEvent('pointermove', at(step));
  return () => target.dispatchEvent('pointerup', at(path.at(-1) ?? [0, 0]));
}

/**
 * A real touch on the screen (Chromium's own touch input, so the browser makes the pointer events
 * and applies touch-action): down at `target`'s middle, through `path`; the returned function lifts it.
 */
export async function swipeTouch(page: Page, target: Locator, path: Path): Promise<() => Promise<void>> {
  const box = (await target.boundingBox())!;
  const cdp = await page.context().newCDPSession(page);
  const at = ([dx, dy]: [number, number]) => [{ x: box.x + box.width / 2 + dx, y: box.y + box.height / 2 + dy }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at([0, 0]) });
  for (const step of path) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(step) });
  return async () => {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await cdp.detach();
  };
}
