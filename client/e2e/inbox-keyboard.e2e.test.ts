// An agent's day with the keyboard only, at a laptop's 1280 px: the folders are one Tab stop moved
// with the arrows, the focus follows the chat opened from the list, the reply box's lists name their
// highlighted item to a screen reader, Escape leaves the box for the messages and then the chat
// (back on its row), a customer's new message is read out without taking the focus, the letters do
// nothing behind an open dialog, and the "?" help lists the keys that work, in both languages.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { api } from '../../server/test/harness';
import { textMessage } from '../../server/test/fakes/whatsapp-payloads';
import { eventually, sentTexts, type Pipeline } from '../../server/test/pipeline';
import { screenshotPath } from './browser';
import { agentPage, listedIds, row, quietFor, settle, startInboxSuite, type Agent } from './inbox-page';

let p: Pipeline;
let browser: Browser;
let ana: Agent;
let bruno: Agent;
const rosa = { waId: '5511987003301', name: 'Dona Rosa' };
const lima = { waId: '5511987003302', name: 'Seu Lima' };

startInboxSuite(async (s) => {
  ({ p, browser, ana, bruno } = s);
  expect((await api(p.app, 'POST', '/v1/canned-responses', { shortcut: 'oi', text: 'Olá {{contact.name}}, tudo bem?' }, p.token)).status).toBe(201);
});

/** The customer asks for help: the chat waits for an agent; its id. */
async function waitingChat(person: { waId: string; name: string }): Promise<string> {
  await p.wa.inbound(person, textMessage('ajuda'));
  return eventually(async () => (await api(p.app, 'GET', '/v1/conversations?status=waiting', undefined, p.token)).body.items.find((c: { contact: { name: string } }) => c.contact.name === person.name)?.id as string | undefined);
}

/** The focused element's data-testid (or its tag when it has none). */
const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? null);
const focusedAttr = (page: Page, name: string) => page.evaluate((n) => document.activeElement?.getAttribute(n) ?? null, name);

/** Tab until the focus is on `testId` (at most `max` presses); the presses it took. */
async function tabTo(page: Page, testId: string, max = 12): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    if ((await focused(page)) === testId) return i;
  }
  throw new Error(`Tab never reached ${testId} (last: ${await focused(page)})`);
}

describe('inbox with the keyboard', () => {
  it('when an agent works a chat with the keyboard only (pt-BR), then the focus lands where the next key is wanted and a screen reader hears what changed', async () => {
    const rosaChat = await waitingChat(rosa);
    const limaChat = await waitingChat(lima);
    const { context, page } = await agentPage(browser, p, bruno, { lang: 'pt-BR', width: 1280, height: 800 });
    await page.goto(`${p.app.url}/inbox`);
    await row(page, rosaChat).waitFor();

    // "/" goes to the search; from there Tab reaches the folders, one stop for all of them.
    await page.keyboard.press('/');
    expect(await focused(page)).toBe('inbox-search');
    await tabTo(page, 'folder-waiting');
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toBe('folder-mine');
    await expect.poll(() => page.getAttribute('[data-testid=folder-mine]', 'aria-selected')).toBe('true');
    await settle(page);
    await page.screenshot({ path: screenshotPath('inbox-keyboard-folders-pt-BR') });
    await page.keyboard.press('ArrowLeft');
    expect(await focused(page)).toBe('folder-waiting');
    // The next Tab leaves the folders for the first chat of the list.
    await row(page, limaChat).waitFor();
    const [first, second] = await listedIds(page);
    // The second chat is the one worked below: its customer, by name.
    const customer = second === rosaChat ? rosa : lima;
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe(`conversation-${first}`);
    // A screen reader names the row by the customer, not by the avatar's initials first.
    const firstName = first === rosaChat ? rosa.name : lima.name;
    expect(await page.getByRole('button', { name: new RegExp(`^${firstName}`) }).getAttribute('data-testid')).toBe(`conversation-${first}`);

    // Enter opens it; J opens the next one, and the focus follows it down the list (K back up).
    await page.keyboard.press('Enter');
    await page.waitForSelector(`[data-testid=thread][data-conversation-id="${first}"]`);
    await page.keyboard.press('j');
    await page.waitForSelector(`[data-testid=thread][data-conversation-id="${second}"]`);
    await expect.poll(() => focused(page)).toBe(`conversation-${second}`);
    expect(await focusedAttr(page, 'aria-current')).toBe('true');
    // Its ring is drawn inside the row, where the next row and the list's edges do not hide it.
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineOffset)).toBe('-2px');
    await settle(page);
    await page.screenshot({ path: screenshotPath('inbox-keyboard-row-pt-BR') });
    // On a slow line the chat K opens is read half a second later.
    const slow = `**/v1/conversations/${first}`;
    await page.route(slow, async (route) => {
      await new Promise((done) => setTimeout(done, 500));
      await route.continue();
    });
    await page.keyboard.press('k');
    await page.waitForSelector(`[data-testid=thread][data-conversation-id="${first}"]`);
    await expect.poll(() => focused(page)).toBe(`conversation-${first}`);

    // R goes to the reply box, also pressed while the chat is still being read (the box shows a moment
    // later); Alt+↓ from there opens the next chat with its box ready for typing.
    await page.keyboard.press('r');
    await expect.poll(() => focused(page)).toBe('composer-input');
    await page.unroute(slow);
    await page.keyboard.press('Alt+ArrowDown');
    await page.waitForSelector(`[data-testid=thread][data-conversation-id="${second}"]`);
    await expect.poll(() => focused(page)).toBe('composer-input');

    // Escape leaves the box for the messages, named for the customer: the letters work again there.
    await page.keyboard.press('Escape');
    expect(await focused(page)).toBe('thread-messages');
    expect(await focusedAttr(page, 'aria-label')).toBe(`Mensagens com ${customer.name}`);
    // A takes it (the button tells a screen reader its key).
    expect(await page.getAttribute('[data-testid=take]', 'aria-keyshortcuts')).toBe('A');
    await page.keyboard.press('a');
    await page.waitForSelector('[data-testid=owner-banner][data-status=human]');

    // A canned response: the box names the highlighted item of the list it controls.
    await page.keyboard.press('r');
    const input = page.locator('[data-testid=composer-input]');
    await page.keyboard.type('/oi');
    await page.waitForSelector('[data-testid=canned-oi]');
    const listId = await input.getAttribute('aria-controls');
    expect(listId).toBeTruthy();
    expect(await page.getAttribute('[data-testid=canned-picker]', 'id')).toBe(listId);
    const highlighted = await input.getAttribute('aria-activedescendant');
    expect(await page.getAttribute('[data-testid=canned-oi]', 'id')).toBe(highlighted);
    expect(await page.getAttribute('[data-testid=canned-oi]', 'aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    expect(await input.getAttribute('aria-activedescendant')).toBeNull();
    await page.keyboard.press('Enter');
    await eventually(() => sentTexts(p.wa, customer.waId).includes(`Olá ${customer.name}, tudo bem?`));
    // Sent, the box keeps the focus for the next words.
    expect(await focused(page)).toBe('composer-input');

    // The customer writes: a screen reader reads it out, and the focus stays where it was.
    await page.keyboard.press('Escape');
    expect(await focused(page)).toBe('thread-messages');
    await p.wa.inbound(customer, textMessage('Quero saber do meu pedido'));
    await expect.poll(() => page.textContent('[data-testid=thread-arrivals]'), { timeout: 10_000 }).toBe(`${customer.name} escreveu: Quero saber do meu pedido`);
    expect(await page.getAttribute('[data-testid=thread-arrivals]', 'aria-live')).toBe('polite');
    expect(await focused(page)).toBe('thread-messages');
    await settle(page);
    await page.screenshot({ path: screenshotPath('inbox-keyboard-messages-pt-BR') });

    // N writes a note; the @ list names its highlighted teammate too.
    await page.keyboard.press('n');
    expect(await focused(page)).toBe('composer-input');
    await page.keyboard.type('Pedido atrasado, @An');
    await page.waitForSelector(`[data-testid=mention-option-${ana.userId}]`);
    expect(await input.getAttribute('aria-activedescendant')).toBe(await page.getAttribute(`[data-testid=mention-option-${ana.userId}]`, 'id'));
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=message][data-kind=note]');

    // Escape twice: out of the box, then out of the chat. Taken, it left Waiting: the focus is on
    // the folders, and her chat is a → and a Tab away, in Mine.
    await page.keyboard.press('Escape');
    expect(await focused(page)).toBe('thread-messages');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=thread-none]');
    await expect.poll(() => focused(page)).toBe('folder-waiting');
    await page.keyboard.press('ArrowRight');
    await row(page, second).waitFor();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe(`conversation-${second}`);
    // Opened from her row, one Escape there leaves the chat, the focus staying on the row.
    await page.keyboard.press('Enter');
    await page.waitForSelector(`[data-testid=thread][data-conversation-id="${second}"]`);
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=thread-none]');
    await expect.poll(() => focused(page)).toBe(`conversation-${second}`);

    // The help lists the keys that work, and a letter typed over it does nothing behind it.
    await page.keyboard.press('Shift+Slash');
    const help = page.getByRole('dialog', { name: 'Atalhos de teclado' });
    await help.waitFor();
    expect(await help.getByRole('button', { name: 'Fechar janela' }).count()).toBe(1);
    for (const text of ['Buscar conversas', 'Na caixa de resposta', 'Resposta rápida (no início da resposta)', 'Mencionar um colega (em uma nota)', 'Pasta anterior ou seguinte']) {
      expect(await help.textContent()).toContain(text);
    }
    await page.keyboard.press('j');
    await quietFor(page);
    expect(page.url()).toMatch(/\/inbox$/);
    await page.screenshot({ path: screenshotPath('inbox-keyboard-help-pt-BR') });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await context.close();
  });

  it('when an agent gives a chat away, opens the details and closes a chat with the keyboard (en), then menus and dialogs are named and hand the focus back', async () => {
    const chat = await waitingChat({ waId: '5511987003303', name: 'Dona Cida' });
    const { context, page } = await agentPage(browser, p, ana, { lang: 'en', width: 1280, height: 800 });
    await page.goto(`${p.app.url}/inbox`);
    await row(page, chat).waitFor();
    // Search for her, then Tab down to her row and open it.
    await page.keyboard.press('/');
    await page.keyboard.type('Cida');
    await expect.poll(() => page.locator('[data-testid^=conversation-]').count()).toBe(1);
    await tabTo(page, `conversation-${chat}`);
    await page.keyboard.press('Enter');
    // A acts on the chat once it is read (its Take button is drawn): the thread can show before that.
    await page.waitForSelector(`[data-testid=thread][data-conversation-id="${chat}"] [data-testid=take]`);
    await page.keyboard.press('a');
    await page.waitForSelector('[data-testid=owner-banner][data-status=human]');

    // The ⋯ menu opens with Enter; Escape closes it, the focus back on its button.
    await tabTo(page, 'thread-menu', 20);
    expect(await focusedAttr(page, 'aria-label')).toBe('More actions');
    await page.keyboard.press('Enter');
    await page.getByRole('menu').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('menu').count()).toBe(0);
    expect(await focused(page)).toBe('thread-menu');
    // A dialog asked from the menu (Close…) gives the focus back to the ⋯ button, not to nowhere.
    await page.keyboard.press('Enter');
    await page.getByRole('menu').waitFor();
    for (let i = 0; i < 10 && (await focused(page)) !== 'menu-close'; i++) await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toBe('menu-close');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Close this conversation?' }).waitFor();
    expect(await focused(page)).toBe('confirm-close');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => focused(page)).toBe('thread-menu');

    // "Show details" with the details already beside the chat takes the agent into them.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('toggle-side');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('inbox-side');
    expect(await focusedAttr(page, 'aria-label')).toBe('Details');
    await settle(page);
    await page.screenshot({ path: screenshotPath('inbox-keyboard-details-en') });

    // E asks first; the dialog is named, its × too, and closing it leaves the focus where it was.
    await page.keyboard.press('e');
    const dialog = page.getByRole('dialog', { name: 'Close this conversation?' });
    await dialog.waitFor();
    // Its × is not a second "Close" beside the button that closes the chat.
    expect(await dialog.getByRole('button', { name: 'Close dialog' }).count()).toBe(1);
    expect(await dialog.getByRole('button', { name: 'Close', exact: true }).getAttribute('data-testid')).toBe('confirm-close');
    await settle(page);
    await page.screenshot({ path: screenshotPath('inbox-keyboard-close-en') });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => focused(page)).toBe('inbox-side');
    await page.keyboard.press('e');
    await dialog.waitFor();
    expect(await focused(page)).toBe('confirm-close');
    await page.keyboard.press('Enter');
    await eventually(async () => (await api(p.app, 'GET', `/v1/conversations/${chat}`, undefined, p.token)).body.status === 'closed');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => focused(page)).toBe('inbox-side');
    await context.close();
  });

  it('when the focused chat leaves Waiting (taken with A, or by a teammate), then the focus goes to the row in its place, and to the folders once the list is empty (en)', async () => {
    const chats: string[] = [];
    for (const [i, name] of ['Gil Souza', 'Hana Lopes', 'Ivo Teles', 'Jane Reis'].entries()) chats.push(await waitingChat({ waId: `551198700331${i}`, name }));
    const { context, page } = await agentPage(browser, p, bruno, { lang: 'en', width: 1280, height: 800 });
    await page.goto(`${p.app.url}/inbox`);
    for (const id of chats) await row(page, id).waitFor();
    /** The chat open, with its Take button: A takes it. */
    const opened = (id: string) => page.waitForSelector(`[data-testid=thread][data-conversation-id="${id}"] [data-testid=take]`);
    const ids = await listedIds(page);
    /** The row the focus goes to when `id` leaves `list`: the next one, the one before when it was last. */
    const inPlace = (list: string[], id: string) => list[list.indexOf(id) + 1] ?? list[list.indexOf(id) - 1];
    await page.keyboard.press('/');
    await tabTo(page, `conversation-${ids[0]}`);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`[data-testid=thread][data-conversation-id="${ids[0]}"]`);
    await page.keyboard.press('j');
    await opened(ids[1]!);
    await expect.poll(() => focused(page)).toBe(`conversation-${ids[1]}`);
    // A takes the chat: its row leaves Waiting, and the next row has the focus.
    await page.keyboard.press('a');
    await expect.poll(() => row(page, ids[1]!).count()).toBe(0);
    await expect.poll(() => focused(page)).toBe(`conversation-${ids[2]}`);
    await settle(page);
    await page.screenshot({ path: screenshotPath('inbox-keyboard-taken-en') });

    // The last row taken: the one before it.
    let left = await listedIds(page);
    const last = left.at(-1)!;
    // Enter opens the focused row's chat; J goes down to the last.
    await page.keyboard.press('Enter');
    for (const id of left.slice(left.indexOf(ids[2]!))) {
      if (id !== ids[2]) await page.keyboard.press('j');
      await opened(id);
    }
    await expect.poll(() => focused(page)).toBe(`conversation-${last}`);
    await page.keyboard.press('a');
    await expect.poll(() => row(page, last).count()).toBe(0);
    await expect.poll(() => focused(page)).toBe(`conversation-${inPlace(left, last)}`);

    // A teammate takes the focused chat (a live update), then every other one: the folders have the focus.
    left = await listedIds(page);
    const take = (id: string) => api(p.app, 'POST', `/v1/conversations/${id}/assign`, { assigneeId: ana.userId }, ana.token);
    const mark = (await focused(page))!.replace('conversation-', '');
    expect((await take(mark)).status).toBe(200);
    await expect.poll(() => row(page, mark).count()).toBe(0);
    await expect.poll(() => focused(page)).toBe(`conversation-${inPlace(left, mark)}`);
    for (const id of await listedIds(page)) expect((await take(id)).status).toBe(200);
    await page.getByTestId('inbox-list-empty').waitFor();
    await expect.poll(() => focused(page)).toBe('folder-waiting');
    await context.close();
  });
});
